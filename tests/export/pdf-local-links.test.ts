/** Link URIs into the stage folder become relative without moving a byte of the PDF (src/export/pdf/local-links.ts). */
import { describe, expect, it } from 'vitest';
import { relativizeLocalLinks } from '../../src/export/pdf/local-links.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');

describe('relativizeLocalLinks', () => {
  it('cuts the stage folder off each link and pads with spaces, so every offset stays', () => {
    const base = 'file:///tmp/out (1)/.out.stage-1/';
    const pdf = bytes(
      '4 0 obj\n<</Type /Annot /A <</S /URI /URI (file:///tmp/out \\(1\\)/.out.stage-1/files/a%20b.csv)>>>>\nendobj\n' +
        '5 0 obj\n<</A <</S /URI /URI (https://example.org/)>>>>\nendobj\n' +
        '6 0 obj\n<</A <</S /URI /URI (file:///tmp/out \\(1\\)/.out.stage-1/x\\).txt)>>>>\nendobj\n',
    );
    const before = text(pdf);
    expect(relativizeLocalLinks(pdf, base)).toBe(2);
    const after = text(pdf);
    expect(after.length).toBe(before.length);
    expect(after.indexOf('5 0 obj')).toBe(before.indexOf('5 0 obj'));
    expect(after.indexOf('6 0 obj')).toBe(before.indexOf('6 0 obj'));
    expect(after).toMatch(/\/URI \(files\/a%20b\.csv\) +>>/);
    expect(after).toContain('/URI (https://example.org/)>>');
    expect(after).toMatch(/\/URI \(x\\\)\.txt\) +>>/);
    expect(after).not.toContain('stage');
  });

  it('leaves a PDF without such links as it was', () => {
    const pdf = bytes('1 0 obj\n<</URI (file:///elsewhere/a.csv)>>\nendobj\n');
    const before = text(pdf);
    expect(relativizeLocalLinks(pdf, 'file:///tmp/.out.stage-2/')).toBe(0);
    expect(text(pdf)).toBe(before);
  });
});
