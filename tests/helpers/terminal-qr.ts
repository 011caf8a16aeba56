/**
 * Reading the QR codes a command prints on a terminal: the half-block characters (▀ ▄ █ and space, two modules
 * a character, dark and light from the ANSI colours around them) turned into pixels and decoded by jsQR, a
 * decoder that shares no code with the `qrcode` package that drew them. What a phone's camera would read.
 */
import { stripVTControlCharacters } from 'node:util';
import jsqr from 'jsqr';

/** Pixels a module, in the image handed to the decoder. */
const SCALE = 4;
const ESC = String.fromCharCode(27);
/** An ANSI colour sequence, or one character. */
const TOKEN = new RegExp(`${ESC}\\[[0-9;]*m|[^${ESC}]`, 'gu');

/** One text line of a QR code as two rows of modules, true for dark. */
function modulesOf(line: string): [boolean[], boolean[]] {
  const top: boolean[] = [];
  const bottom: boolean[] = [];
  // Light is the white background (47), or a white foreground (37) on the last line; dark the black one (30).
  let foregroundDark = true;
  for (const token of line.match(TOKEN) ?? []) {
    if (token.startsWith(`${ESC}[`)) {
      for (const code of token.slice(2, -1).split(';')) {
        if (code === '30') foregroundDark = true;
        else if (code === '37' || code === '0' || code === '') foregroundDark = false;
      }
      continue;
    }
    const [upper, lower] = token === '█' ? [true, true] : token === '▀' ? [true, false] : token === '▄' ? [false, true] : [false, false];
    top.push(upper && foregroundDark);
    bottom.push(lower && foregroundDark);
  }
  return [top, bottom];
}

/** The text of every QR code in `output` (blocks of lines made of half blocks), in order. */
export function readTerminalQrCodes(output: string): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of output.split('\n')) {
    const plain = stripVTControlCharacters(line);
    if (plain.length > 0 && /^[ ▀▄█]+$/u.test(plain)) current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks.map((block) => {
    const rows = block.flatMap(modulesOf);
    const width = Math.max(...rows.map((row) => row.length)) + 8;
    const height = rows.length + 8;
    const pixels = new Uint8ClampedArray(width * SCALE * height * SCALE * 4).fill(255);
    rows.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (!dark) return;
        for (let dy = 0; dy < SCALE; dy++) {
          for (let dx = 0; dx < SCALE; dx++) {
            const at = (((y + 4) * SCALE + dy) * width * SCALE + (x + 4) * SCALE + dx) * 4;
            pixels.fill(0, at, at + 3);
          }
        }
      }),
    );
    // jsqr is CommonJS: its function is the module's `default` for TypeScript, and also there at run time.
    const code = jsqr.default(pixels, width * SCALE, height * SCALE);
    if (!code) throw new Error(`a QR code that cannot be read:\n${block.join('\n')}`);
    return code.data;
  });
}
