import type { Deck, Slide } from '../content/types.js';
import { escapeHtml } from '../content/markdown.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { DeckPacing } from '../core/pacing.js';
import { deckContext, modelsOf, sectionsFor, slideContext } from './context.js';
import type { OutputFile, RenderedDeck } from './output.js';
import { runTemplate, type TemplateSet } from './templates.js';
import type { ResolvedTheme } from './theme.js';
import { vendorAssets } from './vendor.js';
import { hasCodeBlocks } from './code-blocks.js';
import { FIT_FLOOR, fitScript } from './fit.js';
import { join } from 'node:path';
import { builtinThemesDir } from './paths.js';
import { inlineStyleElement } from './inline-styles.js';

export interface RenderOptions {
  /** Extra attributes for a slide's <section> (e.g. the timing plan's data-timing). */
  slideAttributes?: (slide: Slide) => Record<string, string | number>;
  /** Extra reveal.js options merged into Reveal.initialize (e.g. totalTime). */
  revealOptions?: Record<string, unknown>;
  /**
   * Leave reveal.js's pacing options (`totalTime`, `defaultTiming`) out of the page's config: `deck serve` gives
   * the audience no timing plan, and its token holders the plan from /_deck/notes.json (src/serve/notes.ts).
   */
  withoutPacing?: boolean;
  /** Raw HTML put at the end of <head> / <body> (e.g. the dev server's reload client). */
  headHtml?: string;
  bodyHtml?: string;
}

const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/;

function attributeString(attributes: Record<string, string | number>): string {
  return Object.entries(attributes)
    .filter(([name]) => ATTRIBUTE_NAME.test(name) && name !== 'id')
    .map(([name, value]) => (value === '' ? name : `${name}="${escapeHtml(String(value))}"`))
    .join(' ');
}

/** reveal.js's options for the timing plan of the whole deck (each slide's own time is its data-timing). */
const PACING_OPTIONS = ['totalTime', 'defaultTiming'] as const;

function revealConfig(deck: Deck, options: RenderOptions): Record<string, unknown> {
  const config = withPacing(deck, options);
  if (options.withoutPacing) for (const name of PACING_OPTIONS) delete config[name];
  return config;
}

/** The deck's pacing options, as the page's reveal.js would have them (an author's revealOptions win). */
export function pacingOf(deck: Deck, options: RenderOptions = {}): DeckPacing {
  const config = withPacing(deck, options);
  const seconds = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null);
  return { totalTime: seconds(config.totalTime), defaultTiming: seconds(config.defaultTiming) };
}

function withPacing(deck: Deck, options: RenderOptions): Record<string, unknown> {
  const c = deck.config;
  return {
    width: c.width,
    height: c.height,
    margin: c.margin,
    hash: c.hash,
    controls: c.controls,
    progress: c.progress,
    slideNumber: c.slideNumber,
    transition: c.transition,
    center: c.center,
    pdfSeparateFragments: c.pdf.fragments,
    // Pacing for the speaker view: with every slide's data-timing set, totalTime is their sum.
    totalTime: deck.totalTime,
    ...c.revealOptions,
    ...options.revealOptions,
  };
}

/** Whether any slide is fitted: `fit: true`, or a slide's data-fit. */
export function usesFit(deck: Deck): boolean {
  return deck.config.fit || deck.slides.some((slide) => 'data-fit' in slide.attributes && slide.attributes['data-fit'] !== 'false');
}

/**
 * Each slide's page number and the deck's page count, as marpit counts them: every slide is a page but those
 * Marp's `paginate: hold` or `skip` leave uncounted (a held slide shows the number before it; 1 at the start).
 */
function pageNumbers(slides: readonly Slide[]): { numbers: number[]; total: number } {
  let page = 0;
  const numbers = slides.map((slide) => {
    if (!slide.marginals?.uncounted) page++;
    return Math.max(page, 1);
  });
  return { numbers, total: page };
}

