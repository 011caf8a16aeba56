/**
 * Marp's directives as written (marpit.marp.app/directives): `key: value` YAML in the front matter or in an HTML
 * comment of a slide (`<!-- _class: lead -->`, or several keys on lines of their own). A comment is a directive
 * comment when one of its keys is a directive Marp defines, as marpit decides; it is then neither a speaker note
 * nor left in the slide. Each value is checked here, so a bad one is a warning on its own line and left out, as
 * Marp leaves out a value it cannot use.
 */
import { isMap, parseDocument } from 'yaml';
import { MARP_GLOBAL_DIRECTIVES, MARP_LOCAL_DIRECTIVES, MARP_UNREAD_DIRECTIVES } from '../config/foreign.js';
import { yamlKeyLines } from '../config/key-lines.js';
import type { DeckWarning } from '../core/warnings.js';
import { looseMarpYaml } from './marp-loose-yaml.js';
import { fencedRanges } from './split.js';

/** One `key: value` of a directive comment or front matter, at its file line. */
export interface DirectiveEntry {
  /** The directive's name, without the spot prefix `_`. */
  readonly key: string;
  /** `_key`: this slide only. */
  readonly spot: boolean;
  readonly value: unknown;
  readonly line: number;
}

/** A comment that holds directives: where it is in the text, and its entries. */
export interface DirectiveComment {
  readonly start: number;
  readonly end: number;
  readonly entries: readonly DirectiveEntry[];
}

const COMMENT = /<!--([\s\S]*?)-->/g;

/**
 * The comment's YAML mapping, or undefined when it is not one (a note, a reveal.js `.slide:` comment). As in
 * marpit (js-yaml, which throws), YAML with an error, a key written twice or an alias with no anchor
 * (`_footer: *Draft*`) is no mapping: the comment is a note.
 */
function commentMapping(text: string): { values: Record<string, unknown>; lines: Record<string, number> } | undefined {
  const yamlText = looseMarpYaml(text);
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  let values: Record<string, unknown>;
  try {
    values = doc.toJS() as Record<string, unknown>;
  } catch {
    return undefined;
  }
  return { values, lines: yamlKeyLines(doc, yamlText) };
}

/** Whether a key is one of Marp's directives, read here or not, with or without `_` (a misplaced one is named). */
const marpKey = (key: string) => {
  const name = key.replace(/^_/, '');
  return MARP_LOCAL_DIRECTIVES.has(name) || MARP_GLOBAL_DIRECTIVES.has(name) || MARP_UNREAD_DIRECTIVES.has(name);
};

/** The entries of a mapping (front matter, or a comment's YAML) that are Marp directives, in order. */
export function directiveEntries(values: Record<string, unknown>, lineOf: (key: string) => number): DirectiveEntry[] {
  return Object.entries(values)
    .filter(([key]) => marpKey(key))
    .map(([key, value]) => ({ key: key.replace(/^_/, ''), spot: key.startsWith('_'), value, line: lineOf(key) }));
}

/**
 * The directive comments of a slide's (or a file's) Markdown, outside code; `line` is the file line of the text's
 * first line. A comment with no key Marp defines is not one (it is a note in a Marp deck).
 */
