/**
 * Pandoc's simple tables (its simple_tables extension, on by default), in a deck written for Pandoc: a header
 * line, a line of dash runs that sets the columns, rows up to a blank line. A cell is the text under its dash
 * run, up to where the next column starts; a column's alignment comes from its header against its dashes
 * (flush left only: left, flush right only: right, neither: centre), as Pandoc reads it. The headerless form
 * (the rows between two dash lines) is read too. GFM's pipe tables are marked's own.
 */
import type { MarkedExtension, Tokens } from 'marked';

interface SimpleTableToken extends Tokens.Generic {
  type: 'pandocSimpleTable';
  header: Tokens.Generic[][] | undefined;
  rows: Tokens.Generic[][][];
  align: (string | undefined)[];
}

/** A dash line: two or more runs of dashes, one of at least three (so `- -` stays a list). */
const DASHES = /^ {0,3}(?=[- ]*---)-+(?: +-+)+ *$/;

function runsOf(line: string): [number, number][] {
  return [...line.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length]);
}

function cellsOf(line: string, runs: [number, number][]): string[] {
  return runs.map(([start], i) => line.slice(start, i + 1 < runs.length ? runs[i + 1]![0] : undefined).trim());
}

function alignmentOf(header: string, [start, end]: [number, number]): string | undefined {
  if (header.slice(start, end).trim() === '') return undefined;
  const left = /\S/.test(header[start] ?? ' ');
  const right = /\S/.test(header[end - 1] ?? ' ');
  if (left === right) return left ? undefined : 'center';
  return left ? 'left' : 'right';
}

export function pandocSimpleTables(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'pandocSimpleTable',
        level: 'block',
        tokenizer(src: string): SimpleTableToken | undefined {
          const block = /^(?:[^\n]*\S[^\n]*(?:\n|$))+/.exec(src)?.[0];
          if (!block) return undefined;
          const lines = block.replace(/\n$/, '').split('\n');
          const headerless = DASHES.test(lines[0]!);
          if (!headerless && (lines.length < 3 || !DASHES.test(lines[1]!))) return undefined;
          if (headerless && (lines.length < 3 || !DASHES.test(lines[lines.length - 1]!))) return undefined;
          const dashLine = headerless ? lines[0]! : lines[1]!;
          const runs = runsOf(dashLine);
          const body = headerless ? lines.slice(1, -1) : lines.slice(2);
          const inline = (text: string) => this.lexer.inlineTokens(text) as Tokens.Generic[];
          return {
            type: 'pandocSimpleTable',
            raw: block,
            header: headerless ? undefined : cellsOf(lines[0]!, runs).map(inline),
            rows: body.map((line) => cellsOf(line, runs).map(inline)),
            align: headerless ? runs.map(() => undefined) : runs.map((run) => alignmentOf(lines[0]!, run)),
          };
        },
        renderer(token) {
          const table = token as SimpleTableToken;
          const cell = (tag: 'th' | 'td', tokens: Tokens.Generic[], i: number) => {
            const align = table.align[i];
            return `<${tag}${align ? ` style="text-align: ${align}"` : ''}>${this.parser.parseInline(tokens)}</${tag}>`;
          };
          const head = table.header
            ? `<thead>\n<tr>${table.header.map((tokens, i) => cell('th', tokens, i)).join('')}</tr>\n</thead>\n`
            : '';
          const rows = table.rows.map((row) => `<tr>${row.map((tokens, i) => cell('td', tokens, i)).join('')}</tr>`).join('\n');
          return `<table>\n${head}<tbody>\n${rows}\n</tbody>\n</table>\n`;
        },
      },
    ],
  };
}
