/**
 * Driving the talk from the presenter view and the phone remote. A copy of the deck in a frame (src/client/frames.ts)
 * works out where the next and previous steps are, in the one order reveal.js's next()/prev() walk (fragments,
 * vertical slides, then the next slide); the result goes to the server, which moves every audience page. A second
 * copy shows the next step. The clock, the screen (black/white) and build errors come from the server.
 */
import type {
  BuildErrorInfo,
  ClockAction,
  ClockState,
  NotesPayload,
  ScreenMode,
  SentSlideState,
  ServerMessage,
} from '../serve/protocol.js';
import { elapsedMs, planAt, type SlidePlan } from './clock.js';
import { loadDeckFrame, PLACED_EVENT } from './frames.js';
import { fragmentIndices, stepOf } from './order.js';
import { enterStacksAtTop, positionOf, revealIn, samePosition, type Position } from './reveal.js';
import { confirmScreen, requestScreen, screenState, shownScreen, toggleScreen, type ScreenState } from './screen-state.js';
import { notesOf } from './slide-notes.js';
import { connect, type DeckSocket } from './socket.js';

export type Move = 'next' | 'prev' | 'first' | 'last' | { readonly slide: number };

export interface DriverView {
  readonly connected: boolean;
  readonly presenter: boolean;
  readonly error: BuildErrorInfo | null;
  readonly denied: string | null;
  /** When a move was refused because the server could not be reached (epoch ms), else null. */
  readonly refusedAt: number | null;
  /** Current slide, 0-based in the order shown, and the number of slides (-1 and 0 before the deck loads). */
  readonly index: number;
  readonly count: number;
  readonly step: { readonly at: number; readonly of: number };
  readonly title: string;
  /** The deck's title (its page title). */
  readonly deckTitle: string;
  readonly notes: string;
  readonly plan: SlidePlan | null;
  /** The next step: where it is, or null at the end of the deck. */
  readonly upcoming: { readonly index: number; readonly step: { readonly at: number; readonly of: number } } | null;
  readonly clock: ClockState;
  /** Talk time when the presenter reached this slide, ms. */
  readonly slideClockAt: number;
  readonly screen: ScreenMode;
  readonly build: number;
}

export interface DriverOptions {
  readonly role: 'presenter' | 'remote';
  readonly token: string;
  readonly current: HTMLIFrameElement;
  readonly upcoming?: HTMLIFrameElement;
  readonly onUpdate: (view: DriverView) => void;
}

export interface Driver {
  move(move: Move): boolean;
  clock(action: ClockAction): void;
  /** Set the audience screen. False (and refusedAt set) when offline. */
  screen(mode: ScreenMode): boolean;
  /** B or W: that screen, or back to the slides; a fast second press toggles the first press's result. */
  toggleScreen(mode: Exclude<ScreenMode, 'slides'>): boolean;
  /** Server time now, ms. */
  serverNow(): number;
  /** Every slide in the order shown: number (1-based), title and position. */
  slides(): { number: number; title: string; position: Position }[];
  readonly view: DriverView;
}

const STOPPED: ClockState = { startedAt: null, pausedAt: null, pausedMs: 0 };

