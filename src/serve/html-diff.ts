/**
 * Whether two builds of the page differ only inside the slides (between the first `<section` and the last
 * `</section>`), so an open page may swap its slides in place instead of reloading. Anything else (the head,
 * the theme link, reveal.js options, scripts) needs a full reload. The parts outside the slides are compared
 * whole: a common prefix or suffix of the two pages can run past a slide's edge by chance (a slide added after
 * the last one shares the `<` of the `</div>` after it), so it cannot tell where the change is.
 */
export function onlySlidesChanged(before: string, after: string): boolean {
  if (before === after) return true;
  const outsideBefore = outsideSlides(before);
  const outsideAfter = outsideSlides(after);
  return (
    outsideBefore !== undefined &&
    outsideAfter !== undefined &&
    outsideBefore.head === outsideAfter.head &&
    outsideBefore.tail === outsideAfter.tail
  );
}

const CLOSE = '</section>';

/** The page before its first `<section` and after its last `</section>`; undefined for a page without slides. */
function outsideSlides(html: string): { head: string; tail: string } | undefined {
  const first = html.indexOf('<section');
  const last = html.lastIndexOf(CLOSE);
  if (first === -1 || last < first) return undefined;
  return { head: html.slice(0, first), tail: html.slice(last + CLOSE.length) };
}
