/**
 * Pandoc's attribute syntax, `{#id .class key=value key="a value"}`, read into HTML attributes the way Pandoc's
 * HTML writer writes them: a key that is not an HTML attribute gets a `data-` prefix (`background-image` becomes
 * `data-background-image`, as on Pandoc's reveal.js `<section>`), and a column's `width` becomes its style.
 */
import { TextNode } from 'node-html-parser';

export interface PandocAttributes {
  id?: string;
  classes: string[];
  /** Other attributes, with their HTML names. */
  attributes: Record<string, string>;
}

/** Attributes that HTML elements take as they are; any other key is written with `data-`, as Pandoc does. */
const HTML_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'title',
  'lang',
  'dir',
  'hidden',
  'role',
  'tabindex',
  'width',
  'height',
  'target',
  'rel',
  'alt',
]);

const PART = /\s*(?:#([^\s}]+)|\.([^\s}]+)|([^\s=}]+)=(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|([^\s}]*)))/y;

/** The text between `{` and `}`, or undefined when it is not an attribute list (then it is plain text). */
export function parsePandocAttributes(text: string): PandocAttributes | undefined {
  const result: PandocAttributes = { classes: [], attributes: {} };
  PART.lastIndex = 0;
  let read = 0;
  let match: RegExpExecArray | null;
  while ((match = PART.exec(text)) !== null) {
    read = PART.lastIndex;
    if (match[1]) result.id = match[1];
    else if (match[2]) result.classes.push(match[2]);
    else {
      const key = match[3]!;
      // Pandoc reads entities in a value (`x&amp;y` is x&y); a bare `&` stays itself.
      const raw = (match[4] ?? match[5] ?? match[6] ?? '').replace(/\\(.)/g, '$1');
      const value = raw.includes('&') ? new TextNode(raw).text : raw;
      result.attributes[HTML_ATTRIBUTES.has(key) || key.startsWith('data-') ? key : `data-${key}`] = value;
    }
  }
  if (text.slice(read).trim() !== '' || read === 0) return undefined;
  return result;
}

/** A fenced div's or span's head: `{…}`, or a bare word (`::: notes`), which is a class. */
export function parseDivHead(head: string): PandocAttributes | undefined {
  const trimmed = head.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) return parsePandocAttributes(trimmed.slice(1, -1));
  return /^[^\s{}]+$/.test(trimmed) ? { classes: [trimmed], attributes: {} } : undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeAttribute = (value: string) => value.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** ` id="…" class="…" key="…"`, escaped, for an HTML start tag ('' when there are none). */
export function attributeHtml(parsed: PandocAttributes, extra: Record<string, string> = {}): string {
  const all: Record<string, string> = {};
  if (parsed.id) all.id = parsed.id;
  if (parsed.classes.length > 0) all.class = parsed.classes.join(' ');
  Object.assign(all, parsed.attributes, extra);
  return Object.entries(all)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
}
