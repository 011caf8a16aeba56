/**
 * The presenter view's overview (O): every slide as a thumbnail, numbered 1..N in the order shown, browsed with
 * the arrow keys; only a pick (Enter, a click) moves the audience. The thumbnails are the deck itself in a frame,
 * laid out by reveal.js's print view (one page per slide, backgrounds and every fragment shown) and scaled down,
 * so they look like the slides without a second renderer.
 */
import { FRAME_QUERY } from './frames.js';

/** The frame's deck: a receiver in reveal.js's print view, one page per slide. */
export const OVERVIEW_QUERY = `${FRAME_QUERY}&print-pdf&pdfSeparateFragments=false&pdfMaxPagesPerSlide=1&showNotes=false`;

/** Thumbnails are at least this wide (px), as many to a row as fit. */
const MIN_THUMB_PX = 230;
const GAP_PX = 14;

export type OverviewKey = 'left' | 'right' | 'up' | 'down' | 'first' | 'last' | 'pageUp' | 'pageDown';

const KEYS: Readonly<Record<string, OverviewKey>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'first',
  End: 'last',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
};

export function overviewKey(key: string): OverviewKey | undefined {
  return KEYS[key];
}

/** The selection (1-based) after a key, in a grid of `count` thumbnails, `columns` to a row, `rows` on screen. */
export function moveSelection(selected: number, count: number, columns: number, key: OverviewKey, rows = 3): number {
  const step: Record<OverviewKey, number> = {
    left: -1,
    right: 1,
    up: -columns,
    down: columns,
    first: -count,
    last: count,
    pageUp: -columns * rows,
    pageDown: columns * rows,
  };
  return Math.min(count, Math.max(1, selected + step[key]));
}

const STYLE = `
html.print-pdf, html.print-pdf body { width: auto !important; height: auto !important; min-height: 100%; overflow: auto !important;
  background: #14161a !important; margin: 0; }
html.print-pdf .reveal { width: auto !important; height: auto !important; overflow: visible !important; }
html.print-pdf .reveal .slides { display: grid !important; grid-template-columns: repeat(var(--columns), minmax(0, 1fr));
  gap: ${GAP_PX}px; padding: 10px !important; box-sizing: border-box; width: 100% !important; }
html.print-pdf .reveal .slides > :not(.deck-thumb) { display: none !important; }
.deck-thumb { position: relative; cursor: pointer; border-radius: 4px; outline: 3px solid transparent; outline-offset: 3px; }
.deck-thumb > .pdf-page { zoom: var(--zoom); page-break-after: auto !important; pointer-events: none; }
.deck-thumb[aria-selected="true"] { outline-color: #7ab7ff; }
.deck-thumb .deck-thumb-n { position: absolute; left: 6px; bottom: 6px; z-index: 20; font: 700 14px/1.3 system-ui, sans-serif;
  color: #fff; background: rgba(0, 0, 0, .72); padding: 1px 7px; border-radius: 4px; }
.deck-thumb.current .deck-thumb-n { background: #2d6bb3; }
.deck-thumb.current .deck-thumb-n::after { content: " · now"; font-weight: 400; }
`;

export interface OverviewOptions {
  readonly frame: HTMLIFrameElement;
  /** Says "loading…" until the thumbnails are there. */
  readonly status: HTMLElement;
  /** A slide was picked (1-based, in the order shown). */
  readonly onPick: (number: number) => void;
  /** Esc or O in the frame. */
  readonly onClose: () => void;
  /** Whether the overview is on screen: a frame reloaded (after an edit) while hidden is laid out, and focused, only once shown. */
  readonly isOpen: () => boolean;
}

export interface Overview {
  /** Show the thumbnails with slide `current` (1-based) selected; loads the frame the first time. */
  show(current: number): void;
  /** A key pressed while the overview is open (in the presenter page or in the frame); true when it was used. */
  key(event: KeyboardEvent): boolean;
  readonly selected: number;
  /** Thumbnails ready. */
  readonly count: number;
}

type PrintWindow = Window & {
  Reveal?: { on(type: string, listener: () => void): void; off(type: string, listener: () => void): void };
};

