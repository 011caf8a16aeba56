/**
 * Runs in a print page (passed to `page.evaluate`, so self-contained): every element's box on every reveal.js print
 * page, with each page's CSS containment and slide number, for tests that compare two layouts of the same pages.
 */
export interface PrintPageBoxes {
  /** Per element, page by page: tag, class, box and scroll size. */
  boxes: string[];
  /** Each page's computed `contain`. */
  contain: string[];
  /** Each page's slide number as printed ('' without one). */
  numbers: string[];
}

export function printPageBoxes(): PrintPageBoxes {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page'));
  const boxes: string[] = [];
  for (const pdfPage of pages) {
    for (const element of [pdfPage, ...Array.from(pdfPage.querySelectorAll('*'))]) {
      const { left, top, width, height } = element.getBoundingClientRect();
      boxes.push([element.tagName, element.className, left, top, width, height, element.scrollWidth, element.scrollHeight].join(' '));
    }
  }
  return {
    boxes,
    contain: pages.map((pdfPage) => getComputedStyle(pdfPage).contain),
    numbers: pages.map((pdfPage) => pdfPage.querySelector('.slide-number-pdf')?.textContent ?? ''),
  };
}
