import { parseDocument } from 'yaml';
import { yamlKeyLines } from '../config/key-lines.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import { looseMarpYaml } from './marp-loose-yaml.js';
import { parseTitleBlock } from './title-block.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** The Markdown after the front matter. */
  body: string;
  /** How many lines the front matter took (body line 1 is file line bodyLine). */
  bodyLine: number;
  /** The file line of each key, by dotted path. */
  keyLines: Record<string, number>;
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(---|\.\.\.)[ \t]*(\r?\n|$)/m;

/** Split YAML front matter (between `---` lines at the very top), or a Pandoc title block, from the body and parse it. */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) {
    // Pandoc's `% title` block stands for the front matter (src/content/title-block.ts).
    const block = parseTitleBlock(text);
    if (!block) return { data: {}, body: text, bodyLine: 1, keyLines: {} };
    const bodyLine = text.slice(0, block.length).split('\n').length;
    return { data: block.data, body: text.slice(block.length), bodyLine, keyLines: block.keyLines };
  }
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    throw new DeckError(ErrorCode.BadInput, 'front matter is not closed: add a line with only `---` after it', {
      file,
      line: 1,
    });
  }
  // A deck written for Marp reads its directives' values as Marp does (src/content/marp-loose-yaml.ts).
  const written = rest.slice(0, close.index);
  const yamlText = /^marp[ \t]*:[ \t]*true[ \t]*$/m.test(written) ? looseMarpYaml(written) : written;
  const consumed = open[0].length + close.index + close[0].length;
  // The line after the closing `---`, or the closing line itself when the file ends there (it has no next line).
  const bodyLine = text.slice(0, consumed).split('\n').length;
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    throw new DeckError(ErrorCode.BadInput, `front matter is not valid YAML: ${error.message.split('\n')[0]}`, {
      file,
      // An error found at the end (an unclosed bracket or quote) is reported on the last line with text.
      line: yamlText.slice(0, Math.min(error.pos[0], yamlText.trimEnd().length)).split('\n').length + 1,
    });
  }
  const data = doc.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new DeckError(ErrorCode.BadInput, 'front matter must be a mapping of keys to values', { file, line: 2 });
  }
  return { data: data as Record<string, unknown>, body: text.slice(consumed), bodyLine, keyLines: yamlKeyLines(doc, yamlText, 2) };
}
