/**
 * The gpt themes carry each palette twice: gpt.css's and gpt-dark.css's own (`:root`), and again in _gpt-base.css
 * for a slide whose own background is of the other kind (has-dark-background, has-light-background). The copies
 * must not drift apart.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const THEMES = join(import.meta.dirname, '..', '..', 'themes');

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function paletteOf(file: string, selector: string): Record<string, string> {
  const css = readFileSync(join(THEMES, file), 'utf8');
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in ${file}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

describe('the gpt palettes', () => {
  it.each([
    ['gpt.css', '.reveal .slides section.has-light-background'],
    ['gpt-dark.css', '.reveal .slides section.has-dark-background'],
  ])("%s's own palette is the one _gpt-base.css gives a slide of its kind in the other theme", (theme, selector) => {
    const own = paletteOf(theme, ':root');
    expect(Object.keys(own).length).toBeGreaterThan(20);
    expect(paletteOf('_gpt-base.css', selector)).toEqual(own);
  });
});
