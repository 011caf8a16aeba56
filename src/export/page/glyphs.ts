/**
 * Runs inside the page: find characters that are drawn without a font that has them (the "tofu" boxes CJK text
 * gets on a machine without CJK fonts). For each font stack in use, every distinct character is drawn on a
 * canvas with that stack, next to a character that no font has (U+0378, unassigned): Chromium draws both with
 * the same fallback, so a character whose pixels and advance equal the unassigned one's is a missing glyph.
 * One canvas and one read-back per font stack, so it stays fast for large decks.
 */

export interface MissingGlyphs {
  /** The slide id (or handout item id) whose text has them, from `data-glyph-scope` or the section id. */
  scope: string;
  /** The characters, once each. */
  chars: string;
  /** The CSS font stack they were drawn with. */
  font: string;
}

export function findMissingGlyphs(selector: string): MissingGlyphs[] {
  const CELL = 24;
  const COLUMNS = 50;
  const PROBE = '\u0378';
  // Whitespace, controls and combining marks draw nothing on their own; printable ASCII is in every font stack
  // Chromium can fall back on (it always has a Latin font).
  const skip = /[\s\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Zs}\x21-\x7e]/u;
  // font stack -> char -> scopes
  const usage = new Map<string, Map<string, Set<string>>>();
  for (const root of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
    const scope = root.getAttribute('data-glyph-scope') ?? root.id;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('aside.notes, script, style')) continue;
      const text = node.nodeValue ?? '';
      if (!/\S/.test(text)) continue;
      const style = getComputedStyle(parent);
      // Keyed by family only: weight and style pick faces of the same families, and fewer stacks is faster.
      const font = `normal 400 ${CELL * 0.7}px ${style.fontFamily}`;
      let chars = usage.get(font);
      if (!chars) usage.set(font, (chars = new Map()));
      for (const char of text) {
        if (skip.test(char)) continue;
        let scopes = chars.get(char);
        if (!scopes) chars.set(char, (scopes = new Set()));
        scopes.add(scope);
      }
    }
  }
  const found: MissingGlyphs[] = [];
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas for the glyph check');
  for (const [font, chars] of usage) {
    const list = [PROBE, ...chars.keys()];
    const rows = Math.ceil(list.length / COLUMNS);
    canvas.width = CELL * Math.min(COLUMNS, list.length);
    canvas.height = CELL * rows;
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.font = font;
    context.textBaseline = 'middle';
    context.fillStyle = '#000';
    const widths = list.map((char, i) => {
      context.fillText(char, (i % COLUMNS) * CELL + 4, Math.floor(i / COLUMNS) * CELL + CELL / 2);
      return context.measureText(char).width;
    });
    const image = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const cell = (i: number): number[] => {
      const x0 = (i % COLUMNS) * CELL;
      const y0 = Math.floor(i / COLUMNS) * CELL;
      const alpha: number[] = [];
      for (let y = y0; y < y0 + CELL; y++) {
        for (let x = x0; x < x0 + CELL; x++) alpha.push(image[(y * canvas.width + x) * 4 + 3]!);
      }
      return alpha;
    };
    const probe = cell(0);
    const probeInk = probe.some((a) => a > 0);
    const missing = new Map<string, Set<string>>();
    for (let i = 1; i < list.length; i++) {
      if (Math.abs(widths[i]! - widths[0]!) > 0.01) continue;
      const pixels = cell(i);
      // No ink at all for a visible character is missing too (a font stack whose fallback draws nothing).
      const same = probeInk ? pixels.every((a, k) => a === probe[k]) : !pixels.some((a) => a > 0);
      if (!same) continue;
      for (const scope of chars.get(list[i]!)!) {
        let set = missing.get(scope);
        if (!set) missing.set(scope, (set = new Set()));
        set.add(list[i]!);
      }
    }
    for (const [scope, set] of missing) found.push({ scope, chars: [...set].join(''), font: font.replace(/^\S+ \S+ \S+ /, '') });
  }
  return found;
}
