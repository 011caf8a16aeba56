/** Live reload: telling a slide-only change (the page swaps its slides in place) from one that needs a full reload. */
import { describe, expect, it } from 'vitest';
import { onlySlidesChanged } from '../../src/serve/html-diff.js';

describe('onlySlidesChanged', () => {
  const page = (title: string, body: string) =>
    `<html><head><title>${title}</title></head><body><div class="slides"><section>a</section><section>${body}</section></div><script>x</script></body></html>`;
  it('is true when only slide content differs, false when the head or scripts do', () => {
    expect(onlySlidesChanged(page('t', 'b'), page('t', 'b2'))).toBe(true);
    expect(onlySlidesChanged(page('t', 'b'), page('t2', 'b'))).toBe(false);
    expect(onlySlidesChanged(page('t', 'b'), page('t', 'b').replace('<script>x', '<script>y'))).toBe(false);
  });

  it('the same page twice needs no reload', () => {
    expect(onlySlidesChanged(page('t', 'b'), page('t', 'b'))).toBe(true);
    expect(onlySlidesChanged('<p>no slides</p>', '<p>no slides</p>')).toBe(true);
  });

  it('a slide added after the last one, or the last one removed, is a slide change', () => {
    const one = page('t', 'b');
    const two = one.replace('</section></div>', '</section><section>c</section></div>');
    expect(onlySlidesChanged(one, two)).toBe(true);
    expect(onlySlidesChanged(two, one)).toBe(true);
  });

  it('a slide edited together with the script after the slides needs a reload', () => {
    const after = page('t', 'c').replace('<script>x', '<script>y');
    expect(onlySlidesChanged(page('t', 'b'), after)).toBe(false);
  });

  it('all the slides removed, or all added, needs a reload', () => {
    const none = '<html><body><div class="slides"></div></body></html>';
    const some = '<html><body><div class="slides"><section>a</section></div></body></html>';
    expect(onlySlidesChanged(some, none)).toBe(false);
    expect(onlySlidesChanged(none, some)).toBe(false);
  });

  it('anything after the last slide, even one character, needs a reload', () => {
    const deck = '<div class="slides"><section>a</section>';
    expect(onlySlidesChanged(deck, `${deck}>`)).toBe(false);
    expect(onlySlidesChanged(`${deck}>`, deck)).toBe(false);
  });

  it('a page with no opening or no closing slide tag needs a reload', () => {
    expect(onlySlidesChanged('<div>a</div></section>', '<div>b</div></section>')).toBe(false);
    expect(onlySlidesChanged('<sectionA', '<sectionB')).toBe(false);
    expect(onlySlidesChanged('<p>a</p>', '<p>b</p>')).toBe(false);
    expect(onlySlidesChanged('<p>a', '<p>b')).toBe(false);
  });
});
