/**
 * reveal.js's speaker view (S on the presenter's deck) shows the server's talk clock, as /presenter and /remote
 * do: its own timer (which starts when the window opens and resets on a click) is hidden, and a panel the deck
 * page updates takes its place: talk time, paused or not, this slide's time against its plan, and the pacing.
 */
import type { ClockState } from '../serve/protocol.js';
import { elapsedMs, formatClock, pacing, type SlidePlan } from './clock.js';

/** What the deck page knows of the talk, read on every update. */
export interface TalkClock {
  clock(): ClockState;
  /** Server time now, epoch ms. */
  serverNow(): number;
  /** Talk time when the presenter reached this slide, ms. */
  slideClockAt(): number;
  plan(): SlidePlan | null;
}

/** The panel's text at one moment: pure, so that it is tested without a window. */
export interface SpeakerClockText {
  readonly elapsed: string;
  readonly state: 'not started' | 'running' | 'paused';
  readonly slide: string;
  readonly pacing: string;
  readonly tone: string;
}

export function speakerClockText(talk: TalkClock): SpeakerClockText {
  const clock = talk.clock();
  const elapsed = elapsedMs(clock, talk.serverNow());
  const plan = talk.plan();
  const started = clock.startedAt !== null;
  const paused = clock.pausedAt !== null;
  const pace = pacing(plan, elapsed, paused);
  const planned = plan ? ` / ${formatClock((plan.end - plan.start) * 1000)}` : '';
  return {
    elapsed: formatClock(elapsed),
    state: !started ? 'not started' : paused ? 'paused' : 'running',
    slide: `${formatClock(Math.max(0, elapsed - talk.slideClockAt()))}${planned}`,
    pacing: started ? pace.text : 'The clock starts with the first move (or Start in /presenter)',
    tone: started ? pace.tone : 'none',
  };
}

const PANEL_ID = 'deck-serve-time';
const UPDATE_MS = 250;

const STYLE = `
.speaker-controls-time, .speaker-controls-pace { display: none !important; }
#${PANEL_ID} { border-bottom: 1px solid rgba(200, 200, 200, .5); margin-bottom: 10px; padding: 10px 16px 16px; }
#${PANEL_ID} .label { text-transform: uppercase; font-weight: normal; font-size: .66em; color: #666; margin: 0; }
#${PANEL_ID} .row { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
#${PANEL_ID} .elapsed { font-size: 1.9em; font-variant-numeric: tabular-nums; }
#${PANEL_ID} .state { font-size: .8em; text-transform: uppercase; color: #666; }
#${PANEL_ID}[data-state="paused"] .elapsed, #${PANEL_ID}[data-state="paused"] .state { color: #b07800; }
#${PANEL_ID} .slide { font-variant-numeric: tabular-nums; }
#${PANEL_ID} .pacing.ahead { color: #1565c0; }
#${PANEL_ID} .pacing.ontime { color: #2e7d32; }
#${PANEL_ID} .pacing.behind { color: #c62828; }
#${PANEL_ID} .pacing.paused { color: #b07800; }
`;

function build(doc: Document): HTMLElement {
  const existing = doc.getElementById(PANEL_ID);
  if (existing) return existing;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  doc.head.append(style);
  const panel = doc.createElement('div');
  panel.id = PANEL_ID;
  const part = (tag: string, className: string, text = '') => {
    const element = doc.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  };
  const top = part('div', 'row');
  top.append(part('span', 'elapsed', '0:00'), part('span', 'state'));
  const slide = part('div', 'row');
  slide.append(part('span', 'label', 'This slide'), part('span', 'slide'));
  panel.append(part('h4', 'label', 'Talk · server clock'), top, slide, part('div', 'pacing'));
  const controls = doc.getElementById('speaker-controls');
  if (controls) controls.prepend(panel);
  else doc.body.append(panel);
  return panel;
}

function render(panel: HTMLElement, text: SpeakerClockText): void {
  panel.dataset.state = text.state;
  const set = (selector: string, value: string) => {
    const element = panel.querySelector(selector);
    if (element && element.textContent !== value) element.textContent = value;
  };
  set('.elapsed', text.elapsed);
  set('.state', text.state === 'running' ? '' : text.state);
  set('.slide', text.slide);
  set('.pacing', text.pacing);
  panel.querySelector('.pacing')?.setAttribute('class', `pacing ${text.tone}`);
}

/**
 * Put the server's clock into an open speaker view window and keep it current until the window closes. The deck
 * page runs the updates: the speaker view is an about:blank window of the same origin, written by the notes plugin.
 */
export function showServerClock(speaker: Window, talk: TalkClock): void {
  let panel: HTMLElement | null = null;
  const timer = setInterval(() => {
    if (speaker.closed) {
      clearInterval(timer);
      return;
    }
    try {
      const doc = speaker.document;
      // The plugin writes the document after opening the window; wait for its controls.
      if (!panel || !doc.contains(panel)) {
        if (!doc.getElementById('speaker-controls')) return;
        panel = build(doc);
      }
      render(panel, speakerClockText(talk));
    } catch {
      clearInterval(timer); // the window went to another origin: nothing to update
    }
  }, UPDATE_MS);
}