export function directiveComments(text: string, line: number): DirectiveComment[] {
  const code = fencedRanges(text);
  const found: DirectiveComment[] = [];
  for (const match of text.matchAll(COMMENT)) {
    if (code.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const mapping = commentMapping(match[1]!);
    if (!mapping) continue;
    const first = line + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
    const entries = directiveEntries(mapping.values, (key) => first + (mapping.lines[key] ?? 1) - 1);
    if (entries.length > 0) found.push({ start: match.index, end: match.index + match[0].length, entries });
  }
  return found;
}

/** Whether a comment's text (between `<!--` and `-->`) holds Marp directives. */
export function isDirectiveComment(text: string): boolean {
  const mapping = commentMapping(text);
  return mapping !== undefined && Object.keys(mapping.values).some(marpKey);
}

/** The text without its directive comments: they are settings, not content. */
export function withoutComments(text: string, comments: readonly DirectiveComment[]): string {
  return [...comments].reverse().reduce((body, comment) => body.slice(0, comment.start) + body.slice(comment.end), text);
}

/** Marp's slide sizes (its built-in themes' `@size`), in slide pixels. */
export const MARP_SIZES: Readonly<Record<string, { width: number; height: number }>> = {
  '16:9': { width: 1280, height: 720 },
  '4:3': { width: 960, height: 720 },
};

/** A directive's value as this tool uses it, or why it cannot be used. */
export type DirectiveValue =
  | { readonly ok: true; readonly value: string | boolean | readonly number[] }
  | { readonly ok: false; readonly message: string };

const bad = (message: string): DirectiveValue => ({ ok: false, message });

/** A YAML scalar as Marp reads it: text (marpit reads every value as a string). */
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/**
 * Check one value: `paginate` true, false, `hold` or `skip` (marpit 3: shown but not counted, neither shown nor
 * counted), `headingDivider` levels, `size` one of Marp's, the rest text.
 */
export function directiveValue(key: string, value: unknown): DirectiveValue {
  if (key === 'paginate') {
    const written = text(value)?.toLowerCase();
    if (written === 'hold' || written === 'skip') return { ok: true, value: written };
    return written === 'true' || written === 'false'
      ? { ok: true, value: written === 'true' }
      : bad(`paginate: ${JSON.stringify(value)} is not true, false, hold or skip; it is ignored`);
  }
  if (key === 'headingDivider') {
    const levels = Array.isArray(value) ? value : [value];
    // marpit reads `true` as no level (Number(true) would be 1).
    const valid =
      levels.length > 0 &&
      levels.every((level) => typeof level !== 'boolean' && Number.isInteger(Number(level)) && Number(level) >= 1 && Number(level) <= 6);
    if (!valid) {
      return bad(`headingDivider: ${JSON.stringify(value)} is not a heading level (1 to 6, or a list of them); it is ignored`);
    }
    // A number is that level and every higher one (2: # and ##); a list is those levels only, as in marpit.
    const numbers = levels.map(Number);
    return { ok: true, value: Array.isArray(value) ? numbers : Array.from({ length: numbers[0]! }, (_, i) => i + 1) };
  }
  if (key === 'size') {
    const written = text(value)?.trim() ?? '';
    return MARP_SIZES[written]
      ? { ok: true, value: written }
      : bad(`size: ${JSON.stringify(value)} is not one of Marp's sizes (16:9 is 1280×720, 4:3 is 960×720); the deck keeps its size`);
  }
  // marpit joins a list of classes (`class: [lead, invert]`).
  if (key === 'class' && Array.isArray(value) && value.every((name) => text(name) !== undefined))
    return { ok: true, value: value.join(' ') };
  const written = text(value);
  if (written === undefined)
    return bad(
      // YAML gives nothing else that is not text: `_footer:` with no value is null, not a mapping.
      `${key}: expected text, not ${Array.isArray(value) ? 'a list' : value === null ? 'an empty value' : 'a mapping'}; it is ignored`,
    );
  return { ok: true, value: written };
}

/** A warning for a directive this tool does not read, or a spot prefix on a global one; undefined for the rest. */
export function unreadDirective(entry: DirectiveEntry, file: string): DeckWarning | undefined {
  const key = `${entry.spot ? '_' : ''}${entry.key}`;
  if (MARP_UNREAD_DIRECTIVES.has(entry.key)) {
    return { file, line: entry.line, message: `"${key}" is a Marp directive that this tool does not support; it is ignored` };
  }
  if (entry.spot && MARP_GLOBAL_DIRECTIVES.has(entry.key) && !MARP_LOCAL_DIRECTIVES.has(entry.key)) {
    return {
      file,
      line: entry.line,
      message: `"${key}": ${entry.key} is a global directive in Marp, for the whole deck; write it without "_"`,
    };
  }
  return undefined;
}
