/**
 * Code that runs inside the print page (passed to `page.evaluate`, so self-contained): CSS containment on each
 * of reveal.js's print pages while the slides PDF is printed. Each .pdf-page already has a fixed height and
 * clips what overflows it (reveal.js's print CSS), so containing its size, layout and paint changes nothing on
 * the page (tests/export/print-containment.test.ts; the pixels of deck.pdf: tests/visual/pdf.test.ts), but
 * tells Chromium that no page's layout or paint reaches another, so printing lays out and paints each page on
 * its own: `page.pdf` took 0.91x the time at 200 slides and 0.83x at 1000 (docs/speed.md). Not style
 * containment (`contain: strict`): that would scope CSS counters to one slide, and a deck may count across
 * them. The handout moves these pages into frames whose width comes from their content, where size
 * containment would collapse them, so it is taken off before the handout is built.
 */

/** The attribute that marks a contained page (and the style element that contains them). */
export const CONTAINED_ATTRIBUTE = 'data-deck-contained';

/**
 * Contain every print page that fits on its sheet (`size`, CSS px: the slide's size). A page a deck's own CSS
 * makes taller or wider than the sheet is left as it is: Chromium fails the whole print ("Printing failed")
 * when a size-contained box does not fit on one sheet, and the export's page-count check reports that page
 * instead (tests/cli/pdf.test.ts).
 */
export function containPrintPages(size: { width: number; height: number }, attribute: string): void {
  const css = `html.reveal-print .reveal .slides > .pdf-page[${attribute}] { contain: size layout paint; }`;
  if (!document.querySelector(`style[${attribute}]`)) {
    const style = document.createElement('style');
    style.setAttribute(attribute, '');
    style.textContent = css;
    document.head.appendChild(style);
  }
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));
  // Every size is read before any page is marked: a mark between two reads would lay the document out again
  // for the next read, once per page.
  const fitting = pages.filter((page) => page.offsetWidth <= size.width && page.offsetHeight <= size.height);
  for (const page of fitting) page.setAttribute(attribute, '');
}

/** Take the containment off again (before the handout is laid out). */
export function releasePrintPages(attribute: string): void {
  for (const element of Array.from(document.querySelectorAll(`[${attribute}]`))) {
    if (element instanceof HTMLStyleElement) element.remove();
    else element.removeAttribute(attribute);
  }
}
