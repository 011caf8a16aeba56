/**
 * Settings other presentation tools define, so a deck moved from one of them is understood: reveal.js options
 * written at the top level (Pandoc and vscode-reveal do) are passed on to Reveal.initialize; keys of other tools
 * this one does not support are named in a warning instead of failing the build.
 */

/** Reveal.initialize options (reveal.js 5/6 config) not already deck settings: passed through as revealOptions. */
export const REVEAL_OPTION_KEYS = new Set([
  'autoAnimate',
  'autoAnimateDuration',
  'autoAnimateEasing',
  'autoAnimateUnmatched',
  'autoPlayMedia',
  'autoSlide',
  'autoSlideMethod',
  'autoSlideStoppable',
  'backgroundTransition',
  'controlsBackArrows',
  'controlsLayout',
  'controlsTutorial',
  'defaultTiming',
  'disableLayout',
  'display',
  'embedded',
  'focusBodyOnPageVisibilityChange',
  'fragmentInURL',
  'fragments',
  'hashOneBasedIndex',
  'help',
  'hideAddressBar',
  'hideCursorTime',
  'hideInactiveCursor',
  'history',
  'jumpToSlide',
  'keyboard',
  'keyboardCondition',
  'loop',
  'maxScale',
  'minScale',
  'mobileViewDistance',
  'mouseWheel',
  'navigationMode',
  'overview',
  'parallaxBackgroundHorizontal',
  'parallaxBackgroundImage',
  'parallaxBackgroundSize',
  'parallaxBackgroundVertical',
  'pause',
  'preloadIframes',
  'previewLinks',
  'respondToHashChanges',
  'rtl',
  'scrollActivationWidth',
  'scrollLayout',
  'scrollProgress',
  'scrollSnap',
  'showHiddenSlides',
  'showNotes',
  'showSlideNumber',
  'shuffle',
  'sortFragmentsOnSync',
  'touch',
  'transitionSpeed',
  'view',
  'viewDistance',
]);

const TOOL_KEYS: Record<string, readonly string[]> = {
  'reveal-md': [
    'absoluteUrls',
    'assetsDir',
    'disableAutoOpen',
    'glob',
    'host',
    'listingTemplate',
    'port',
    'preprocessor',
    'print',
    'printSize',
    'puppeteerChromiumExecutable',
    'puppeteerLaunchArgs',
    'static',
    'staticDirs',
    'template',
    'watch',
  ],
  Pandoc: [
    'bibliography',
    'csl',
    'embed-resources',
    'header-includes',
    'highlight-style',
    'include-after',
    'include-before',
    'institute',
    'link-citations',
    'output',
    'revealjs-url',
    'self-contained',
    'title-slide-attributes',
    'toc',
    'toc-depth',
    'toc-title',
  ],
  'vscode-reveal': [
    'customTheme',
    'enableChalkboard',
    'enableMenu',
    'enableSearch',
    'enableTitleFooter',
    'enableZoom',
    'logoImg',
    'titleFooter',
  ],
  Marp: ['backgroundColor', 'backgroundImage', 'class', 'color', 'footer', 'header', 'headingDivider', 'marp', 'paginate', 'size', 'style'],
  Slidev: [
    'aspectRatio',
    'canvasWidth',
    'colorSchema',
    'download',
    'drawings',
    'exportFilename',
    'favicon',
    'fonts',
    'highlighter',
    'info',
    'lineNumbers',
    'mdc',
    'routerMode',
    'themeConfig',
    'titleTemplate',
  ],
  Quarto: ['editor', 'engine', 'execute', 'filters', 'format', 'jupyter', 'knitr'],
};

/**
 * Marp's directives this tool reads in a deck written for Marp (src/content/marp-directives.ts), in its front matter
 * or in `<!-- key: value -->` comments: global ones (the last one written holds for the deck) and local ones (a
 * slide and those after it; with `_`, that slide only). In such a deck's front matter they are no setting's typo
 * and no unsupported key; in a config file they are not read (Marp has no such file), and a warning says so.
 */
