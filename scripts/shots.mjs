// Screenshot every slide of a built deck: node scripts/shots.mjs dist/index.html OUTDIR [theme]
// DECK_BROWSER_URL set: drawn in that running Chromium instead of a launched one, as `deck` does.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { scriptBrowser } from './script-browser.mjs';
const [file = 'dist/index.html', out = '/tmp/shots'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await scriptBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(`file://${resolve(file)}`);
  await page.waitForFunction(() => window.Reveal?.isReady());
  const total = await page.evaluate(() => {
    Reveal.configure({ transition: 'none', fragments: false });
    return Reveal.getTotalSlides();
  });
  const slides = await page.evaluate(() => Reveal.getSlides().map((s) => Reveal.getIndices(s)));
  for (const [i, { h, v }] of slides.entries()) {
    await page.evaluate((h, v) => Reveal.slide(h, v), h, v ?? 0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${out}/${String(i + 1).padStart(2, '0')}.png` });
  }
  console.log('slides', total);
} finally {
  await browser.close();
}
