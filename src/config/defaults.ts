import type { DeckConfig } from './schema.js';

/**
 * Separators follow reveal.js's markdown plugin: `---` alone on a line splits horizontal slides, `----` vertical
 * ones, and a line starting `Note:` (or `Notes:`) starts the speaker notes.
 */
export const DEFAULT_SEPARATOR = '\\r?\\n---\\r?\\n';
export const DEFAULT_VERTICAL_SEPARATOR = '\\r?\\n----\\r?\\n';
export const DEFAULT_NOTES_SEPARATOR = '^\\s*notes?:';

export function defaultConfig(): DeckConfig {
  return {
    title: 'Untitled deck',
    keywords: [],
    lang: 'zh-Hant',
    theme: 'gpt',
    width: 1280,
    height: 720,
    margin: 0.04,
    separator: DEFAULT_SEPARATOR,
    verticalSeparator: DEFAULT_VERTICAL_SEPARATOR,
    notesSeparator: DEFAULT_NOTES_SEPARATOR,
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
  };
}
