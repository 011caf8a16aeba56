/**
 * The presenter window of the single file: the same page, laid out as current slide (the live deck, scaled into
 * a pane), next slide (a copy, every fragment shown), the notes, the clock and the timing plan.
 */
import { clock, paceOf, plannedAt, planRows, SlideTimes } from './pace.js';
import { renderPlanList } from './plan-list.js';
import type { RevealApi } from './reveal-api.js';

const STYLE = `
html.deck-presenter, html.deck-presenter body { background: #1b1f24 !important; color: #e8ecef; overflow: hidden; }
html.deck-presenter body > .reveal { position: fixed !important; left: 1.5vw; top: 1.5vw; width: 62vw !important; height: calc(62vw * var(--deck-ratio)) !important;
  box-shadow: 0 0 0 2px #3a4350; background: var(--deck-slide-bg, #fff); }
.deck-presenter-side { position: fixed; right: 1.5vw; top: 1.5vw; bottom: 1.5vw; width: 32vw; display: flex; flex-direction: column; gap: 0.6vw;
  font: 16px/1.5 system-ui, sans-serif; }
.deck-presenter-next { background: var(--deck-slide-bg, #fff); position: relative; width: 32vw; height: calc(32vw * var(--deck-ratio)); overflow: hidden; box-shadow: 0 0 0 2px #3a4350; }
.deck-presenter-next > .reveal { position: absolute !important; inset: 0; width: 100% !important; height: 100% !important; box-shadow: none; }
.deck-presenter-next .slides { position: absolute !important; inset: auto !important; left: 0 !important; top: 0 !important; margin: 0 !important;
  transform-origin: 0 0; pointer-events: none; }
.deck-presenter-next .slides > section { display: block !important; opacity: 1 !important; transform: none !important; visibility: visible !important; }
.deck-presenter-next .fragment { opacity: 1 !important; visibility: visible !important; }
.deck-presenter-label { font-size: 13px; text-transform: uppercase; letter-spacing: 0.08em; color: #9aa6b2; }
.deck-presenter-clock { font-size: 40px; font-variant-numeric: tabular-nums; }
.deck-presenter-pace[data-kind="behind"] { color: #ff8a80; } .deck-presenter-pace[data-kind="ahead"] { color: #9ccc65; }
.deck-presenter-slide-time { font-variant-numeric: tabular-nums; }
.deck-presenter-plan-list { flex: 1; min-height: 0; overflow: auto; margin: 0; padding: 0; list-style: none; font-size: 14px;
  font-family: var(--deck-font, system-ui), sans-serif; border-top: 1px solid #3a4350; }
.deck-presenter-plan-list li { display: flex; gap: 8px; justify-content: space-between; padding: 2px 6px; color: #9aa6b2; }
.deck-presenter-plan-list li[data-state="done"] { color: #6b7785; }
.deck-presenter-plan-list li[data-state="current"] { background: #2d3a4a; color: #fff; }
.deck-plan-title { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.deck-plan-times { flex: none; font-variant-numeric: tabular-nums; }
.deck-presenter-notes { position: fixed; left: 1.5vw; right: 35vw; bottom: 1.5vw; top: calc(3vw + 62vw * var(--deck-ratio)); overflow: auto;
  font: 22px/1.5 var(--deck-font, system-ui), sans-serif; }
`;

export interface PresenterElements {
  next: HTMLElement;
  notes: HTMLElement;
  clock: HTMLElement;
  pace: HTMLElement;
  plan: HTMLElement;
  slideTime: HTMLElement;
  planList: HTMLElement;
}

function element(tag: string, className: string, parent: HTMLElement): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  parent.appendChild(node);
  return node;
}

