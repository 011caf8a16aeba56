/**
 * Marp's loose YAML (marpit's `looseYAML`, on in Marp Core and Marp CLI): a directive's value on its own line is
 * text, whatever YAML would make of it, so `backgroundColor: #fff` is `#fff` (not an empty value after a comment)
 * and `_footer: Q&A: ask us` is a footer (not a YAML error that turns the comment into a note). marpit quotes
 * such a value before parsing; so does this, line for line, so every key keeps its line for warnings. Values YAML
 * reads as they are written are left alone: quoted or block values and those starting with a character YAML gives
 * a meaning (`["'{|>~&*`, as marpit leaves them), and `true`, `false` and numbers, which the directives' checks
 * read typed.
 */
import { MARP_GLOBAL_DIRECTIVES, MARP_LOCAL_DIRECTIVES, MARP_UNREAD_DIRECTIVES } from '../config/foreign.js';

/** A directive's `key:` (a plain name: no character a regular expression reads) starting a line (bare, `_spot`, or quoted; after blanks in `<!-- _class: lead -->`), then its value. */
function directiveLine(): RegExp {
  const keys = [...MARP_GLOBAL_DIRECTIVES, ...MARP_LOCAL_DIRECTIVES, ...MARP_UNREAD_DIRECTIVES].map((key) => `_?${key}`).join('|');
  return new RegExp(String.raw`^([ \t]*(?:${keys}|"(?:${keys})"|'(?:${keys})')[ \t]*:)([ \t]+)(.*?)[ \t]*$`, 'gm');
}

const TYPED = /^(true|false|-?\d+(\.\d+)?)$/;

/** `text` (YAML) with the value of each directive on its own line quoted where YAML would not read it as text. */
export function looseMarpYaml(text: string): string {
  return text.replace(directiveLine(), (line, key: string, blanks: string, value: string) => {
    if (value === '' || '["\'{|>~&*'.includes(value[0]!) || TYPED.test(value)) return line;
    return `${key}${blanks}"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
}
