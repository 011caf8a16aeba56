/**
 * PDFs from a running `deck serve`: GET /_deck/deck.pdf or /_deck/handout.pdf (with the presenter token) exports
 * the deck as it is now. The browser is launched on the first request and kept for the server's lifetime, so
 * every export after the first skips Chromium's start. With --browser-url it connects to that browser instead
 * and works in a browser context of its own, closed (never the browser) when the server stops. Requests go
 * through a bounded queue (src/cli/pdf-queue.ts): one export at a time, identical waiting requests merged,
 * abandoned ones dropped. Lives in the CLI because it joins serve and export.
 */
import { readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { FindBrowserOptions } from '../browser/index.js';
import { isDeckError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { makeOwnedTempDir } from '../core/owned-temp.js';
import type { BuildOptions } from '../render/index.js';
import { createJobQueue } from './pdf-queue.js';

export interface PdfRouteOptions {
  deck: string;
  build: BuildOptions;
  find?: FindBrowserOptions;
  logger: Logger;
  /** The server's presenter token, known once it has started. */
  token: () => string | undefined;
  tokensMatch: (given: unknown, expected: string) => boolean;
  /** Requests that may wait for an export at once; more get 429 (default `MAX_WAITING_PDF_REQUESTS`). */
  maxWaiting?: number;
}

export interface PdfRoute {
  route: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  /** How many times a browser was launched (one, however many exports). */
  readonly launches: number;
  /** How many exports ran (merged and abandoned requests run none of their own). */
  readonly exports: number;
  /** Requests waiting for an export or being served. */
  readonly waiting: number;
  close(): Promise<void>;
}

/** Only the presenter asks for PDFs: a few requests waiting is normal, dozens is a stuck or hostile client. */
export const MAX_WAITING_PDF_REQUESTS = 8;

type Kind = 'slides' | 'handout';
const PATHS: Record<string, Kind> = { '/_deck/deck.pdf': 'slides', '/_deck/handout.pdf': 'handout' };

function text(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(body);
}

export function createPdfRoute(options: PdfRouteOptions): PdfRoute {
  let browser: Promise<Browser> | undefined;
  let launches = 0;
  let workDir: Promise<string> | undefined;

  const launch = async (): Promise<Browser> => {
    const { openBrowser } = await import('../browser/index.js');
    launches++;
    // The running browser at `find.url` (--browser-url), else one found and launched.
    const launched = await openBrowser({ find: options.find, logger: options.logger });
    launched.once('disconnected', () => (browser = undefined));
    return launched;
  };

  /** One export, read back whole: every merged request gets the same bytes, and the next export may replace the file. */
  const exportOne = async (kind: Kind): Promise<Buffer> => {
    const { exportPdf } = await import('../export/index.js');
    browser ??= launch();
    const running = await browser.catch((error: unknown) => {
      browser = undefined;
      throw error;
    });
    const outDir = join(await (workDir ??= makeOwnedTempDir('deck-serve-pdf-')), kind);
    const result = await exportPdf(options.deck, {
      ...options.build,
      outDir,
      browser: running,
      slides: kind === 'slides',
      handout: kind === 'handout' ? undefined : false,
      logger: options.logger,
    });
    return readFile(kind === 'slides' ? result.slides!.path : result.handout!.path);
  };

  const queue = createJobQueue<Kind, Buffer>({ run: exportOne, maxWaiting: options.maxWaiting ?? MAX_WAITING_PDF_REQUESTS });

  return {
    get launches() {
      return launches;
    },
    get exports() {
      return queue.runs;
    },
    get waiting() {
      return queue.waiting;
    },
    async route(req, res, url) {
      const kind = PATHS[url.pathname];
      if (!kind) return false;
      const token = options.token();
      if (req.method !== 'GET' || !token || !options.tokensMatch(url.searchParams.get('token'), token)) {
        text(res, 403, 'the presenter token is needed\n');
        return true;
      }
      // The response closing before it was sent means the client went away.
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableEnded) gone.abort();
      });
      const outcome = await queue.request(kind, gone.signal);
      switch (outcome.kind) {
        case 'done':
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': outcome.result.length, 'cache-control': 'no-store' });
          res.end(outcome.result);
          break;
        case 'failed': {
          const message = isDeckError(outcome.error) ? outcome.error.format() : (outcome.error as Error).message;
          options.logger.error(`PDF export: ${message}`);
          text(res, 500, `${message}\n`);
          break;
        }
        case 'full':
          text(res, 429, 'too many PDF requests are waiting; try again shortly\n', { 'retry-after': String(outcome.retryAfterSeconds) });
          break;
        case 'gone':
          options.logger.debug(`PDF export: a request for ${url.pathname} was abandoned before its export`);
          break;
        default: {
          const never: never = outcome;
          throw new Error(`unexpected outcome ${JSON.stringify(never)}`);
        }
      }
      return true;
    },
    async close() {
      await queue.idle();
      const running = await browser?.catch(() => undefined);
      if (running) {
        const { closeBrowser } = await import('../browser/index.js');
        await closeBrowser(running);
      }
      if (workDir) await rm(await workDir, { recursive: true, force: true });
    },
  };
}
