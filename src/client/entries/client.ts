/**
 * /_deck/client.js, added to every served deck page: live reload, following the presenter (or, on the presenter's
 * own deck, /?token=…, driving), the black/white screen, the offline badge, and, for the presenter only, build
 * errors and speaker notes. With ?receiver (the copies inside the presenter view and the remote) it does only
 * live reload.
 */
import type { ServerMessage } from '../../serve/protocol.js';
import { publishHook } from '../hook.js';
import { createLiveReload } from '../live-reload.js';
import { showBuildError, showOffline, showScreen } from '../overlays.js';
import { positionOf, revealOf, whenReady, type Position } from '../reveal.js';
import { connect } from '../socket.js';
import { restoreNotes, speakerViewLang } from '../speaker-notes.js';

const script = document.currentScript;
const params = new URLSearchParams(location.search);
const receiver = params.has('receiver');
const token = receiver ? '' : (params.get('token') ?? '');
const reveal = revealOf(window);
const topLevel = window.top === window;
const status = publishHook({
  mode: script?.getAttribute('data-mode') ?? 'present',
  receiver,
  presenter: false,
  connected: false,
  build: 0,
  updates: 0,
});
let following = false;
const go = (to: Position) => {
  following = true;
  try {
    reveal?.slide(to.h, to.v, to.f);
  } finally {
    following = false;
  }
};
const updated = () => {
  status.updates += 1;
  window.dispatchEvent(new CustomEvent('deck:updated'));
};
const live = createLiveReload(reveal, go, updated);
let reloadedFor = live.reloadedFor;

whenReady(reveal, () => {
  const saved = live.takeSaved();
  if (saved) go(saved);
  // One order everywhere: → and Space walk vertical slides and fragments, as the presenter view's Next does.
  if (!receiver) reveal?.configure({ navigationMode: 'linear' });
});
if (token && topLevel) speakerViewLang(window, document.documentElement.lang);

const onMessage = (message: ServerMessage) => {
  switch (message.type) {
    case 'welcome':
      if (reloadedFor !== null && message.build > reloadedFor) {
        reloadedFor = null;
        status.build = message.build;
        live.hard(message.build);
        return;
      }
      reloadedFor = null;
      status.presenter = message.presenter;
      status.build = message.build;
      if (receiver) return;
      if (message.presenter && topLevel) {
        showBuildError(message.error);
        whenReady(reveal, () => void restoreNotes(reveal!, token).catch(() => undefined));
      }
      showScreen(message.screen);
      if (message.state) {
        const state = message.state;
        whenReady(reveal, () => go(state));
      }
      return;
    case 'state':
      if (!receiver) whenReady(reveal, () => go(message));
      return;
    case 'screen':
      if (!receiver) showScreen(message.mode);
      return;
    case 'reload':
      status.build = message.build;
      if (message.hard || !reveal?.isReady()) live.hard(message.build);
      else live.soft(message.build);
      return;
    case 'css':
      status.build = message.build;
      live.css(message.href, message.build);
      return;
    case 'error':
      if (status.presenter && topLevel && !receiver) showBuildError(message.error);
      return;
    case 'timer':
    case 'denied':
      return;
    default: {
      const never: never = message;
      return never;
    }
  }
};

const socket = connect({
  role: receiver ? 'receiver' : 'deck',
  token,
  onMessage,
  onStatus: (connected) => {
    status.connected = connected;
    if (!receiver && topLevel) {
      showOffline(
        !connected,
        status.presenter ? 'Offline: your moves do not reach the audience (reconnecting…)' : 'Connection lost: reconnecting…',
      );
    }
  },
});

const report = () => {
  if (!status.presenter || following || receiver) return;
  if (!status.connected) return;
  const at = positionOf(reveal!);
  socket.send({ type: 'navigate', h: at.h, v: at.v, f: at.f });
};
for (const name of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal?.on(name, report);
