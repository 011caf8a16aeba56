/**
 * `fit`: a slide whose content overflows is scaled down until it fits (CSS zoom on its content, so text reflows
 * at the smaller size), the same live and in the PDF, but never below FIT_FLOOR: a slide that would need more
 * stays as it is and the export names what is cut off. A slide opts in with `data-fit` (or out with
 * `data-fit="false"`); `fit: true` in the settings applies it to every slide.
 */

/** Below half size text is no longer readable from the back of a room: then the author has to cut. */
export const FIT_FLOOR = 0.5;

export interface FitOptions {
  width: number;
  height: number;
  floor: number;
  /** Fit every slide (config `fit: true`), not only those with data-fit. */
  all: boolean;
  /** Which slides to fit (default: every slide of the deck). */
  selector?: string;
}

/**
 * Runs in the page (passed to `page.evaluate` and inlined into the deck), so it is self-contained. Returns the
 * ids of the slides it scaled, with the scale.
 */
export function fitSlides(options: FitOptions): Record<string, number> {
  const scaled: Record<string, number> = {};
  const sections = Array.from(document.querySelectorAll<HTMLElement>(options.selector ?? '.reveal .slides section:not(.stack)'));
  for (const section of sections) {
    const wanted = section.getAttribute('data-fit');
    if (wanted === 'false' || (wanted === null && !options.all)) continue;
    const children = Array.from(section.children).filter(
      // A Marp header and footer stay in the slide's margins at their size.
      (child): child is HTMLElement => child instanceof HTMLElement && !child.matches('aside.notes, .slide-header, .slide-footer'),
    );
    for (const child of children) child.style.removeProperty('zoom');
    // reveal.js scrolls a long code block inside a box of limited height, where no zoom could bring its hidden
    // lines or its long lines into view: on a fitted slide the block is shown whole, and the zoom fits it.
    for (const code of Array.from(section.querySelectorAll<HTMLElement>('pre > code'))) {
      code.style.setProperty('max-height', 'none', 'important');
      code.style.setProperty('overflow', 'visible', 'important');
      // Its background then spans its longest line, not only the slide's width.
      code.style.setProperty('box-sizing', 'border-box');
      code.style.setProperty('min-width', '100%');
      code.style.setProperty('width', 'max-content');
    }
    let scale = 1;
    // Zoom reflows the text, so the needed scale is found in a few steps rather than in one.
    for (let step = 0; step < 4; step++) {
      const needed = Math.min(1, options.height / Math.max(section.scrollHeight, 1), options.width / Math.max(section.scrollWidth, 1));
      if (needed >= 0.995) break;
      scale = Math.max(options.floor, scale * needed * 0.99);
      for (const child of children) child.style.setProperty('zoom', String(scale));
      if (scale === options.floor) break;
    }
    if (scale < 1) {
      section.setAttribute('data-fit-scale', scale.toFixed(2));
      scaled[section.id] = scale;
    } else section.removeAttribute('data-fit-scale');
  }
  return scaled;
}

/** The script the deck carries when a slide uses fit: it fits each slide as it is shown. */
export function fitScript(options: Omit<FitOptions, 'selector'>): string {
  return `<script>(function () {
  var fit = ${fitSlides.toString()};
  var options = ${JSON.stringify(options)};
  function run() {
    var slide = Reveal.getCurrentSlide();
    if (slide && slide.id) fit(Object.assign({ selector: '#' + CSS.escape(slide.id) }, options));
  }
  function start() { document.fonts.ready.then(run); }
  if (Reveal.isReady()) start(); else Reveal.on('ready', start);
  Reveal.on('slidechanged', run);
})();</script>
`;
}
