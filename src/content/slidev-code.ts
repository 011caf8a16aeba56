/**
 * A code block's info string as Slidev reads it (sli.dev/features/line-highlighting): ```` ```ts {2,3} ```` or
 * ```` ```ts {all|2|1-6} ```` highlights lines (step by step between `|`; `all` and `*` are every line), which is
 * reveal.js's `data-line-numbers`; `[file.ts]` names the file, `{monaco}` and `{monaco-run}` make an editor,
 * `twoslash` adds type hovers and `{lines: true}` numbers the lines. Those last four are interactive in Slidev and
 * leave plain highlighted code here. A snippet import (`<<< @/snippets/external.ts#snippet`) is left out.
 */
export interface SlidevCodeInfo {
  /** The language for highlight.js ('' when none). */
  readonly language: string;
  /** reveal.js's data-line-numbers for the highlights, when the block has any. */
  readonly lineNumbers?: string;
}

/**
 * `{1|2-3|all}`: line ranges between `|`, `all` or `*` for every line, `none` for no line and `hide` to hide the
 * block. reveal.js has neither of the last two: both show the whole block plain, so the step and its click stay and
 * every later click on the slide comes when Slidev's does.
 */
const STEP = String.raw`(?:all|none|hide|\*|[\d\s,-])*`;
const HIGHLIGHTS = new RegExp(String.raw`^\{\s*(${STEP}(?:\|${STEP})*)\}$`);

/** Steps that show the whole block plain here (see HIGHLIGHTS). */
const WHOLE_BLOCK: ReadonlySet<string> = new Set(['all', '*', 'none', 'hide']);

export function slidevCodeInfo(info: string): SlidevCodeInfo {
  // Slidev's own reading (its reCodeBlock): the language first, then the highlights in the first braces; braces
  // after those hold options ({lines:true}), never highlights.
  const language = /^[^\s[{]*/.exec(info)![0];
  const highlights = HIGHLIGHTS.exec(/\{[^}]*\}/.exec(info)?.[0] ?? '')?.[1];
  if (highlights === undefined) return { language };
  const steps = highlights.split('|').map((step) => {
    const lines = step.replace(/\s/g, '');
    return WHOLE_BLOCK.has(lines) ? '' : lines;
  });
  // Every line highlighted in every step is no highlight at all.
  return steps.every((step) => step === '') ? { language } : { language, lineNumbers: steps.join('|') };
}

/** Slidev's snippet import, `<<< @/snippets/external.ts#snippet ts {2|3}`, on a line of its own. */
const SNIPPET_IMPORT = /^<<<[ \t]+\S.*(?:\r?\n|$)/gm;

/**
 * The slide's Markdown without Slidev's snippet imports (outside code), each named for a warning: the code they
 * name is read from a file when Slidev builds, which this tool does not do; as Markdown the line is text.
 */
export function dropSnippetImports(
  markdown: string,
  code: readonly [number, number][],
): { readonly markdown: string; readonly dropped: readonly string[] } {
  const dropped: string[] = [];
  const result = markdown.replace(SNIPPET_IMPORT, (line: string, offset: number) => {
    if (code.some(([start, end]) => offset >= start && offset < end)) return line;
    dropped.push(line.trim());
    return '';
  });
  return { markdown: result, dropped };
}
