/** PDFs from a running `deck serve`: token-gated, and every export after the first reuses one browser. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPdfRoute, type PdfRoute } from '../../src/cli/serve-pdf.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, tokensMatch, type ServerHandle } from '../../src/serve/index.js';

const deck = join(import.meta.dirname, '../fixtures/export/small');
/** Room for the 20 abandoned requests of the attack; beyond it, 429. */
const MAX_WAITING = 24;

function pagesOf(pdf: Buffer): number {
  const file = join(mkdtempSync(join(tmpdir(), 'deck-serve-pdf-test-')), 'x.pdf');
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

describe('PDF from a running deck serve', () => {
  let server: ServerHandle;
  let pdf: PdfRoute;

  beforeAll(async () => {
    const logger = createMemoryLogger();
    let token: string | undefined;
    pdf = createPdfRoute({ deck, build: {}, logger, token: () => token, tokensMatch, maxWaiting: MAX_WAITING });
    server = await startServer({ deck, port: 0, watch: false, logger, routes: [pdf.route] });
    token = server.token;
  });
  afterAll(async () => {
    await server?.close();
    await pdf?.close();
  });

  it('refuses without the presenter token', async () => {
    expect((await fetch(new URL('/_deck/deck.pdf', server.url))).status).toBe(403);
    expect((await fetch(new URL('/_deck/deck.pdf?token=wrong-token', server.url))).status).toBe(403);
    expect(pdf.launches).toBe(0);
  });

  it('exports deck.pdf and handout.pdf with one browser launch', async () => {
    const get = async (name: string) => {
      const response = await fetch(new URL(`/_deck/${name}?token=${server.token}`, server.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      return Buffer.from(await response.arrayBuffer());
    };
    const first = await get('deck.pdf');
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    // The small deck: 5 slides, the last one split into its 2 fragment steps; the notes handout has a page a slide.
    expect(pagesOf(first)).toBe(6);
    expect(pagesOf(await get('handout.pdf'))).toBe(5);
    expect(pagesOf(await get('deck.pdf'))).toBe(6);
    expect(pdf.launches).toBe(1);
  });

  it('drops exports whose clients have gone: 20 aborted requests do not delay the next one', async () => {
    const before = pdf.exports;
    const clients = Array.from({ length: 20 }, () => new AbortController());
    const requests = clients.map((client, i) =>
      fetch(new URL(`/_deck/${i % 2 ? 'deck' : 'handout'}.pdf?token=${server.token}`, server.url), { signal: client.signal }).catch(
        (error: Error) => error.name,
      ),
    );
    await vi.waitFor(() => expect(pdf.waiting).toBe(20), { timeout: 30_000, interval: 5 });
    for (const client of clients) client.abort();
    expect(new Set(await Promise.all(requests))).toEqual(new Set(['AbortError']));
    await vi.waitFor(() => expect(pdf.waiting).toBe(0), { timeout: 30_000, interval: 5 });
    const response = await fetch(new URL(`/_deck/deck.pdf?token=${server.token}`, server.url));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    // The first abandoned export had started (it cannot be stopped midway); the other 19 never ran.
    expect(pdf.exports - before).toBe(2);
  });

  it('merges requests waiting for the same PDF, and answers 429 with Retry-After beyond the bound', async () => {
    const before = pdf.exports;
    const url = new URL(`/_deck/deck.pdf?token=${server.token}`, server.url);
    const responses = await Promise.all(
      Array.from({ length: MAX_WAITING + 4 }, async () => {
        const response = await fetch(url);
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: Buffer.from(await response.arrayBuffer()),
        };
      }),
    );
    const served = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(served).toHaveLength(MAX_WAITING);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(Number(r.retryAfter)).toBeGreaterThan(0);
    for (const r of served) expect(r.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.exports - before).toBe(2);
  });
});