function titleOf(slide: Element | undefined): string {
  const heading = slide?.querySelector('h1, h2, h3');
  return (heading?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function createDriver(options: DriverOptions): Driver {
  let position: Position | null = null;
  /** The speaker's part of the deck (notes and timing plan), from /_deck/notes.json: the frames' pages carry none. */
  let speaker: NotesPayload | null = null;
  /** The last fetch of the notes asked for: an older answer arriving after it is dropped. */
  let notesAsked = 0;
  let screen: ScreenState = screenState('slides');
  /** The server has said where the talk is (a welcome): until then the frames are not placed. */
  let welcomed = false;
  let view: DriverView = {
    connected: false,
    presenter: false,
    error: null,
    denied: null,
    refusedAt: null,
    index: -1,
    count: 0,
    step: { at: 1, of: 1 },
    title: '',
    deckTitle: '',
    notes: '',
    plan: null,
    upcoming: null,
    clock: STOPPED,
    slideClockAt: 0,
    screen: 'slides',
    build: 0,
  };
  const set = (patch: Partial<DriverView>) => {
    view = { ...view, ...patch };
    options.onUpdate(view);
  };

  /**
   * On every welcome, reload and notes message: the deck's digest is its page's only (src/serve/builder.ts), so
   * notes edited while the server was stopped come with a welcome like any other.
   */
  const loadNotes = async () => {
    if (!options.token) return;
    const asked = ++notesAsked;
    try {
      const response = await fetch(`/_deck/notes.json?token=${encodeURIComponent(options.token)}`, { cache: 'no-store' });
      if (!response.ok) return;
      const fetched = (await response.json()) as NotesPayload;
      if (asked !== notesAsked) return;
      speaker = fetched;
      render();
    } catch {
      return; // offline: fetched again on the next welcome
    }
  };

  const render = () => {
    const reveal = revealIn(options.current.contentWindow);
    if (!reveal) return set({});
    const slides = reveal.getSlides();
    const slide = reveal.getCurrentSlide();
    const index = slide ? slides.indexOf(slide) : -1;
    const at = positionOf(reveal);
    set({
      index,
      count: slides.length,
      step: slide ? stepOf(at.f, fragmentIndices(slide)) : { at: 1, of: 1 },
      title: titleOf(slide),
      deckTitle: options.current.contentDocument?.title ?? '',
      notes: notesOf(speaker?.slides ?? [], slide, index),
      plan: planAt(reveal, index, speaker),
    });
  };

  /** Show `position` in both frames: the current slide, and the step after it in the preview. */
  const apply = () => {
    const reveal = revealIn(options.current.contentWindow);
    if (!reveal) return render();
    const at = position ?? positionOf(reveal);
    reveal.slide(at.h, at.v, at.f);
    const preview = revealIn(options.upcoming?.contentWindow);
    // Without a preview frame (the remote's own), ask the current frame and put it back.
    const probe = preview ?? reveal;
    probe.slide(at.h, at.v, at.f);
    enterStacksAtTop(probe);
    probe.next();
    const next = positionOf(probe);
    const nextSlide = probe.getCurrentSlide();
    const upcoming: DriverView['upcoming'] =
      samePosition(next, at) || !nextSlide
        ? null
        : { index: probe.getSlides().indexOf(nextSlide), step: stepOf(next.f, fragmentIndices(nextSlide)) };
    if (!preview) reveal.slide(at.h, at.v, at.f);
    view = { ...view, upcoming };
    render();
    if (welcomed) options.current.contentWindow?.dispatchEvent(new CustomEvent(PLACED_EVENT));
  };

  const onMessage = (message: ServerMessage) => {
    switch (message.type) {
      case 'welcome':
        welcomed = true;
        screen = screenState(message.screen);
        view = { ...view, presenter: message.presenter, error: message.error, clock: message.clock ?? STOPPED, screen: message.screen };
        view = { ...view, build: message.build, refusedAt: null };
        takeState(message.state);
        void loadNotes();
        apply();
        break;
      case 'state':
        view = { ...view, clock: message.clock ?? view.clock };
        takeState(message);
        apply();
        break;
      case 'timer':
        // A reset starts the slide's own time again too.
        if (message.clock.startedAt === null) view = { ...view, slideClockAt: 0 };
        set({ clock: message.clock });
        break;
      case 'screen':
        screen = confirmScreen(screen, message.mode);
        set({ screen: shownScreen(screen) });
        break;
      case 'error':
        set({ error: message.error });
        break;
      case 'denied':
        set({ denied: message.reason });
        break;
      case 'reload':
        view = { ...view, build: message.build };
        void loadNotes();
        break;
      case 'css':
        view = { ...view, build: message.build };
        break;
      case 'notes':
        void loadNotes();
        break;
      default: {
        const never: never = message;
        return never;
      }
    }
  };
  const takeState = (state: SentSlideState | null) => {
    if (!state) return;
    position = { h: state.h, v: state.v, f: state.f };
    view = { ...view, slideClockAt: state.clockAt ?? 0 };
  };

  const socket: DeckSocket = connect({
    role: options.role,
    token: options.token,
    onMessage,
    onStatus: (connected) => set({ connected }),
  });
  /** Offline, the audience would not follow: the page does not act either, and says so (view.refusedAt). */
  const refuseOffline = (): boolean => {
    if (view.connected) return false;
    set({ refusedAt: Date.now() });
    return true;
  };
  loadDeckFrame(options.current, apply);
  if (options.upcoming) loadDeckFrame(options.upcoming, apply);

  return {
    get view() {
      return view;
    },
    serverNow: () => socket.serverNow(),
    move(move) {
      const reveal = revealIn(options.current.contentWindow);
      if (!reveal || !view.presenter) return false;
      if (refuseOffline()) return false;
      const at = position ?? positionOf(reveal);
      reveal.slide(at.h, at.v, at.f);
      const slides = reveal.getSlides();
      enterStacksAtTop(reveal);
      if (move === 'next') reveal.next();
      else if (move === 'prev') reveal.prev();
      else {
        const target = move === 'first' ? slides[0] : move === 'last' ? slides[slides.length - 1] : slides[move.slide - 1];
        if (!target) return false;
        const to = positionOf(reveal, target);
        reveal.slide(to.h, to.v, -1);
      }
      const now = positionOf(reveal);
      if (samePosition(now, at)) return false;
      position = now;
      socket.send({ type: 'navigate', h: now.h, v: now.v, f: now.f });
      if (view.clock.startedAt === null) {
        view = { ...view, clock: { startedAt: socket.serverNow(), pausedAt: null, pausedMs: 0 } };
      }
      view = { ...view, slideClockAt: elapsedMs(view.clock, socket.serverNow()), refusedAt: null };
      apply();
      return true;
    },
    clock(action) {
      if (view.presenter && !refuseOffline()) socket.send({ type: 'timer', action });
    },
    screen(mode) {
      if (!view.presenter || refuseOffline()) return false;
      screen = requestScreen(screen, mode);
      socket.send({ type: 'screen', mode });
      set({ screen: shownScreen(screen) });
      return true;
    },
    toggleScreen(mode) {
      if (!view.presenter || refuseOffline()) return false;
      const toggled = toggleScreen(screen, mode);
      screen = toggled.state;
      socket.send({ type: 'screen', mode: toggled.send });
      set({ screen: shownScreen(screen) });
      return true;
    },
    slides() {
      const reveal = revealIn(options.current.contentWindow);
      if (!reveal) return [];
      return reveal.getSlides().map((slide, i) => ({ number: i + 1, title: titleOf(slide), position: positionOf(reveal, slide) }));
    },
  };
}
