/** The lines that open and close Pandoc's fenced divs (`::: name`, `::: {#id .class}`, `:::`). */
import { parseDivHead, type PandocAttributes } from './pandoc-attributes.js';

const OPEN = /^ {0,3}:{3,}[ \t]*(\{[^}\n]*\}|[^\s{}:]+)[ \t]*:*[ \t]*$/;
const CLOSE = /^ {0,3}:{3,}[ \t]*$/;

/** The attributes of the div this line opens, or undefined when it opens none. */
export function divOpening(line: string): PandocAttributes | undefined {
  const open = OPEN.exec(line);
  return open ? parseDivHead(open[1]!) : undefined;
}

/** The line is a div's opening fence in shape (its head may still not read as attributes). */
export const opensDiv = (line: string): boolean => OPEN.test(line);

export const closesDiv = (line: string): boolean => CLOSE.test(line);

/** The line opens Pandoc's speaker notes: `::: notes`, `::: {.notes}` (any number of colons). */
export const opensNotesDiv = (line: string): boolean => divOpening(line)?.classes.includes('notes') ?? false;
