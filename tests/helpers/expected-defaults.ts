/**
 * The settings a deck with none of its own gets, written out here rather than read from src/config/defaults.ts,
 * so that a changed default fails the tests that use this (tests/config/resolve.test.ts, tests/cli/config.test.ts).
 */
export const EXPECTED_DEFAULTS = {
  title: 'Untitled deck',
  keywords: [],
  lang: 'zh-Hant',
  theme: 'gpt',
  width: 1280,
  height: 720,
  margin: 0.04,
  separator: '\\r?\\n---\\r?\\n',
  verticalSeparator: '\\r?\\n----\\r?\\n',
  notesSeparator: '^\\s*notes?:',
  transition: 'slide',
  controls: true,
  progress: true,
  slideNumber: 'c/t',
  hash: true,
  center: false,
  highlightTheme: 'monokai',
  math: false,
  css: [],
  scripts: [],
  revealOptions: {},
  incremental: false,
  fit: false,
  timing: { cjkCharsPerMinute: 250, wordsPerMinute: 140, minSeconds: 15, secondsPerStep: 2, secondsPerVisual: 8 },
  pdf: { fragments: false, handout: 'notes', paper: 'A4', timeout: 60_000, strict: true },
} as const;

/** The reveal.js options among them, as the built deck's page passes them to Reveal.initialize. */
export const EXPECTED_REVEAL_DEFAULTS = {
  transition: EXPECTED_DEFAULTS.transition,
  controls: EXPECTED_DEFAULTS.controls,
  progress: EXPECTED_DEFAULTS.progress,
  slideNumber: EXPECTED_DEFAULTS.slideNumber,
  hash: EXPECTED_DEFAULTS.hash,
  center: EXPECTED_DEFAULTS.center,
  margin: EXPECTED_DEFAULTS.margin,
  width: EXPECTED_DEFAULTS.width,
  height: EXPECTED_DEFAULTS.height,
};
