import { z } from 'zod';

/** Reveal.js themes shipped in node_modules/reveal.js/dist/theme. */
export const REVEAL_THEMES = [
  'beige',
  'black-contrast',
  'black',
  'blood',
  'dracula',
  'league',
  'moon',
  'night',
  'serif',
  'simple',
  'sky',
  'solarized',
  'white-contrast',
  'white',
] as const;

const regex = z
  .string()
  .min(1)
  .refine(
    (source) => {
      try {
        new RegExp(source);
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be a valid regular expression' },
  );

/** Pandoc writes booleans as strings (`controls: "false"`): read "true"/"false" (any case) as booleans. */
const flag = z.preprocess(
  (value) => (typeof value === 'string' && /^(true|false)$/i.test(value.trim()) ? value.trim().toLowerCase() === 'true' : value),
  z.boolean(),
);

/** A number written as a string ("1280") is the number. */
const numeric = (schema: z.ZodNumber) =>
  z.preprocess((value) => (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value), schema);

/**
 * One path or a list of them (reveal-md's `css:` and `scripts:`), or reveal-md's comma-separated string (`scripts:
 * a.js,b.js`, as its `--scripts` flag takes them). The string is split only when every part names a file of the
 * kind (`extension`), so a URL with a comma in its query (a font stylesheet's `wght@400,700`) stays whole.
 */
const paths = (extension: RegExp) =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const parts = value.split(',').map((part) => part.trim());
      return parts.length > 1 && parts.every((part) => extension.test(part)) ? parts : [value];
    },
    z.array(z.string().min(1)),
  );

/** reveal.js's transitions; `default` is what older reveal.js and reveal-md call `slide`. */
export const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;

/** The deck's settings. Every key is optional in a config file or front matter; defaults fill the rest. */
export const configSchema = z
  .object({
    title: z.string(),
    subtitle: z.string().optional(),
    /** Pandoc allows a list of authors: they are joined with commas. */
    author: z.preprocess((value) => (Array.isArray(value) ? value.map(String).join(', ') : value), z.string()).optional(),
    description: z.string().optional(),
    /** Where the deck is published (https://…/talk/): link previews (og:image) point at its thumbnail.png. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    keywords: z.preprocess(
      (value) =>
        typeof value === 'string'
          ? value
              .split(',')
              .map((word) => word.trim())
              .filter(Boolean)
          : value,
      z.array(z.string()),
    ),
    date: z.string().optional(),
    lang: z.string().min(2),
    theme: z.string().min(1),
    width: numeric(z.number().int().positive()),
    height: numeric(z.number().int().positive()),
    margin: numeric(z.number().min(0).max(1)),
    separator: regex,
    verticalSeparator: regex,
    notesSeparator: regex,
    templates: z.string().optional(),
    transition: z.preprocess((value) => (value === 'default' ? 'slide' : value), z.enum(TRANSITIONS)),
    controls: flag,
    progress: flag,
    slideNumber: z.preprocess(
      (value) => (typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value),
      z.union([z.boolean(), z.enum(['h.v', 'h/v', 'c', 'c/t'])]),
    ),
    hash: flag,
    center: flag,
    /** A highlight.js style by name (`github`, `atom-one-dark`, `base16/dracula`) or reveal.js's monokai/zenburn. */
    highlightTheme: z.preprocess((value) => (typeof value === 'string' ? value.replace(/(\.min)?\.css$/, '') : value), z.string().min(1)),
    /** Render $inline$ and $$display$$ TeX with KaTeX at build time (off by default: `$` is common in prose). */
    math: z.preprocess((value) => (value === 'katex' || value === 'mathjax' ? true : value), flag),
    /** Stylesheets (paths relative to the deck, or URLs) loaded after the theme, as reveal-md's `css:`. */
    css: paths(/\.css(\?[^,]*)?$/i),
    /** Scripts loaded after reveal.js has started, as reveal-md's `scripts:`. */
    scripts: paths(/\.m?js(\?[^,]*)?$/i),
    /** Options passed on to Reveal.initialize as they are (reveal-md's `revealOptions:`). */
    revealOptions: z.record(z.string(), z.unknown()),
    /** Pandoc's `incremental` (its `-i`): every list's items step one by one, except in `::: nonincremental`. */
    incremental: flag,
    /**
     * Pandoc's `slide-level`: headings of this level start slides, higher ones section title slides (each section a
     * vertical stack), lower ones stay in their slide; 0 splits at horizontal rules only. Unset: Pandoc's default,
     * for a Pandoc-style deck (src/content/pandoc-slides.ts).
     */
    slideLevel: numeric(z.number().int().min(0).max(6)).optional(),
    /** Scale a slide whose content overflows down to fit (at least to FIT_FLOOR); a slide can set data-fit. */
    fit: flag,
    /** Deck-wide talk length, e.g. "20m", "1h", "90s" (used by the timing plan). */
    duration: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(h|m|min|s)?$/, 'like "20m", "1h" or "90s"')
      .optional(),
    timing: z
      .object({
        cjkCharsPerMinute: numeric(z.number().positive()),
        wordsPerMinute: numeric(z.number().positive()),
        minSeconds: numeric(z.number().min(0)),
        secondsPerStep: numeric(z.number().min(0)),
        secondsPerVisual: numeric(z.number().min(0)),
      })
      .strict(),
    pdf: z
      .object({
        fragments: flag,
        handout: z.enum(['notes', '2up', '3up', '6up']),
        paper: z.enum(['A4', 'letter']),
        timeout: numeric(z.number().int().positive()),
        strict: flag,
      })
      .strict(),
  })
  .strict();

export type DeckConfig = z.infer<typeof configSchema>;

/** What a config file, front matter or flags may give: any subset, nested objects partial too. */
export const partialConfigSchema = configSchema
  .extend({
    timing: configSchema.shape.timing.partial(),
    pdf: configSchema.shape.pdf.partial(),
  })
  .partial()
  .strict();

export type PartialConfig = z.infer<typeof partialConfigSchema>;

export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof DeckConfig)[];
