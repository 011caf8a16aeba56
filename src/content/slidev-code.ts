/**
 * A code block's info string as Slidev reads it (sli.dev/features/line-highlighting): ```` ```ts {2,3} ```` or
 * ```` ```ts {all|2|1-6} ```` highlights lines (step by step between `|`; `all` and `*` are every line), which is
 * reveal.js's `data-line-numbers`; `[file.ts]` names the file, `{monaco}` and `{monaco-run}` make an editor,
 * `twoslash` adds type hovers and `{lines: true}` numbers the lines. Those last four are interactive in Slidev and
 * leave plain highlighted code here.
 */
export interface SlidevCodeInfo {
  /** The language for highlight.js ('' when none). */
  readonly language: string;
  /** reveal.js's data-line-numbers for the highlights, when the block has any. */
  readonly lineNumbers?: string;
}

/** `{1|2-3|all}`: line ranges between `|`, `all` or `*` for every line. */
const HIGHLIGHTS = /^\{\s*((?:all|\*|[\d\s,-])*(?:\|(?:all|\*|[\d\s,-])*)*)\}$/;

export function slidevCodeInfo(info: string): SlidevCodeInfo {
  const groups = [...info.matchAll(/\{[^}]*\}/g)].map((match) => match[0]);
  const highlights = groups.map((group) => HIGHLIGHTS.exec(group)?.[1]).find((steps) => steps !== undefined && steps.trim() !== '');
  const language =
    info
      .replace(/\{[^}]*\}|\[[^\]]*\]/g, ' ')
      .trim()
      .split(/\s+/)[0] ?? '';
  if (highlights === undefined) return { language };
  const steps = highlights.split('|').map((step) => (/^\s*(all|\*)\s*$/.test(step) ? '' : step.replace(/\s+/g, '')));
  // Every line highlighted in every step is no highlight at all.
  return steps.every((step) => step === '') ? { language } : { language, lineNumbers: steps.join('|') };
}
