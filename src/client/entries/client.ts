/**
 * /_deck/client.js, added to every served deck page: live reload, following the presenter (or, on the presenter's
 * own deck, /?token=…, driving), the black/white screen, the offline badge, and, for the presenter only, build
 * errors and speaker notes. With ?receiver (the copies inside the presenter view and the remote) it does only
 * live reload.
 */
import type { ClockState, NotesPayload, ServerMessage } from '../../serve/protocol.js';
import { publishHook } from '../hook.js';
import { linkPause } from '../deck-pause.js';
import { createLiveReload } from '../live-reload.js';
import { showOffline, showScreen } from '../overlays.js';
import { enterStacksAtTop, positionOf, revealOf, whenReady, type Position } from '../reveal.js';
import { connect } from '../socket.js';
import { elapsedMs, planAt } from '../clock.js';
import { showServerClock } from '../speaker-clock.js';
import { createErrorPlace } from '../speaker-error.js';
import { onSpeakerView, restoreNotes } from '../speaker-notes.js';
import { takeToken } from '../tab-token.js';

const script = document.currentScript;
const params = new URLSearchParams(location.search);
const receiver = params.has('receiver');
const topLevel = window.top === window;
const token = receiver ? '' : topLevel ? takeToken(window) : (params.get('token') ?? '');
const reveal = revealOf(window);
const status = publishHook({
  mode: script?.getAttribute('data-mode') ?? 'present',
  receiver,
  presenter: false,
  connected: false,
  build: 0,
  updates: 0,
});
let following = false;
/** Where the server says the talk is (the presenter's own deck goes back there when a move cannot be sent). */
let talkAt: Position | null = null;
/** The server's talk clock, and the talk time when the presenter reached this slide (for the speaker view). */
let clock: ClockState = { startedAt: null, pausedAt: null, pausedMs: 0 };
let slideClockAt = 0;
/** Build errors, shown on the presenter's own deck only (in its speaker view while that is open). */
const errors = createErrorPlace();
/** The notes and timing plan, for the presenter's own deck only (from /_deck/notes.json: the page carries neither). */
let speakerPart: NotesPayload | null = null;
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
  // Slides swapped in place come from the audience's page, without notes: the presenter's deck puts them back.
  if (status.presenter && topLevel && !receiver) void restoreSpeaker();
  window.dispatchEvent(new CustomEvent('deck:updated'));
};
const live = createLiveReload(reveal, go, updated);
// Only the presenter's own deck: in the audience's, reveal.js's blackout stays that page's own.
const pause =
  token && topLevel && reveal
    ? linkPause(reveal, document, {
        drives: () => status.presenter && status.connected,
        send: (mode) => socket.send({ type: 'screen', mode }),
      })
    : null;
let reloadedFor = live.reloadedFor;
/** The digest of the deck this page shows, from the server (null until the first welcome). */
let shownDeck: string | null = null;

whenReady(reveal, () => {
  const saved = live.takeSaved();
  if (saved) go(saved);
  // One order everywhere: → and Space walk vertical slides and fragments, as the presenter view's Next does, and
  // enter a stack at its top.
  if (!receiver && reveal) {
    reveal.configure({ navigationMode: 'linear' });
    reveal.on('slidechanged', () => enterStacksAtTop(reveal));
  }
});

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
      // Reconnected to a server run that serves another deck (edited while it was stopped): this one is stale.
      // No digest: the restarted server has no good build, and the page keeps the last good deck it has.
      if (shownDeck !== null && message.deck !== '' && message.deck !== shownDeck) {
        live.hard(message.build);
        return;
      }
      if (message.deck !== '') shownDeck = message.deck;
      status.presenter = message.presenter;
      status.build = message.build;
      if (receiver) return;
      if (message.presenter && topLevel) {
        errors.show(message.error);
        whenReady(reveal, () => void restoreSpeaker());
      }
      showScreen(message.screen);
      pause?.screen(message.screen);
      talkAt = message.state ?? { h: 0, v: 0, f: -1 };
      clock = message.clock ?? clock;
      slideClockAt = message.state?.clockAt ?? 0;
      if (message.state) {
        const state = message.state;
        whenReady(reveal, () => go(state));
      }
      return;
    case 'state':
      talkAt = message;
      clock = message.clock ?? clock;
      slideClockAt = message.clockAt ?? 0;
      if (!receiver) whenReady(reveal, () => go(message));
      return;
    case 'screen':
      if (!receiver) showScreen(message.mode);
      pause?.screen(message.mode);
      return;
    case 'reload':
      status.build = message.build;
      shownDeck = message.deck;
      if (message.hard || !reveal?.isReady()) live.hard(message.build);
      else live.soft(message.build);
      return;
    case 'css':
      status.build = message.build;
      live.css(message.href, message.build);
      return;
    case 'error':
      if (status.presenter && topLevel && !receiver) errors.show(message.error);
      return;
    case 'notes':
      if (status.presenter && topLevel && !receiver) whenReady(reveal, () => void restoreSpeaker());
      return;
    case 'timer':
      if (message.clock.startedAt === null) slideClockAt = 0;
      clock = message.clock;
      return;
    case 'denied':
      return;
    default: {
      const never: never = message;
      return never;
    }
  }
};

/** The presenter's own deck: its notes back into the slides (for S), and the plan its speaker view paces against. */
const restoreSpeaker = () =>
  restoreNotes(reveal!, token)
    .then((fetched) => void (fetched && (speakerPart = fetched)))
    .catch(() => undefined);

const offlineText = (refused: boolean) =>
  !status.presenter
    ? 'Connection lost: reconnecting…'
    : refused
      ? 'Offline: that move was NOT sent; the audience still sees this slide (reconnecting…)'
      : 'Offline: moves are not sent (reconnecting…)';
/**
 * Whether a move was refused since the connection was lost: the badge keeps saying so until the server is back,
 * through every failed reconnection attempt (each reports the page offline again).
 */
let refused = false;
const socket = connect({
  role: receiver ? 'receiver' : 'deck',
  token,
  onMessage,
  onStatus: (connected) => {
    status.connected = connected;
    if (connected) refused = false;
    if (!receiver && topLevel) showOffline(!connected, offlineText(refused));
  },
});

const report = () => {
  if (!status.presenter || following || receiver) return;
  // Browsing reveal.js's overview (O) is looking, not moving: the audience follows the slide it closes on.
  if (reveal?.isOverview()) return;
  if (!status.connected) {
    // The audience cannot follow: the presenter's deck stays where the audience is, and says why.
    if (talkAt) go(talkAt);
    refused = true;
    if (topLevel) showOffline(true, offlineText(true));
    return;
  }
  const at = positionOf(reveal!);
  talkAt = at;
  slideClockAt = elapsedMs(clock, socket.serverNow());
  socket.send({ type: 'navigate', h: at.h, v: at.v, f: at.f });
};
for (const name of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewhidden']) reveal?.on(name, report);

if (token && topLevel) {
  onSpeakerView(window, document.documentElement.lang, (speaker) => {
    showServerClock(speaker, {
      clock: () => clock,
      serverNow: () => socket.serverNow(),
      slideClockAt: () => slideClockAt,
      plan: () => {
        const slide = reveal?.isReady() ? reveal.getCurrentSlide() : undefined;
        return slide && reveal ? planAt(reveal, reveal.getSlides().indexOf(slide), speakerPart) : null;
      },
    });
    errors.speakerOpened(speaker);
  });
}
