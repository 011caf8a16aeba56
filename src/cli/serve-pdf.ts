/**
 * PDFs from a running `deck serve`: GET /_deck/deck.pdf or /_deck/handout.pdf (with the presenter token) exports
 * the deck as it is now. The browser is launched on the first request and kept for the server's lifetime, so
 * every export after the first skips Chromium's start. Lives in the CLI because it joins serve and export.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { FindBrowserOptions } from '../browser/index.js';
import { isDeckError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { BuildOptions } from '../render/index.js';

export interface PdfRouteOptions {
  deck: string;
  build: BuildOptions;
  find?: FindBrowserOptions;
  logger: Logger;
  /** The server's presenter token, known once it has started. */
  token: () => string | undefined;
  tokensMatch: (given: unknown, expected: string) => boolean;
}

export interface PdfRoute {
  route: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** How many times a browser was launched (one, however many exports). */
  readonly launches: number;
  close(): Promise<void>;
}

const PATHS: Record<string, 'slides' | 'handout'> = { '/_deck/deck.pdf': 'slides', '/_deck/handout.pdf': 'handout' };

export function createPdfRoute(options: PdfRouteOptions): PdfRoute {
  let browser: Promise<Browser> | undefined;
  let launches = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let workDir: Promise<string> | undefined;

  const launch = async (): Promise<Browser> => {
    const { findBrowser, launchBrowser } = await import('../browser/index.js');
    const found = await findBrowser(options.find);
    launches++;
    const launched = await launchBrowser({ executablePath: found.path, logger: options.logger });
    launched.once('disconnected', () => (browser = undefined));
    return launched;
  };

  const exportOne = async (kind: 'slides' | 'handout'): Promise<string> => {
    const { exportPdf } = await import('../export/index.js');
    browser ??= launch();
    const running = await browser.catch((error: unknown) => {
      browser = undefined;
      throw error;
    });
    const outDir = join(await (workDir ??= mkdtemp(join(tmpdir(), 'deck-serve-pdf-'))), kind);
    const result = await exportPdf(options.deck, {
      ...options.build,
      outDir,
      browser: running,
      slides: kind === 'slides',
      handout: kind === 'handout' ? undefined : false,
      logger: options.logger,
    });
    return kind === 'slides' ? result.slides!.path : result.handout!.path;
  };

  return {
    get launches() {
      return launches;
    },
    async route(req, res, url) {
      const kind = PATHS[url.pathname];
      if (!kind) return false;
      const token = options.token();
      if (req.method !== 'GET' || !token || !options.tokensMatch(url.searchParams.get('token'), token)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('the presenter token is needed\n');
        return true;
      }
      // One export at a time: they share one page budget and one output folder.
      const job = queue.then(() => exportOne(kind));
      queue = job.catch(() => undefined);
      try {
        const path = await job;
        res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' });
        createReadStream(path).pipe(res);
      } catch (error) {
        const message = isDeckError(error) ? error.format() : (error as Error).message;
        options.logger.error(`PDF export: ${message}`);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
      }
      return true;
    },
    async close() {
      await queue;
      const running = await browser?.catch(() => undefined);
      if (running) {
        const { closeBrowser } = await import('../browser/index.js');
        await closeBrowser(running);
      }
      if (workDir) await rm(await workDir, { recursive: true, force: true });
    },
  };
}
