/**
 * One font out of a TrueType/OpenType collection (.ttc): Noto Sans CJK ships its Japanese, Korean, Simplified
 * and Traditional Chinese faces in one file, and a subsetter reads only a collection's first face (Japanese).
 * The face's tables are copied into a standalone font file with new offsets.
 */

const SFNT_HEADER = 12;
const TABLE_RECORD = 16;

/** The bytes of face `index` as a standalone font; a font that is not a collection is returned as it is. */
export function extractFace(font: Uint8Array, index: number): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.byteLength < 12 || String.fromCharCode(...font.subarray(0, 4)) !== 'ttcf') return font;
  const count = view.getUint32(8);
  if (index < 0 || index >= count) throw new RangeError(`the collection has ${count} fonts, not a font number ${index}`);
  const faceOffset = view.getUint32(12 + 4 * index);
  const numTables = view.getUint16(faceOffset + 4);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const record = faceOffset + SFNT_HEADER + TABLE_RECORD * i;
    return { record, offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const size = SFNT_HEADER + TABLE_RECORD * numTables + tables.reduce((sum, t) => sum + padded(t.length), 0);
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(faceOffset, faceOffset + SFNT_HEADER), 0);
  let cursor = SFNT_HEADER + TABLE_RECORD * numTables;
  tables.forEach((table, i) => {
    const record = SFNT_HEADER + TABLE_RECORD * i;
    out.set(font.subarray(table.record, table.record + TABLE_RECORD), record);
    outView.setUint32(record + 8, cursor);
    out.set(font.subarray(table.offset, table.offset + table.length), cursor);
    cursor += padded(table.length);
  });
  return out;
}
