// One image of every slide of a built deck, in order, numbered (the README's picture of the talk):
//   node scripts/contact-sheet.mjs dist/index.html OUT.png [columns] [slide width]
// Each slide is a screenshot at 1280×720 (fragments shown), scaled into a grid. DECK_BROWSER_URL set: drawn in
// that running Chromium instead of a launched one, as `deck` does.
import { resolve } from 'node:path';
import { scriptBrowser } from './script-browser.mjs';

const [file = 'dist/index.html', out = 'contact-sheet.png', columnsArg = '4', widthArg = '320'] = process.argv.slice(2);
const columns = Number(columnsArg);
const thumbWidth = Number(widthArg);
const browser = await scriptBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`file://${resolve(file)}`);
  await page.waitForFunction(() => window.Reveal?.isReady());
  await page.evaluate(() => Reveal.configure({ transition: 'none', fragments: false, controls: false, progress: false }));
  const indices = await page.evaluate(() => Reveal.getSlides().map((s) => Reveal.getIndices(s)));
  const shots = [];
  for (const { h, v } of indices) {
    await page.evaluate((h, v) => Reveal.slide(h, v), h, v ?? 0);
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    shots.push(await page.screenshot({ encoding: 'base64', type: 'png' }));
  }
  const gap = 16;
  const sheet = await browser.newPage();
  const sheetWidth = columns * thumbWidth + (columns + 1) * gap;
  await sheet.setViewport({ width: sheetWidth, height: 400 });
  const cells = shots
    .map((shot, i) => `<figure><img src="data:image/png;base64,${shot}"><figcaption>${i + 1}</figcaption></figure>`)
    .join('');
  await sheet.setContent(
    `<style>body{margin:0;padding:${gap}px;background:#5b6570;display:grid;gap:${gap}px;` +
      `grid-template-columns:repeat(${columns},${thumbWidth}px);font:600 14px sans-serif;color:#fff}` +
      'figure{margin:0;position:relative}img{display:block;width:100%;box-shadow:0 1px 4px rgba(0,0,0,.4)}' +
      'figcaption{position:absolute;right:6px;bottom:6px;background:rgba(0,0,0,.6);padding:1px 6px;border-radius:4px}</style>' +
      cells,
  );
  await sheet.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await sheet.screenshot({ path: out, fullPage: true });
  console.log(`${shots.length} slides → ${out}`);
} finally {
  await browser.close();
}
