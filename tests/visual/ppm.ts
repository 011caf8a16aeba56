/** Poppler's raw PPM (P6, pdftoppm's default output) read into an Image: no PNG to deflate in poppler and inflate here. */
import type { Image } from './png.js';

/** The header's next token (magic, width, height, maxval), skipping whitespace and # comments. */
function token(bytes: Uint8Array, at: { offset: number }): string {
  let text = '';
  for (;;) {
    const c = bytes[at.offset]!;
    if (c === 0x23) {
      while (bytes[at.offset] !== 0x0a) at.offset++;
    } else if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
      if (text) return text;
    } else text += String.fromCharCode(c);
    at.offset++;
  }
}

/** Decode a binary PPM of 8-bit RGB (P6, maxval 255) into RGBA. */
export function decodePpm(file: Uint8Array): Image {
  const at = { offset: 0 };
  const [magic, width, height, maxval] = [token(file, at), Number(token(file, at)), Number(token(file, at)), Number(token(file, at))];
  if (magic !== 'P6' || maxval !== 255) throw new Error(`unsupported PPM: ${magic}, maxval ${maxval}`);
  // One whitespace byte ends the header; the pixels follow.
  const start = at.offset + 1;
  if (file.length - start !== width * height * 3) throw new Error(`PPM of ${width}×${height} has ${file.length - start} bytes of pixels`);
  const data = new Uint8Array(width * height * 4);
  for (let p = 0, q = start; p < data.length; p += 4, q += 3) {
    data[p] = file[q]!;
    data[p + 1] = file[q + 1]!;
    data[p + 2] = file[q + 2]!;
    data[p + 3] = 255;
  }
  return { width, height, data };
}
