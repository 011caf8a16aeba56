/**
 * Whether two builds of the page differ only inside the slides (between the first `<section` and the last
 * `</section>`), so an open page may swap its slides in place instead of reloading. Anything else (the head,
 * the theme link, reveal.js options, scripts) needs a full reload.
 */
export function onlySlidesChanged(before: string, after: string): boolean {
  if (before === after) return true;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
    suffix++;
  }
  const inside = (html: string, end: number) => {
    const first = html.indexOf('<section');
    const last = html.lastIndexOf('</section>');
    return first !== -1 && last !== -1 && prefix >= first && end <= last + '</section>'.length;
  };
  return inside(before, before.length - suffix) && inside(after, after.length - suffix);
}
