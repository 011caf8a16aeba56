/**
 * Code that runs inside the print page (passed to `page.evaluate`, so self-contained): CSS containment on each
 * of reveal.js's print pages while the slides PDF is printed. Each .pdf-page already has a fixed height and
 * clips what overflows it (reveal.js's print CSS), so containing its size, layout and paint changes nothing on
 * the page (tests/export/print-containment.test.ts; the pixels of deck.pdf: tests/visual/pdf.test.ts), but
 * tells Chromium that no page's layout or paint reaches another, so printing lays out and paints each page on
 * its own: `page.pdf` took 0.91x the time at 200 slides and 0.83x at 1000 (README "Speed"). Not style
 * containment (`contain: strict`): that would scope CSS counters to one slide, and a deck may count across
 * them. The handout moves these pages into frames whose width comes from their content, where size
 * containment would collapse them, so it is taken off before the handout is built.
 */

/** The id of the style element that carries the containment. */
export const CONTAINMENT_STYLE_ID = 'deck-print-containment';

/** Contain every print page (idempotent). */
export function containPrintPages(id: string): void {
  if (document.getElementById(id)) return;
  const style = document.createElement('style');
  style.id = id;
  style.textContent = 'html.reveal-print .reveal .slides > .pdf-page { contain: size layout paint; }';
  document.head.appendChild(style);
}

/** Take the containment off again (before the handout is laid out). */
export function releasePrintPages(id: string): void {
  document.getElementById(id)?.remove();
}
