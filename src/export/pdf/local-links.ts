/**
 * Links to the deck's own files in a Chromium PDF made relative. Chromium writes a link as the absolute URL the
 * page resolved it to, and the page is printed from the stage folder, which is deleted once the output is swapped
 * in: `file:///…/.out.stage-…/files/table.csv` would point nowhere. The PDF sits in the output folder beside
 * those files (the build copies every linked file), so the link becomes `files/table.csv`, relative to the PDF.
 */

/** A PDF literal string's escaping of a text: backslash and both parentheses (PDF 1.7 §7.3.4.2). */
function pdfLiteral(text: string): string {
  return text.replace(/[\\()]/g, (char) => `\\${char}`);
}

/**
 * Rewrite, in place, every link URI under `baseUrl` (the folder the page was printed from, ending in "/") to
 * the part after it. The string gets shorter and the bytes freed become spaces after its closing parenthesis:
 * white space between tokens, so every object keeps its offset and the cross-reference table stays true.
 * Chromium writes annotation dictionaries uncompressed, which is what makes this byte-level edit possible.
 * Returns how many links were rewritten.
 */
export function relativizeLocalLinks(pdf: Uint8Array, baseUrl: string): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const needle = `/URI (${pdfLiteral(Buffer.from(baseUrl, 'utf8').toString('latin1'))}`;
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const start = at + '/URI ('.length;
    let end = at + needle.length;
    while (end < text.length && text[end] !== ')') end += text[end] === '\\' ? 2 : 1;
    if (end >= text.length) break;
    const relative = text.slice(at + needle.length, end);
    const replacement = `${relative})`.padEnd(end + 1 - start, ' ');
    for (let i = 0; i < replacement.length; i++) pdf[start + i] = replacement.charCodeAt(i);
    count++;
  }
  return count;
}
