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
  /**
   * reveal.js's `margin`: live, reveal.js takes `margin` of the window off for room around the slide
   * (Reveal.getComputedSlideSize: presentationWidth -= presentationWidth * margin), so in a window the slide's
   * size the slide is shown at (1 - margin). The PDF page is exactly the slide size and the slide is scaled the
   * same way inside it: everything sits where it does on screen, and content in that room is not cut off
   * (tests/export/field-decks.test.ts, "the PDF page keeps the live slide's geometry").
   */
  margin?: number;
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
  refitText(sections);
  recenter(sections);
  const scale = 1 - Math.min(0.9, Math.max(0, options.margin ?? 0));
  if (scale < 1) {
    // Every origin is read before any slide is scaled: a style written between two reads would make the next
    // read recalculate the document's style, once per slide.
    const origins = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')).flatMap((page) => {
      const section = page.querySelector<HTMLElement>(':scope > section');
      return section
        ? [{ section, origin: `${page.clientWidth / 2 - section.offsetLeft}px ${page.clientHeight / 2 - section.offsetTop}px` }]
        : [];
    });
    for (const { section, origin } of origins) {
      // reveal.js's print rules reset transforms with !important.
      section.style.setProperty('transform-origin', origin, 'important');
      section.style.setProperty('transform', `scale(${scale})`, 'important');
    }
  }

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

  // Functions inside finishPrintView: the page runs finishPrintView's source alone, without this module.

  /**
   * reveal.js fits each `r-fit-text` to its parent's width (with fitty) while its print rules have zeroed the slide's
   * padding, so the text came out wider than on screen by the padding. Fit it again to the padded width, as fitty
   * does (one step: the width of unwrapped text grows with its font size), within reveal.js's bounds.
   */
  function refitText(slides: HTMLElement[]): void {
    const reveal = (window as unknown as { Reveal?: { getConfig(): { height?: number } } }).Reveal;
    const max = (reveal?.getConfig().height ?? 700) * 0.8;
    // Every size is read before any is written: a write between two reads would lay the document out again.
    const sizes = slides.flatMap((section) =>
      Array.from(section.querySelectorAll<HTMLElement>('.r-fit-text')).flatMap((element) => {
        const available = element.parentElement?.clientWidth ?? 0;
        const width = element.scrollWidth;
        const size = Number.parseFloat(getComputedStyle(element).fontSize);
        if (!available || !width || !size) return [];
        return [{ element, size: Math.min(Math.max(24, (available / width) * size), max) }];
      }),
    );
    for (const { element, size } of sizes) element.style.fontSize = `${size}px`;
  }

  /**
   * reveal.js's print view centres a slide vertically (`center: true`, or a slide of class `center`) on its height
   * without the padding its print rules zero, so with the padding pinned back every such slide reached past the
   * foot of its page by the padding's difference. Centre it again on its padded height, as the screen shows it.
   */
  function recenter(slides: HTMLElement[]): void {
    const reveal = (window as unknown as { Reveal?: { getConfig(): { center?: boolean } } }).Reveal;
    const center = reveal?.getConfig().center === true;
    const tops = slides.flatMap((section) => {
      const page = section.parentElement;
      if (!page?.classList.contains('pdf-page') || !(center || section.classList.contains('center'))) return [];
      return [{ section, top: Math.max((page.clientHeight - section.scrollHeight) / 2, 0) }];
    });
    for (const { section, top } of tops) section.style.top = `${top}px`;
  }
}

export interface LostContent {
  /** What kind of block: "list item", "paragraph", "image", … */
  kind: string;
  /** How many of them, and the start of the first one's text. */
  count: number;
  first: string;
  /** Whether all of them are wholly outside the slide (else some only partly). */
  whole: boolean;
  edge: 'bottom' | 'right';
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
  /** The blocks that fall past the bottom or right edge, grouped by kind. */
  lost: LostContent[];
}

/**
 * For each slide (its last page, the final state), how far its visible content reaches past the slide's box,
 * which blocks fall outside it, and which boxes inside it cut their content off. Notes are not content; nor is
 * what is hidden on purpose (visibility, a clip, an element of at most 1×1 px such as KaTeX's copy of the math
 * for screen readers) or what a box inside the slide already clips.
 */
