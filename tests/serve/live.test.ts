import type {} from '../../src/client/hook.js';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { withPage } from '../../src/browser/index.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { closeBrowser, startChromium } from '../helpers/chromium.js';
import { connect, copyFixture, portBelowEphemeral, rawGet, writeAndRebuild } from './helpers.js';

const TOKEN = 'live-test-token-9012';
let browser: Browser;
let server: ServerHandle;
let deck: ReturnType<typeof copyFixture>;
const logger = createMemoryLogger();

beforeAll(async () => {
  deck = copyFixture();
  writeFileSync(join(deck.dir, 'custom.css'), '@import url("layouts.css");\n.reveal h2 { color: rgb(1, 2, 3); }\n');
  [server, browser] = await Promise.all([
    startServer({ deck: deck.dir, port: 0, logger, token: TOKEN, flags: { theme: 'custom.css' } }),
    startChromium(),
  ]);
});

afterAll(async () => {
  if (browser) await closeBrowser(browser);
  await server?.close();
  deck?.remove();
});

const edit = (file: string, change: (text: string) => string) => {
  const path = join(deck.dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};

async function openDeck(page: Page, query = ''): Promise<void> {
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${server.url}${query}`);
  // Timer polling, not the default animation frames: with two pages opening side by side, the one not in front runs
  // no animation frames and would wait forever.
  await page.waitForFunction(
    () => window.Reveal?.isReady() && (window as any).deckServe?.connected && (window as any).deckServe.build > 0,
    { polling: 100 },
  );
}

const indices = (page: Page) => page.evaluate(() => JSON.stringify(window.Reveal.getIndices()));
const currentText = (page: Page) => page.evaluate(() => window.Reveal.getCurrentSlide()?.textContent ?? '');

describe('live reload in Chromium', () => {
  it('serves audience pages without notes; the presenter’s deck gets them back for the speaker view (S)', async () => {
    const html = (await rawGet(server.port, '/')).body;
    expect(html).not.toMatch(/Opening notes|Notes for the steps|class="notes"|data-notes/);
    expect((await rawGet(server.port, '/_deck/notes.json')).status).toBe(403);
    expect((await rawGet(server.port, `/_deck/notes.json?token=${TOKEN}x`)).status).toBe(403);
    // The audience page and the presenter's deck, side by side.
    await Promise.all([
      withPage(browser, async (page) => {
        await openDeck(page);
        expect(await page.evaluate(() => document.querySelectorAll('aside.notes').length)).toBe(0);
      }),
      withPage(browser, async (page) => {
        await openDeck(page, `?token=${TOKEN}`);
        await page.waitForFunction(() => document.querySelectorAll('aside.notes').length === 3);
        const plugin = await page.evaluate(() => ({
          registered: typeof (window as any).RevealNotes === 'function',
          active: window.Reveal.hasPlugin('notes'),
          text: document.querySelector('aside.notes')?.textContent,
        }));
        expect(plugin).toEqual({ registered: true, active: true, text: 'Opening notes.' });
      }),
    ]);
  });

  it('shows an edited slide on the same slide, in place or after a full reload', async () => {
    await withPage(browser, async (page) => {
      await openDeck(page);
      await page.evaluate(() => {
        window.Reveal.slide(2, 1);
        (window as any).marker = 'kept';
      });
      const before = await indices(page);
      edit('01-body.md', (t) => t.replace('Below text.', 'Below text, edited on disk.'));
      await page.waitForFunction(() => window.Reveal.getCurrentSlide()?.textContent?.includes('edited on disk'), { polling: 'mutation' });
      expect(await indices(page)).toBe(before);
      expect(await page.evaluate(() => (window as any).marker)).toBe('kept'); // swapped in place
      // A change to the page's head (the title) needs a full reload: still on the same slide after it.
      await page.evaluate(() => window.Reveal.slide(1, 0, 0));
      const onFragment = await indices(page);
      edit('00-intro.md', (t) => t.replace('title: Serve fixture', 'title: Serve fixture renamed'));
      await page.waitForFunction(() => document.title === 'Serve fixture renamed' && window.Reveal?.isReady(), { polling: 200 });
      await page.waitForFunction((want) => JSON.stringify(window.Reveal.getIndices()) === want, {}, onFragment);
      expect(await page.evaluate(() => (window as any).marker)).toBeUndefined();
      expect(await currentText(page)).toContain('Steps');
    });
  });

  it('keeps a hidden slide (data-visibility="hidden") out of the page when an edit is swapped in place', async () => {
    const body = join(deck.dir, '01-body.md');
    const original = readFileSync(body, 'utf8');
    await writeAndRebuild(server, body, `${original}\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n## Backup\n\nOnly if asked.\n`);
    try {
      await withPage(browser, async (page) => {
        await openDeck(page);
        await page.evaluate(() => {
          window.Reveal.slide(2, 0);
          (window as any).marker = 'kept';
        });
        const slides = () =>
          page.evaluate(() => ({
            total: window.Reveal.getTotalSlides(),
            hidden: document.querySelectorAll('.reveal .slides section[data-visibility="hidden"]').length,
          }));
        const before = await slides();
        expect(before.hidden).toBe(0);
        edit('01-body.md', (t) => t.replace('Original body text.', 'Original body text, edited.'));
        await page.waitForFunction(() => window.Reveal.getCurrentSlide()?.textContent?.includes('edited'), { polling: 'mutation' });
        expect(await page.evaluate(() => (window as any).marker)).toBe('kept'); // swapped in place
        expect(await slides()).toEqual(before);
      });
    } finally {
      await writeAndRebuild(server, body, original);
    }
  });

  it('loads the highlight plugin only once the deck has code: the edit adding the first code block reloads the page, and the code is coloured', async () => {
    await withPage(browser, async (page) => {
      const scripts: string[] = [];
      page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
      await openDeck(page);
      expect(await page.evaluate(() => typeof (window as any).RevealHighlight)).toBe('undefined');
      expect(scripts.filter((path) => path.includes('highlight'))).toEqual([]);
      await page.evaluate(() => ((window as any).marker = 'kept'));
      const body = readFileSync(join(deck.dir, '01-body.md'), 'utf8');
      edit('01-body.md', (t) => t.replace('Thanks.', 'Thanks.\n\n```js\nconst answer = 42;\n```'));
      await page.waitForFunction(() => window.Reveal?.isReady() && document.querySelector('code.hljs .hljs-keyword') !== null, {
        polling: 200,
      });
      // A full reload: the page's head now links the plugin and its stylesheet.
      expect(await page.evaluate(() => (window as any).marker)).toBeUndefined();
      expect(await page.evaluate(() => window.Reveal.hasPlugin('highlight'))).toBe(true);
      expect(scripts).toContain('/assets/reveal/plugin/highlight.js');
      // The deck as the next tests know it (slides with code are never swapped in place): back without code.
      writeFileSync(join(deck.dir, '01-body.md'), body);
      await page.waitForFunction(() => window.Reveal?.isReady() && !document.querySelector('pre') && !(window as any).RevealHighlight, {
        polling: 200,
      });
      await server.idle();
    });
  });

  it('swaps an edited theme stylesheet without reloading', async () => {
    await withPage(browser, async (page) => {
      await openDeck(page);
      await page.evaluate(() => ((window as any).marker = 'kept'));
      const color = () => page.evaluate(() => getComputedStyle(document.querySelector('.reveal h2')!).color);
      expect(await color()).toBe('rgb(1, 2, 3)');
      writeFileSync(join(deck.dir, 'custom.css'), '@import url("layouts.css");\n.reveal h2 { color: rgb(4, 5, 6); }\n');
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.reveal h2')!).color === 'rgb(4, 5, 6)', { polling: 100 });
      expect(await page.evaluate(() => (window as any).marker)).toBe('kept');
      expect(logger.lines.some((l) => l.message.includes('updated assets/theme/custom-custom.css'))).toBe(true);
    });
  });

  it('keeps a build error off the audience page: the presenter’s deck and the presenter view show it, and both clear when fixed', async () => {
    await withPage(browser, async (audience) => {
      await openDeck(audience);
      await audience.evaluate(() => window.Reveal.slide(2, 0));
      await withPage(browser, async (presenterDeck) => {
        await withPage(browser, async (view) => {
          // The presenter's deck and the presenter view load side by side.
          const openView = async () => {
            await view.setViewport({ width: 1280, height: 800 });
            await view.goto(server.presenterUrl);
            await view.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('presenting'));
          };
          await Promise.all([openDeck(presenterDeck, `?token=${TOKEN}`), openView()]);
          const good = readFileSync(join(deck.dir, '00-intro.md'), 'utf8');
          writeFileSync(join(deck.dir, '00-intro.md'), good.replace('lang: en', 'lang: [en, "unclosed'));
          // A background tab runs no animation frames: wait on DOM mutations, not on rAF polling.
          await presenterDeck.waitForFunction(() => document.getElementById('deck-serve-error'), { polling: 'mutation' });
          const text = await presenterDeck.$eval('#deck-serve-error', (el) => (el as HTMLElement).textContent);
          expect(text).toMatch(/00-intro\.md:\d+/);
          expect(text).toMatch(/Build failed/);
          await view.waitForFunction(() => !document.getElementById('error')!.hidden, { polling: 100 });
          expect(await view.$eval('#error', (el) => el.textContent)).toContain('00-intro.md');
          expect(logger.lines.some((l) => l.level === 'error' && l.message.includes('00-intro.md'))).toBe(true);
          // The audience page: no overlay, no error text anywhere in its DOM, and the old deck still there.
          await server.idle();
          const audienceDom = await audience.evaluate(() => document.documentElement.outerHTML);
          expect(audienceDom).not.toMatch(/Build failed|00-intro\.md|unclosed/);
          expect(await currentText(audience)).toContain('Original body text.');
          expect((await rawGet(server.port, '/')).body).toContain('Original body text.');
          const buildBefore = await audience.evaluate(() => window.deckServe!.build);
          writeFileSync(join(deck.dir, '00-intro.md'), good.replace('# Serve fixture', '# Serve fixture, fixed'));
          await presenterDeck.waitForFunction(() => !document.getElementById('deck-serve-error'), { polling: 'mutation' });
          await view.waitForFunction(() => document.getElementById('error')!.hidden, { polling: 100 });
          // Fixed: the audience gets the new build, on the same slide. (The page counts the build when it is
          // announced and swaps the slides once it has fetched them: wait for the new text, not the number.)
          await audience.waitForFunction(
            () => window.Reveal?.isReady() && document.querySelector('.slides section')?.textContent?.includes('fixed'),
            { polling: 100 },
          );
          expect(await audience.evaluate(() => window.deckServe!.build)).toBeGreaterThan(buildBefore);
          await audience.waitForFunction(() => window.Reveal.getIndices().h === 2, { polling: 100 });
          await writeAndRebuild(server, join(deck.dir, '00-intro.md'), good);
        });
      });
    });
  });

  it('drives audience pages from the presenter page and from the presenter’s deck', async () => {
    await withPage(browser, async (audience) => {
      const audienceOpened = openDeck(audience);
      // A rejection is the test's once awaited below, not an unhandled one meanwhile.
      audienceOpened.catch(() => {});
      await withPage(browser, async (presenter) => {
        const openPresenter = async () => {
          await presenter.setViewport({ width: 1400, height: 850 });
          await presenter.goto(`${server.presenterUrl}`);
          await presenter.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('presenting'));
          await presenter.waitForFunction(() => document.getElementById('position')?.textContent === '1 / 5');
        };
        await Promise.all([audienceOpened, openPresenter()]);
        await presenter.click('#next');
        await presenter.click('#next');
        await audience.bringToFront();
        await audience.waitForFunction(
          () => {
            const i = window.Reveal.getIndices();
            return i.h === 1 && i.f === 0;
          },
          { polling: 50 },
        );
        expect(await presenter.$eval('#notes', (el) => el.textContent)).toContain('Notes for the steps.');
        expect(await presenter.$eval('#position', (el) => el.textContent)).toBe('2 / 5 · step 2 / 3');
      });
      await withPage(browser, async (deckPage) => {
        await openDeck(deckPage, `?token=${TOKEN}`);
        expect(await deckPage.evaluate(() => (window as any).deckServe.presenter)).toBe(true);
        await deckPage.evaluate(() => window.Reveal.slide(3, 0));
        await audience.bringToFront();
        await audience.waitForFunction(() => window.Reveal.getIndices().h === 3, { polling: 50 });
      });
      // Without the token, moving around moves nobody else.
      await withPage(browser, async (other) => {
        await openDeck(other, '?token=not-the-token');
        expect(await other.evaluate(() => (window as any).deckServe.presenter)).toBe(false);
        await other.evaluate(() => window.Reveal.slide(0, 0));
        await audience.bringToFront();
        await audience.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        expect(await audience.evaluate(() => window.Reveal.getIndices().h)).toBe(3);
      });
    });
  });

  it('an edit to a slide’s planned time or notes reaches the presenter’s pages and nothing of it the audience', async () => {
    const body = join(deck.dir, '01-body.md');
    const original = readFileSync(body, 'utf8');
    await server.idle();
    const audienceSocket = await connect(server.port, { role: 'audience' });
    try {
      await withPage(browser, async (presenter) => {
        await withPage(browser, async (deckPage) => {
          await presenter.setViewport({ width: 1400, height: 850 });
          await presenter.goto(server.presenterUrl);
          await openDeck(deckPage, `?token=${TOKEN}`);
          await presenter.waitForFunction(() => document.getElementById('status')?.textContent?.startsWith('presenting'));
          // The presenter view on "Body first" (slide 3), where the edits are.
          await presenter.evaluate(() => window.deckServe!.driver!.move({ slide: 3 }));
          await presenter.waitForFunction(() => window.deckServe!.driver!.view.title === 'Body first', { polling: 50 });
          const plan = () => presenter.evaluate(() => window.deckServe!.driver!.view.plan);
          const before = (await plan())!;
          const page = (await rawGet(server.port, '/')).body;
          // Both edits leave the audience's page as it was: the plan and the notes are not in it.
          edit('01-body.md', (t) => t.replace('## Body first', '<!-- .slide: data-timing="300" -->\n## Body first'));
          await presenter.waitForFunction(
            () => {
              const now = window.deckServe!.driver!.view.plan;
              return now !== null && now.end - now.start === 300;
            },
            { polling: 50 },
          );
          expect(await plan()).toEqual({ ...before, end: before.start + 300, total: before.total - (before.end - before.start) + 300 });
          expect(await presenter.$eval('#slide-time', (el) => el.textContent)).toMatch(/ \/ 5:00$/);
          edit('01-body.md', (t) => t.replace('Body notes.', 'Body notes, edited.'));
          await presenter.waitForFunction(() => document.getElementById('notes')?.textContent?.includes('Body notes, edited.'), {
            polling: 50,
          });
          // The presenter's deck puts the edited notes back into its slide, for the speaker view (S).
          await deckPage.waitForFunction(
            () => document.getElementById('slide-3-1')?.querySelector('aside.notes')?.textContent?.trim() === 'Body notes, edited.',
            { polling: 50 },
          );
          const after = (await rawGet(server.port, '/')).body;
          expect(after).toBe(page);
          expect(after).not.toMatch(/data-timing|totalTime|Body notes/);
          // The audience's socket was told nothing of either edit (only where the talk is).
          expect(audienceSocket.messages.map((m) => m.type)).toEqual(['welcome', 'state']);
          expect(JSON.stringify(audienceSocket.messages)).not.toMatch(/timing|pacing|notes/i);
        });
      });
    } finally {
      audienceSocket.ws.terminate();
      writeFileSync(body, original);
      await server.idle();
    }
  });

  it('the presenter’s deck keeps its notes for the speaker view (S) when an edit is swapped in place', async () => {
    const body = join(deck.dir, '01-body.md');
    const original = readFileSync(body, 'utf8');
    try {
      await server.idle();
      await withPage(browser, async (page) => {
        await openDeck(page, `?token=${TOKEN}`);
        await page.waitForFunction(() => document.querySelectorAll('aside.notes').length === 3, { polling: 50 });
        await page.evaluate(() => {
          (window as any).marker = 'kept';
        });
        edit('01-body.md', (t) => t.replace('Original body text.', 'Original body text, swapped in.'));
        await page.waitForFunction(() => document.querySelector('.reveal .slides')!.textContent!.includes('swapped in'), {
          polling: 50,
        });
        expect(await page.evaluate(() => (window as any).marker)).toBe('kept'); // swapped in place, not reloaded
        await page.waitForFunction(() => document.querySelectorAll('aside.notes').length === 3, { polling: 50, timeout: 10_000 });
        expect(await page.evaluate(() => document.getElementById('slide-3-1')?.querySelector('aside.notes')?.textContent?.trim())).toBe(
          'Body notes.',
        );
      });
    } finally {
      writeFileSync(body, original);
      await server.idle();
    }
  });

  it('the deck digest every page is told is the audience page’s: an edit of only a note leaves it as it was', async () => {
    const body = join(deck.dir, '01-body.md');
    const original = readFileSync(body, 'utf8');
    try {
      await server.idle();
      edit('01-body.md', (t) => t.replace('Body notes.', 'Body notes, edited again.'));
      const notes = async () => (await rawGet(server.port, `/_deck/notes.json?token=${TOKEN}`)).body;
      await vi.waitFor(async () => expect(await notes()).toContain('Body notes, edited again.'), { timeout: 20_000, interval: 50 });
      await server.idle();
      const audience = await connect(server.port, { role: 'audience' });
      audience.ws.terminate();
      const page = (await rawGet(server.port, '/')).body;
      // A hash of the page the audience has, and of nothing else: an audience page reconnecting after an edit of
      // only a note would reload for a changed digest (and could tell that a note changed).
      expect(String(audience.messages[0]!.deck)).toBe(createHash('sha256').update(page).digest('hex').slice(0, 16));
    } finally {
      writeFileSync(body, original);
      await server.idle();
    }
  });

  it('after a restart, an open page stays on its slide, and shows the edit made while the server was stopped', async () => {
    // A server started after the earlier tests' last edits, so the page opens on the files as they are on disk: the
    // first server's watcher may still owe a rebuild for the last one (under load), and the restart would show it.
    // Its port is below the ephemeral range, so nothing else takes it while the server is stopped.
    await server.close();
    server = await startServer({ deck: deck.dir, port: await portBelowEphemeral(), logger, token: TOKEN, flags: { theme: 'custom.css' } });
    await withPage(browser, async (page) => {
      await openDeck(page);
      await page.evaluate(() => {
        window.Reveal.slide(2, 0);
        (window as any).marker = 'kept';
      });
      const restart = async () => {
        const port = server.port;
        await server.close();
        await page.waitForFunction(() => !(window as any).deckServe.connected, { polling: 50 });
        return port;
      };
      let port = await restart();
      server = await startServer({ deck: deck.dir, port, logger, token: TOKEN, flags: { theme: 'custom.css' } });
      expect(server.port).toBe(port);
      await page.waitForFunction(() => (window as any).deckServe.connected, { polling: 50 });
      // The same deck: the page stays on its slide. (It is meant not to reload at all, and in most runs does not,
      // but a full run reloaded it now and then for a reason not found yet; a reload comes back to the same slide.)
      await page.waitForFunction(() => window.Reveal?.isReady() && window.Reveal.getIndices().h === 2, { polling: 50 });

      port = await restart();
      edit('01-body.md', (t) => t.replace('Original body text.', 'Original body text, fixed while stopped.'));
      server = await startServer({ deck: deck.dir, port, logger, token: TOKEN, flags: { theme: 'custom.css' } });
      expect(server.port).toBe(port);
      await page.waitForFunction(
        () => window.Reveal?.isReady() && document.querySelector('.reveal .slides')!.textContent!.includes('fixed while stopped'),
        { polling: 100 },
      );
      expect(await page.evaluate(() => (window as any).marker)).toBeUndefined(); // a new page
      expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(2);
    });
  });
});

declare global {
  interface Window {
    Reveal: any;
  }
}