export function createOverview(options: OverviewOptions): Overview {
  const { frame, status } = options;
  let thumbs: HTMLElement[] = [];
  let columns = 1;
  let selected = 1;
  let current = 1;
  let loaded = false;
  let pageWidth = 0;
  /**
   * The frame's state, also read by the tests: loading, ready, or stale (reloaded after an edit while hidden, laid
   * out when next shown: hidden, its pages have no size).
   */
  const setState = (state: 'loading' | 'ready' | 'stale') => {
    frame.dataset.thumbs = state;
  };

  const select = (number: number) => {
    selected = number;
    thumbs.forEach((thumb, i) => thumb.setAttribute('aria-selected', String(i + 1 === selected)));
    thumbs[selected - 1]?.scrollIntoView({ block: 'nearest' });
  };
  const mark = () => thumbs.forEach((thumb, i) => thumb.classList.toggle('current', i + 1 === current));

  const fit = () => {
    const doc = frame.contentDocument;
    if (!doc || thumbs.length === 0 || pageWidth === 0) return;
    const width = doc.documentElement.clientWidth - 20;
    columns = Math.max(2, Math.floor((width + GAP_PX) / (MIN_THUMB_PX + GAP_PX)));
    const thumbWidth = (width - GAP_PX * (columns - 1)) / columns;
    doc.documentElement.style.setProperty('--columns', String(columns));
    doc.documentElement.style.setProperty('--zoom', String(thumbWidth / pageWidth));
  };

  /** Wrap each print page in a numbered, clickable thumbnail once reveal.js has laid them out. */
  const setUp = () => {
    const win = frame.contentWindow as PrintWindow | null;
    const doc = frame.contentDocument;
    const pages = doc ? [...doc.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')] : [];
    if (!win || !doc || pages.length === 0) {
      // reveal.js appends the pages and says pdf-ready in one task: no page yet means the event is still to come.
      const reveal = win?.Reveal;
      const once = () => {
        reveal?.off('pdf-ready', once);
        setUp();
      };
      reveal?.on('pdf-ready', once);
      return;
    }
    // The page's own width, before the grid squeezes it: thumbnails scale the whole page down from it.
    pageWidth = pages[0]!.offsetWidth;
    for (const page of pages) page.style.width = `${pageWidth}px`;
    const style = doc.createElement('style');
    style.textContent = STYLE;
    doc.head.append(style);
    // Uncounted slides (data-visibility="uncounted") are printed but have no number in the order shown.
    const counted = pages.filter((page) => !page.querySelector('section[data-visibility="uncounted"]'));
    thumbs = counted.map((page, i) => {
      const thumb = doc.createElement('div');
      thumb.className = 'deck-thumb';
      thumb.dataset.slide = String(i + 1);
      thumb.setAttribute('role', 'option');
      const number = doc.createElement('span');
      number.className = 'deck-thumb-n';
      number.textContent = String(i + 1);
      page.before(thumb);
      thumb.append(page, number);
      thumb.addEventListener('click', () => options.onPick(i + 1));
      return thumb;
    });
    for (const page of pages) if (!counted.includes(page)) page.remove();
    doc.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' || event.key === 'o' || event.key === 'O') {
        event.preventDefault();
        options.onClose();
      } else if (overview.key(event)) event.preventDefault();
    });
    win.addEventListener('resize', fit);
    fit();
    mark();
    select(Math.min(selected, thumbs.length));
    status.hidden = true;
    setState('ready');
    // Never from a hidden frame: it would take the presenter's keys.
    if (options.isOpen()) win.focus();
  };

  const overview: Overview = {
    show(at) {
      current = at;
      mark();
      select(at);
      if (!loaded) {
        loaded = true;
        status.hidden = false;
        // Every load (the first, and a reload after an edit) lays the deck out again, at once if it is on screen.
        frame.addEventListener('load', () => {
          thumbs = [];
          if (!options.isOpen()) return setState('stale');
          setState('loading');
          setUp();
        });
        frame.src = `/?${OVERVIEW_QUERY}`;
      } else if (frame.dataset.thumbs === 'stale') {
        status.hidden = false;
        setState('loading');
        setUp();
      } else if (thumbs.length > 0) {
        fit();
        frame.contentWindow?.focus();
      }
    },
    key(event) {
      if (event.key === 'Enter' || event.key === ' ') {
        if (thumbs.length === 0) return false;
        options.onPick(selected);
        return true;
      }
      const key = overviewKey(event.key);
      if (!key || thumbs.length === 0) return false;
      select(moveSelection(selected, thumbs.length, columns, key));
      return true;
    },
    get selected() {
      return selected;
    },
    get count() {
      return thumbs.length;
    },
  };
  return overview;
}
