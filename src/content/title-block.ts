/**
 * Pandoc's title block: up to three `%` lines at the very top of a file, title, author(s) and date, read as YAML
 * `title`, `author` and `date` would be. As in Pandoc, a field continues on lines that start with a space, several
 * authors are separated by `;` (or are on continuation lines), and a bare `%` leaves its field out.
 */
export interface TitleBlock {
  data: Record<string, unknown>;
  /** Characters the block takes, and the file line of each key. */
  length: number;
  keyLines: Record<string, number>;
}

const KEYS = ['title', 'author', 'date'] as const;

export function parseTitleBlock(text: string): TitleBlock | undefined {
  if (!text.startsWith('%')) return undefined;
  const fields: { lines: string[]; line: number }[] = [];
  const line = /^.*(?:\r?\n|$)/gm;
  let length = 0;
  let match: RegExpExecArray | null;
  while ((match = line.exec(text)) !== null && match[0] !== '') {
    const content = match[0].replace(/\r?\n$/, '');
    if (content.startsWith('%') && fields.length < KEYS.length)
      fields.push({ lines: [content.slice(1).trim()], line: text.slice(0, match.index).split('\n').length });
    else if (/^[ \t]+\S/.test(content)) fields[fields.length - 1]!.lines.push(content.trim());
    else break;
    length = match.index + match[0].length;
  }
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  fields.forEach((field, i) => {
    const key = KEYS[i]!;
    const values =
      key === 'author' ? field.lines.flatMap((value) => value.split(';')).map((value) => value.trim()) : [field.lines.join(' ')];
    const present = values.filter((value) => value !== '');
    if (present.length === 0) return;
    data[key] = present.length === 1 ? present[0] : present;
    keyLines[key] = field.line;
  });
  return { data, length, keyLines };
}