export const MARP_GLOBAL_DIRECTIVES: ReadonlySet<string> = new Set([
  'author',
  'description',
  'headingDivider',
  'keywords',
  'lang',
  'marp',
  'math',
  'size',
  'style',
  'theme',
  'title',
  'url',
]);
export const MARP_LOCAL_DIRECTIVES: ReadonlySet<string> = new Set([
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'class',
  'color',
  'footer',
  'header',
  'paginate',
]);
/** Directives Marp (Marp Core, Marp CLI) defines that this tool does not read: named in a warning. */
export const MARP_UNREAD_DIRECTIVES: ReadonlySet<string> = new Set(['image', 'transition']);

/** A Marp directive this tool reads (see MARP_GLOBAL_DIRECTIVES), with or without the spot prefix `_`. */
export function isMarpDirective(key: string): boolean {
  const name = key.startsWith('_') ? key.slice(1) : key;
  return MARP_LOCAL_DIRECTIVES.has(name) || (name === key && MARP_GLOBAL_DIRECTIVES.has(name));
}

/**
 * Themes of other tools, by the name a deck gives: Marp's built-ins and Slidev's (its official themes, any
 * `slidev-theme-*` package, or a folder such as `./`). None is a theme here; the deck gets this tool's default.
 */
const TOOL_THEMES: Record<string, string> = {
  default: 'Marp and Slidev',
  gaia: 'Marp',
  uncover: 'Marp',
  seriph: 'Slidev',
  'apple-basic': 'Slidev',
  bricks: 'Slidev',
  shibainu: 'Slidev',
};

/** The tool a theme name is of (`gaia`: Marp, `seriph` or `slidev-theme-foo`: Slidev), or undefined. */
export function foreignThemeOf(name: string, slidevDeck = false): string | undefined {
  if (TOOL_THEMES[name]) return TOOL_THEMES[name];
  if (/(^|\/)slidev-theme-|^@slidev\/theme-/.test(name)) return 'Slidev';
  return slidevDeck && !name.endsWith('.css') && (name.startsWith('.') || name.startsWith('/')) ? 'Slidev' : undefined;
}

/** Slidev's slide transitions that reveal.js has under another name. */
export const SLIDEV_TRANSITIONS: Record<string, string> = {
  'fade-out': 'fade',
  'slide-left': 'slide',
  'slide-right': 'slide',
  'slide-up': 'slide',
  'slide-down': 'slide',
};

/** Slidev's built-in layouts that this tool has no layout of the same name for (packages/client/layouts). */
const SLIDEV_ONLY_LAYOUTS = new Set([
  'center',
  'cover',
  'end',
  'fact',
  'full',
  'iframe',
  'iframe-left',
  'iframe-right',
  'image-left',
  'image-right',
  'intro',
  'none',
  'two-cols',
  'two-cols-header',
]);

/**
 * Whether a deck's front matter is Slidev's: a key only Slidev defines, or a value only Slidev gives a shared key
 * (`transition: slide-left`, `layout: intro`), as in a Slidev deck whose headmatter has only `theme`, `title`,
 * `transition` and `layout`.
 */
export function isSlidevFrontMatter(values: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(values).some(
    ([key, value]) =>
      foreignToolOf(key) === 'Slidev' ||
      (key === 'transition' && typeof value === 'string' && SLIDEV_TRANSITIONS[value] !== undefined) ||
      (key === 'layout' && typeof value === 'string' && SLIDEV_ONLY_LAYOUTS.has(value)),
  );
}

/** The tool that defines a key this one does not support, or undefined. */
export function foreignToolOf(key: string): string | undefined {
  for (const [tool, keys] of Object.entries(TOOL_KEYS)) if (keys.includes(key)) return tool;
  return undefined;
}

/** Edit distance (Levenshtein), for "did you mean". */
/** Edits from a to b, case ignored; swapping two neighbours ("widht") is one edit, as typos go. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const row = rows[i]!;
      row[j] = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) row[j] = Math.min(row[j]!, rows[i - 2]![j - 2]! + 1);
    }
  }
  return rows[x.length]![y.length]!;
}

/** The closest of `known` to `key`, if it is close enough to be a typo. */
export function didYouMean(key: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(key.length / 4)) ? best : undefined;
}
