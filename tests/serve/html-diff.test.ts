/** Live reload: telling a slide-only change from one that needs a full reload. */
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
});
