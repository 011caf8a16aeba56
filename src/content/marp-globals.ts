/**
 * Marp's global directives of a deck written for Marp, wherever they are written: they hold for the whole deck,
 * the last one written winning, as in marpit. Those that are settings here (`theme`, `math`, `title`, `lang`, …)
 * and `size` (as `width` and `height`) become config layers after the front matter's, so they are checked like
 * it; `headingDivider` and `style` are the deck's own.
 */
import type { ConfigLayer } from '../config/resolve.js';
import type { DeckWarning } from '../core/warnings.js';
import {
  directiveComments,
  type DirectiveEntry,
  directiveEntries,
  directiveValue,
  MARP_SIZES,
  unreadDirective,
} from './marp-directives.js';
import { MARP_GLOBAL_DIRECTIVES } from '../config/foreign.js';

/** What the global directives of a deck give it. */
export interface MarpGlobals {
  /** Settings written as directives, one layer per file that has any, in file order. */
  readonly layers: readonly ConfigLayer[];
  /** Levels of the headings that start a slide (`headingDivider`). */
  readonly headingDivider?: readonly number[];
  /** CSS for the deck's slides (`style`). */
  readonly style?: string;
}

/** A source file as the globals are read from it. */
export interface MarpSource {
  readonly name: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly keyLines: Readonly<Record<string, number>>;
  readonly body: string;
  readonly bodyLine: number;
}

/** Global directives that are Marp's alone: in front matter they are not this tool's settings. */
const OWN = new Set(['headingDivider', 'size', 'style']);

/** Read the deck's global directives; bad values and directives not read here are warnings at their lines. */
export function marpGlobals(sources: readonly MarpSource[], warnings: DeckWarning[]): MarpGlobals {
  const layers: ConfigLayer[] = [];
  let headingDivider: readonly number[] | undefined;
  let style: string | undefined;
  for (const source of sources) {
    // Front matter settings are already the first file's layer (and a later file's data): only Marp's own here.
    const front = directiveEntries(source.data as Record<string, unknown>, (key) => source.keyLines[key] ?? 1).filter(
      (entry) => !entry.spot && OWN.has(entry.key),
    );
    const comments = directiveComments(source.body, source.bodyLine).flatMap((comment) => comment.entries);
    const values: Record<string, unknown> = {};
    const lines: Record<string, number> = {};
    const set = (key: string, value: unknown, line: number) => {
      values[key] = value;
      lines[key] = line;
    };
    for (const entry of [...front, ...comments] as DirectiveEntry[]) {
      const unread = unreadDirective(entry, source.name);
      if (unread) warnings.push(unread);
      if (entry.spot || !MARP_GLOBAL_DIRECTIVES.has(entry.key)) continue;
      if (!OWN.has(entry.key)) {
        set(entry.key, entry.value, entry.line);
        continue;
      }
      const read = directiveValue(entry.key, entry.value);
      if (!read.ok) warnings.push({ file: source.name, line: entry.line, message: read.message });
      else if (entry.key === 'size') {
        const size = MARP_SIZES[read.value as string]!;
        set('width', size.width, entry.line);
        set('height', size.height, entry.line);
      } else if (entry.key === 'headingDivider') headingDivider = read.value as readonly number[];
      else style = read.value as string;
    }
    if (Object.keys(values).length > 0) layers.push({ source: source.name, values, lines, kind: 'front-matter' });
  }
  return { layers, headingDivider, style };
}
