import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectThemes, resolveTheme } from '../../src/render/theme.js';

const THEMES = join(import.meta.dirname, '..', '..', 'themes');
const read = (name: string) => readFileSync(join(THEMES, `${name}.css`), 'utf8');
/** Where each gpt theme's own palette is (either theme also gives a slide of the other kind the other one). */
const PALETTES = { gpt: '_gpt-palette-light', 'gpt-dark': '_gpt-palette-dark' } as const;

/** The colours of a palette file's block, or of a given block's text. */
function palette(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/(--deck-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colour / background pairs the theme draws. */
const PAIRS: [string, string][] = [
  ['--deck-fg', '--deck-bg'],
  ['--deck-muted', '--deck-bg'],
  ['--deck-accent', '--deck-bg'],
  ['--deck-accent-2', '--deck-bg'],
  ['--deck-fg', '--deck-panel'],
  ['--deck-muted', '--deck-panel'],
  ['--deck-chip-fg', '--deck-chip-bg'],
  ['--deck-chip-fg', '--deck-chip-code'],
  ['--deck-chip-fg', '--deck-chip-image'],
  ['--deck-chip-fg', '--deck-chip-audio'],
];

describe('the gpt themes', () => {
  it('come in a light and a dark variant, selectable by name', () => {
    expect(projectThemes()).toEqual(expect.arrayContaining(['gpt', 'gpt-dark']));
    expect(resolveTheme('gpt-dark', '.').source).toBe(join(THEMES, 'gpt-dark.css'));
  });

  it('share everything but the palette: both import the same base and both palettes, their own last, and nothing else', () => {
    const imports = (...files: string[]) => files.map((file) => `@import url("${file}");`).join('\n');
    const body = (name: string) =>
      read(name)
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .trim();
    expect(body('gpt')).toBe(imports('_gpt-base.css', '_gpt-palette-dark.css', '_gpt-palette-light.css'));
    expect(body('gpt-dark')).toBe(imports('_gpt-base.css', '_gpt-palette-light.css', '_gpt-palette-dark.css'));
    // Each palette is one block of custom properties, the same ones.
    for (const name of Object.values(PALETTES)) {
      expect(body(name), name).toMatch(/^:root, \.reveal \.slides section\.has-(light|dark)-background \{(\s*--[\w-]+:[^;]+;)+\s*\}$/);
    }
    expect(Object.keys(palette(read(PALETTES['gpt-dark']))).sort()).toEqual(Object.keys(palette(read(PALETTES.gpt))).sort());
  });

  it('copies the shared base and the palettes beside the theme in the build', () => {
    const theme = resolveTheme('gpt-dark', '.');
    expect(theme.imports).toEqual(
      ['_gpt-base.css', '_gpt-palette-light.css', '_gpt-palette-dark.css'].map((file) => ({
        source: join(THEMES, file),
        target: `assets/theme/${file}`,
      })),
    );
  });

  it.each(['gpt', 'gpt-dark'] as const)('%s meets WCAG AA contrast (4.5:1) for every text colour it uses', (name) => {
    const colours = palette(read(PALETTES[name]));
    const low = PAIRS.map(([fg, bg]) => [fg, bg, contrast(colours[fg]!, colours[bg]!)] as const).filter(([, , ratio]) => !(ratio >= 4.5));
    expect(low).toEqual([]);
  });

  it('prints handouts in an AA palette too', () => {
    const print = /html:not\(\.print-pdf\) \{([^}]*)\}/.exec(read('_gpt-base'))![1]!;
    const colours = palette(print);
    const low = PAIRS.filter(([fg, bg]) => colours[fg] && colours[bg] && !(contrast(colours[fg], colours[bg]) >= 4.5));
    expect(Object.keys(colours).length).toBeGreaterThan(8);
    expect(low).toEqual([]);
  });

  it('never set a font size under 24px', () => {
    for (const name of ['gpt', 'gpt-dark', '_gpt-base', '_layouts']) {
      const sizes = [...read(name).matchAll(/font-size:\s*(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
      if (!name.startsWith('gpt')) expect(sizes.length, name).toBeGreaterThan(0);
      expect(
        sizes.filter((s) => s < 24),
        name,
      ).toEqual([]);
    }
  });
});
