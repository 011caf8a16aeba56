import { pathToFileURL } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';

/**
 * Block every request that leaves the deck's own files: anything but file:// URLs inside the output folder
 * (and data:/blob:/about: URLs, which never leave the page). A remote font or script then cannot hang the
 * export or leak that it ran; each blocked URL is recorded for the export report. A URL in `stubs` is answered
 * with its source instead of the file (src/export/idle-plugins.ts).
 */
export interface StubOptions {
  /** Script URL → the source that answers it. */
  stubs?: ReadonlyMap<string, string>;
  /** Told of each URL answered from `stubs`. */
  onStub?: (url: string) => void;
  /** Stop handling the page's requests (a page kept for the next deck gets that deck's handler). */
  signal?: AbortSignal;
}

export async function blockForeignRequests(page: Page, outDir: string, options: StubOptions = {}): Promise<string[]> {
  const blocked: string[] = [];
  const base = pathToFileURL(outDir).href.replace(/\/?$/, '/');
  const allowed = (url: string) => url.startsWith(base) || /^(data|blob|about):/.test(url);
  await page.setRequestInterception(true);
  // continue()/abort() reject only when the page is already gone; that failure surfaces where the page is used.
  const handle = (request: HTTPRequest) => {
    const url = request.url();
    const stub = options.stubs?.get(url);
    if (stub !== undefined) {
      options.onStub?.(url);
      void request.respond({ status: 200, contentType: 'text/javascript', body: stub }).catch(() => {});
    } else if (allowed(url)) {
      void request.continue().catch(() => {});
    } else {
      if (!blocked.includes(url)) blocked.push(url);
      void request.abort('blockedbyclient').catch(() => {});
    }
  };
  page.on('request', handle);
  options.signal?.addEventListener('abort', () => page.off('request', handle), { once: true });
  return blocked;
}
