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

/** The deck's settings. Every key is optional in a config file or front matter; defaults fill the rest. */
export const configSchema = z
  .object({
    title: z.string(),
    subtitle: z.string().optional(),
    author: z.string().optional(),
    description: z.string().optional(),
    /** Where the deck is published (https://…/talk/): link previews (og:image) point at its thumbnail.png. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    keywords: z.array(z.string()),
    date: z.string().optional(),
    lang: z.string().min(2),
    theme: z.string().min(1),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    margin: z.number().min(0).max(1),
    separator: regex,
    verticalSeparator: regex,
    notesSeparator: regex,
    templates: z.string().optional(),
    transition: z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']),
    controls: z.boolean(),
    progress: z.boolean(),
    slideNumber: z.union([z.boolean(), z.enum(['h.v', 'h/v', 'c', 'c/t'])]),
    hash: z.boolean(),
    center: z.boolean(),
    highlightTheme: z.string(),
    /** Render $inline$ and $$display$$ TeX with KaTeX at build time (off by default: `$` is common in prose). */
    math: z.boolean(),
    /** Deck-wide talk length, e.g. "20m", "1h", "90s" (used by the timing plan). */
    duration: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(h|m|min|s)?$/, 'like "20m", "1h" or "90s"')
      .optional(),
    timing: z
      .object({
        cjkCharsPerMinute: z.number().positive(),
        wordsPerMinute: z.number().positive(),
        minSeconds: z.number().min(0),
        secondsPerStep: z.number().min(0),
        secondsPerVisual: z.number().min(0),
      })
      .strict(),
    pdf: z
      .object({
        fragments: z.boolean(),
        handout: z.enum(['notes', '2up', '3up', '6up']),
        paper: z.enum(['A4', 'letter']),
        timeout: z.number().int().positive(),
        strict: z.boolean(),
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
