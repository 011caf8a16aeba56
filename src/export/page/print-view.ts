/**
 * Code that runs inside the print page (passed to `page.evaluate`), so each function is self-contained: no
 * imports, no closures over module values.
 */

/**
 * Installed before any script of the page runs: a promise that settles on reveal.js's `pdf-ready` event, and
 * the theme's padding of every slide, read when the document is parsed, before reveal.js's print view (which
 * sets it to 0) is laid out, so reading it costs no extra style pass.
 */
export function installReadyHook(): void {
  const w = window as unknown as { __deckPdfReady?: Promise<void>; __deckPaddings?: Map<Element, string> };
  w.__deckPdfReady = new Promise<void>((resolve) => {
    // reveal.js dispatches `pdf-ready` on its .reveal element with bubbles, so the document hears it too.
    document.addEventListener('pdf-ready', () => resolve(), { once: true });
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      if (document.documentElement.classList.contains('reveal-print')) return; // too late: read at the end
      const paddings = new Map<Element, string>();
      for (const section of Array.from(document.querySelectorAll('.reveal .slides section:not(.stack)'))) {
        paddings.set(section, getComputedStyle(section).padding);
      }
      w.__deckPaddings = paddings;
    },
    { once: true },
  );
}

/** Resolves once reveal.js has laid out the print view and the page's fonts are loaded. */
export async function waitForPdfReady(): Promise<void> {
  const ready = (window as unknown as { __deckPdfReady?: Promise<void> }).__deckPdfReady;
  if (!ready) throw new Error('the pdf-ready hook was not installed before the page loaded');
  await ready;
  await document.fonts.ready;
}

export interface PrintViewOptions {
  /** Give every fragment step its own page (slides may opt out with data-pdf-fragments="false"). */
  splitAll: boolean;
}

export interface PrintViewLayout {
  /** The slide id (its <section id>) shown on each page, in order. */
  pages: string[];
}

/**
 * Finish reveal.js's print view: keep the theme's slide padding (reveal's print CSS zeroes it, which would make
 * the PDF differ from the talk), and keep one page per slide (its final state) unless the slide's fragments are
 * to be split: `data-pdf-fragments="true"|"false"` on a slide overrides `splitAll`. When reveal.js made fragment
 * pages, its last page for a slide is the real final state.
 */
export function finishPrintView(options: PrintViewOptions): PrintViewLayout {
  const root = document.documentElement;
  const sections = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)'));
  // Pin the theme's padding on each slide: as read at parse time, else read now without the print rules.
  let early = (window as unknown as { __deckPaddings?: Map<Element, string> }).__deckPaddings;
  if (!early || sections.some((section) => !early!.has(section))) {
    const printClasses = ['reveal-print', 'print-pdf'].filter((name) => root.classList.contains(name));
    root.classList.remove(...printClasses);
    early = new Map(sections.map((section) => [section, getComputedStyle(section).padding]));
    root.classList.add(...printClasses);
  }
  for (const section of sections) section.style.setProperty('padding', early.get(section)!, 'important');

  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));
  const groups = new Map<string, HTMLElement[]>();
  for (const page of pages) {
    const id = page.querySelector('section')?.id ?? '';
    const group = groups.get(id);
    if (group) group.push(page);
    else groups.set(id, [page]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const wanted = group[0]!.querySelector('section')?.getAttribute('data-pdf-fragments');
    const split = wanted === 'true' ? true : wanted === 'false' ? false : options.splitAll;
    if (split) continue;
    const last = group[group.length - 1]!;
    // reveal.js numbers fragment pages "3.1", "3.2", …: the one page left keeps the slide's own number.
    const number = group[0]!.querySelector('.slide-number-pdf');
    const lastNumber = last.querySelector('.slide-number-pdf');
    if (number && lastNumber) lastNumber.innerHTML = number.innerHTML;
    for (const page of group) if (page !== last) page.remove();
    last.querySelectorAll('.current-fragment').forEach((element) => element.classList.remove('current-fragment'));
  }
  return {
    pages: Array.from(document.querySelectorAll('.reveal .slides > .pdf-page')).map((page) => page.querySelector('section')?.id ?? ''),
  };
}

export interface OverflowMeasure {
  id: string;
  /** How far content reaches past each edge of the slide, px (0 = inside). */
  right: number;
  bottom: number;
  left: number;
  top: number;
  /** Elements inside the slide that clip their own content (overflow: hidden/auto/scroll), as tag.class. */
  clipped: string[];
}

/**
 * For each slide (its last page, the final state), how far its content reaches past the slide's box, and
 * which boxes inside it cut their content off. Notes are not content.
 */
export function measureOverflow(size: { width: number; height: number }): OverflowMeasure[] {
  const seen = new Set<string>();
  const results: OverflowMeasure[] = [];
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')).reverse();
  const describe = (element: Element) =>
    element.tagName.toLowerCase() + (element.classList.length ? `.${Array.from(element.classList).join('.')}` : '');
  for (const page of pages) {
    const section = page.querySelector<HTMLElement>('section');
    if (!section || seen.has(section.id)) continue;
    seen.add(section.id);
    const frame = page.getBoundingClientRect();
    const left = frame.left;
    const top = frame.top;
    let maxRight = 0;
    let maxBottom = 0;
    let minLeft = 0;
    let minTop = 0;
    const clipped: string[] = [];
    const elements = [section, ...Array.from(section.querySelectorAll<HTMLElement>('*'))];
    for (const element of elements) {
      if (element.closest('aside.notes')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const x = rect.left - left;
      const y = rect.top - top;
      // An HTML box's scrollHeight also counts text that spills out of it with overflow: visible (SVG elements
      // have no meaningful scroll size; their boxes are exact).
      const html = element instanceof HTMLElement;
      const bottom = y + Math.max(rect.height, html ? element.scrollHeight : 0);
      const right = x + Math.max(rect.width, html ? element.scrollWidth : 0);
      maxRight = Math.max(maxRight, right);
      maxBottom = Math.max(maxBottom, bottom);
      minLeft = Math.min(minLeft, x);
      minTop = Math.min(minTop, y);
      // Cheap size test first; the style is only looked up for a box whose content is bigger than it.
      if (
        element !== section &&
        html &&
        (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
      ) {
        const style = getComputedStyle(element);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipped.push(describe(element));
      }
    }
    // Sub-pixel layout: up to 1 px past an edge is rounding, not overflow.
    const past = (amount: number) => (amount > 1 ? Math.round(amount) : 0);
    results.push({
      id: section.id,
      right: past(maxRight - size.width),
      bottom: past(maxBottom - size.height),
      left: past(-minLeft),
      top: past(-minTop),
      clipped,
    });
  }
  return results.reverse();
}