export function measureOverflow(size: { width: number; height: number }): OverflowMeasure[] {
  const seen = new Set<string>();
  const results: OverflowMeasure[] = [];
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')).reverse();
  const describe = (element: Element) =>
    element.tagName.toLowerCase() + (element.classList.length ? `.${Array.from(element.classList).join('.')}` : '');
  const KINDS: Record<string, string> = {
    LI: 'list item',
    TR: 'table row',
    P: 'paragraph',
    H1: 'heading',
    H2: 'heading',
    H3: 'heading',
    H4: 'heading',
    H5: 'heading',
    H6: 'heading',
    PRE: 'code block',
    IMG: 'image',
    VIDEO: 'video',
    IFRAME: 'embedded page',
    FIGURE: 'figure',
    BLOCKQUOTE: 'quote',
    DT: 'term',
    DD: 'definition',
  };
  const kindOf = (element: Element) => KINDS[element.tagName] ?? (element.tagName.toLowerCase() === 'svg' ? 'picture' : undefined);
  /** Hidden on purpose, or inside a box (other than the slide) that clips it: not content that leaves the slide. */
  const hiddenOrClipped = (element: Element, section: Element): boolean => {
    for (let node: Element | null = element; node && node !== section; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === 'hidden' || style.visibility === 'collapse' || style.display === 'none') return true;
      if (style.clip !== 'auto' && style.clip !== '' && style.position === 'absolute') return true;
      if (style.clipPath !== 'none' || Number(style.opacity) === 0) return true;
      const rect = node.getBoundingClientRect();
      if (rect.width <= 1 && rect.height <= 1 && style.overflow !== 'visible') return true;
      if (node !== element && (style.overflowX !== 'visible' || style.overflowY !== 'visible')) return true;
    }
    return false;
  };
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
    const lostBlocks: { element: Element; kind: string; whole: boolean; edge: 'bottom' | 'right' }[] = [];
    const elements = [section, ...Array.from(section.querySelectorAll<HTMLElement>('*'))];
    for (const element of elements) {
      if (element.closest('aside.notes')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const x = rect.left - left;
      const y = rect.top - top;
      // An HTML box's scrollHeight also counts text that spills out of it with overflow: visible (SVG elements
      // have no meaningful scroll size; their boxes are exact).
      // Scroll sizes are in the element's own pixels: scaled like its box when it is zoomed (data-fit) or transformed.
      const html = element instanceof HTMLElement;
      const scaleY = html && element.offsetHeight > 0 ? rect.height / element.offsetHeight : 1;
      const scaleX = html && element.offsetWidth > 0 ? rect.width / element.offsetWidth : 1;
      const bottom = y + Math.max(rect.height, html ? element.scrollHeight * scaleY : 0);
      const right = x + Math.max(rect.width, html ? element.scrollWidth * scaleX : 0);
      const outside = bottom > size.height + 1 || right > size.width + 1 || x < -1 || y < -1;
      // Styles are looked up only for what reaches outside or is bigger than its box: a rare case.
      if (outside && element !== section && hiddenOrClipped(element, section)) continue;
      maxRight = Math.max(maxRight, right);
      maxBottom = Math.max(maxBottom, bottom);
      minLeft = Math.min(minLeft, x);
      minTop = Math.min(minTop, y);
      const kind = outside ? kindOf(element) : undefined;
      if (kind && !element.parentElement?.closest('li, tr, p, pre, figure, blockquote, dd, dt, svg')) {
        const edge = bottom > size.height + 1 ? 'bottom' : 'right';
        lostBlocks.push({ element, kind, whole: edge === 'bottom' ? y >= size.height : x >= size.width, edge });
      }
      if (
        element !== section &&
        html &&
        (element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
      ) {
        const style = getComputedStyle(element);
        if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !hiddenOrClipped(element, section)) {
          clipped.push(describe(element));
        }
      }
    }
    const lost: LostContent[] = [];
    for (const block of lostBlocks) {
      const last = lost[lost.length - 1];
      if (last && last.kind === block.kind && last.edge === block.edge) {
        last.count++;
        last.whole &&= block.whole;
      } else {
        const text = (block.element.textContent ?? '').replace(/\s+/g, ' ').trim();
        lost.push({
          kind: block.kind,
          count: 1,
          first: text.length > 40 ? `${text.slice(0, 39)}…` : text,
          whole: block.whole,
          edge: block.edge,
        });
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
      lost,
    });
  }
  return results.reverse();
}
