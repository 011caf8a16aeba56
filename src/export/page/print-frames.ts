/**
 * Code that runs inside the print page (installed with `page.evaluateOnNewDocument`, so self-contained): no
 * screen frames are drawn for a page that is only printed. Until reveal.js's print view takes over, the slides
 * are not laid out for the screen (they are laid out again, for print, a moment later), and until `pdf-ready`
 * an animation-frame callback runs as the next task instead of waiting for a frame to be drawn: the print view
 * waits for four frames, each a full style, layout and paint of every slide, and reads every size it needs
 * synchronously, so the waits add nothing to the pages (tests/export/print-frames.test.ts compares every box
 * on every page of the default deck). 200 slides, 10 alternating prints in one browser: Chromium's CPU up to
 * `page.pdf` 0.75x, the page load 0.62x (docs/speed.md).
 */

/** Keeps the slides out of the screen's layout until reveal.js's print view marks the document `reveal-print`. */
export const HIDDEN_UNTIL_PRINT = 'html:not(.reveal-print) .reveal .slides { display: none !important; }';

/**
 * Install both. A deck with web fonts (@font-face) keeps today's path from the moment the document is parsed:
 * its slides are laid out for the screen at once, so the fonts they use are asked for before the `load` event,
 * which waits for them, and reveal.js measures the print view in those fonts, not in a fallback (an unloaded
 * font is only fetched once some laid-out text needs it).
 */
export function skipScreenFrames(hiddenRule: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(hiddenRule);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const unhide = () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };

  const frame = window.requestAnimationFrame.bind(window);
  const cancelFrame = window.cancelAnimationFrame.bind(window);
  // Ids handed out by the stand-in are timers: cancelling one later (after pdf-ready) must clear that timer,
  // not a real frame request that happens to have the same number.
  const timers = new Set<number>();
  const nextTask = (callback: FrameRequestCallback): number => {
    const id = window.setTimeout(() => {
      timers.delete(id);
      callback(performance.now());
    }, 0);
    timers.add(id);
    return id;
  };
  window.requestAnimationFrame = nextTask;
  window.cancelAnimationFrame = (id: number) => {
    if (timers.delete(id)) window.clearTimeout(id);
    else cancelFrame(id);
  };
  const restoreFrames = () => {
    if (window.requestAnimationFrame === nextTask) window.requestAnimationFrame = frame;
  };
  document.addEventListener(
    'pdf-ready',
    () => {
      restoreFrames();
      unhide();
    },
    { once: true },
  );
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      if (document.fonts.size === 0) return;
      restoreFrames();
      unhide();
      // Lay the slides out now, as the screen frames did: this asks for the fonts their text uses.
      void document.documentElement.offsetHeight;
    },
    { once: true },
  );
}
