/** `deck serve`: the live server (build, live reload, presenter/audience sync). */
export { startServer } from './server.js';
export type { ServeOptions, ServerHandle, ServerEvents, NavigateEvent, BuildEvent } from './options.js';
export type { Route } from './http.js';
export type { TalkState } from './hub.js';
export { stateFileFor } from './state-file.js';
export type {
  ClientMessage,
  ServerMessage,
  SentSlideState,
  SlideState,
  BuildErrorInfo,
  ClientRole,
  ClockState,
  ScreenMode,
} from './protocol.js';
export { isPublicBind, urlHost } from './urls.js';
export { parsePort } from './listen.js';
export { tokensMatch } from './token.js';
export { lanAddresses, qrTerminal, shareLinks, type ShareLinks } from './share.js';