/** Turn this window into the presenter view; returns a function that updates it for the current slide. */
export function showPresenterView(reveal: RevealApi, now: () => number = Date.now): () => void {
  const config = reveal.getConfig();
  // The slides' own background, read before the presenter's dark page replaces it, for both slide panes.
  const background = getComputedStyle(document.body).backgroundColor;
  document.documentElement.style.setProperty('--deck-slide-bg', background === 'rgba(0, 0, 0, 0)' ? '#fff' : background);
  document.documentElement.classList.add('deck-presenter');
  document.documentElement.style.setProperty('--deck-ratio', String(config.height / config.width));
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.appendChild(style);
  document.title = `${document.title} — presenter`;

  const side = element('div', 'deck-presenter-side', document.body);
  element('div', 'deck-presenter-label', side).textContent = 'Next';
  const nextBox = element('div', 'deck-presenter-next', side);
  const elements: PresenterElements = {
    next: nextBox,
    clock: element('div', 'deck-presenter-clock', side),
    pace: element('div', 'deck-presenter-pace', side),
    plan: element('div', 'deck-presenter-plan', side),
    slideTime: element('div', 'deck-presenter-slide-time', side),
    planList: element('ol', 'deck-presenter-plan-list', side),
    notes: element('div', 'deck-presenter-notes', document.body),
  };
  elements.clock.setAttribute('data-testid', 'clock');
  const slides = reveal.getSlides();
  const timings = slides.map((slide) => Number(slide.getAttribute('data-timing')) || 0);
  const titles = slides.map((slide, i) => slide.querySelector('h1, h2, h3')?.textContent?.replace(/\s+/g, ' ').trim() || `Slide ${i + 1}`);
  const started = now();
  const times = new SlideTimes();
  let shown = -1;

  const update = () => {
    const current = reveal.getCurrentSlide();
    const index = current ? slides.indexOf(current) : 0;
    if (index !== shown) {
      times.show(index, now());
      shown = index;
    }
    renderNext(elements.next, slides[index + 1], config);
    const notes = current?.querySelector('aside.notes');
    elements.notes.innerHTML = notes ? notes.innerHTML : '';
    elements.notes.setAttribute('data-slide', String(index + 1));
    const planned = plannedAt(timings, index);
    const elapsed = (now() - started) / 1000;
    elements.clock.textContent = clock(elapsed);
    const pace = paceOf(elapsed, planned.before, planned.current);
    elements.pace.setAttribute('data-kind', pace.kind);
    elements.pace.textContent = pace.kind === 'on-time' ? 'on time' : `${clock(pace.seconds)} ${pace.kind}`;
    elements.plan.textContent = `slide ${index + 1}/${slides.length} · planned ${clock(planned.current)} · by now ${clock(planned.before)} of ${clock(planned.total)}`;
    const spent = times.at(now());
    elements.slideTime.textContent = `on this slide ${clock(spent.get(index) ?? 0)} of ${clock(planned.current)}`;
    renderPlanList(elements.planList, planRows(timings, titles, spent, index));
  };
  // The presenter wants the new slide at once, not after a transition.
  reveal.configure({ transition: 'none', backgroundTransition: 'none' });
  reveal.layout();
  window.setInterval(update, 1000);
  return update;
}

/** The next slide as a scaled copy (its own ids removed, every fragment shown), or an empty box after the last. */
function renderNext(box: HTMLElement, next: HTMLElement | undefined, config: { width: number; height: number }): void {
  const id = next?.id ?? '';
  if (box.getAttribute('data-next') === id) return;
  box.setAttribute('data-next', id);
  box.replaceChildren();
  if (!next) return;
  const reveal = element('div', 'reveal', box);
  const slides = element('div', 'slides', reveal);
  slides.style.width = `${config.width}px`;
  slides.style.height = `${config.height}px`;
  slides.style.transform = `scale(${box.clientWidth / config.width})`;
  const copy = next.cloneNode(true) as HTMLElement;
  copy.removeAttribute('id');
  copy.classList.add('present');
  copy.querySelector('aside.notes')?.remove();
  slides.appendChild(copy);
}