/** Place every slide with its layout and the whole deck in the page template. */
export function renderDeck(deck: Deck, templates: TemplateSet, theme: ResolvedTheme, options: RenderOptions = {}): RenderedDeck {
  const deckData = deckContext(deck);
  const models = modelsOf(deck);
  const data = deck.data;
  const pages = pageNumbers(deck.slides);
  const renderSlide = (slide: Slide) => {
    const layout = templates.layouts.get(slide.layout);
    if (!layout) {
      throw new DeckError(ErrorCode.BadTemplate, `unknown layout "${slide.layout}"`, {
        file: slide.file,
        line: slide.origins.layout ?? slide.line,
        hint: `layouts available: ${[...templates.layouts.keys()].join(', ')}`,
      });
    }
    const section = deck.sections[slide.section]!;
    const html = runTemplate(
      layout,
      {
        deck: deckData,
        slide: slideContext(slide),
        section: section.data,
        sections: sectionsFor(deck, slide),
        content: slide.html,
        models,
        data,
      },
      `layout "${slide.layout}"`,
      slide.file,
      slide.line,
    );
    const marginals = slide.marginals;
    // Marp's names for the page number, so CSS written for Marp (`section::after { content: … }`) still works.
    const pagination: Record<string, number> = marginals?.paginate
      ? { 'data-marpit-pagination': pages.numbers[slide.index]!, 'data-marpit-pagination-total': pages.total }
      : {};
    const attributes = {
      'data-layout': slide.layout,
      ...slide.attributes,
      ...pagination,
      'data-timing': slide.timing,
      ...(options.slideAttributes?.(slide) ?? {}),
    };
    return {
      id: slide.id,
      attributes: attributeString(attributes),
      html,
      notesHtml: slide.notesHtml,
      header: marginals?.header,
      footer: marginals?.footer,
    };
  };
  const stacks = deck.sections.flatMap((section) =>
    section.stacks.map((stack) => ({ vertical: stack.length > 1, slides: stack.map(renderSlide) })),
  );
  const code = stacks.some((stack) => stack.slides.some((slide) => hasCodeBlocks(slide.html) || hasCodeBlocks(slide.notesHtml)));
  const vendor = vendorAssets(deck.config.highlightTheme, {
    math: deck.config.math,
    origin: deck.settingOrigins.highlightTheme,
    highlight: code,
  });
  const files: OutputFile[] = [
    ...vendor.files,
    { source: join(builtinThemesDir(), '_layouts.css'), target: 'assets/theme/layouts.css' },
    theme.css === undefined ? { source: theme.source, target: theme.target } : { content: theme.css, target: theme.target },
    ...theme.imports,
  ];
  const html = runTemplate(
    templates.page,
    {
      deck: deckData,
      stacks,
      models,
      data,
      assets: { ...vendor.urls, themeCss: theme.target, layoutCss: 'assets/theme/layouts.css' },
      theme: { name: theme.name, reveal: theme.reveal },
      // A highlightTheme the author wrote wins over a theme's own code colours (themes/_gpt-base.css).
      highlight: { name: deck.config.highlightTheme, chosen: 'highlightTheme' in deck.settingOrigins },
      revealConfig: revealConfig(deck, options),
      // The deck's own stylesheets come after the theme, its scripts after reveal.js has started (as in reveal-md).
      headHtml:
        deck.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">\n`).join('') +
        deck.inlineStyles.map(inlineStyleElement).join('') +
        (options.headHtml ?? ''),
      bodyHtml:
        deck.scripts.map((src) => `<script src="${escapeHtml(src)}"></script>\n`).join('') +
        (usesFit(deck) ? fitScript({ width: deck.config.width, height: deck.config.height, floor: FIT_FLOOR, all: deck.config.fit }) : '') +
        (options.bodyHtml ?? ''),
    },
    'page.hbs',
    templates.origins.get('page.hbs'),
  );
  for (const asset of deck.assets) files.push({ source: asset.source, target: asset.target });
  return { html, files };
}
