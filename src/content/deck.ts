import { resolveConfig, type ConfigLayer } from '../config/resolve.js';
import { loadConfigFile, REVEAL_MD_FILE_NAMES } from '../config/file.js';
import type { DeckConfig, PartialConfig } from '../config/schema.js';
import { readDataFiles } from './data.js';
import { unknownVisuals } from './visuals.js';
import { inferLang, inferTitle } from './infer.js';
import { parseFrontMatter } from './front-matter.js';
import { createMarkdown } from './markdown.js';
import { pandocStyle } from './pandoc-style.js';
import type { CommentNotesStyle } from './comment-notes.js';
import { foreignToolOf, isSlidevFrontMatter } from '../config/foreign.js';
import { buildSection, type SectionInput } from './slides.js';
import { marpGlobals } from './marp-globals.js';
import { createMarpCursor } from './marp-look.js';
import { readSources, type Sources } from './sources.js';
import { isTimingSettings, planDeck, readAppliedTimings, timingsFileFor, type AppliedTimings } from './timing.js';
import type { Asset, Deck, Section } from './types.js';
import { includedFile } from './assets.js';
import { collecting, collectingAsync, combineProblems } from '../core/problems.js';
import { duplicateIds, linkSlideIds } from './slide-ids.js';
import { fillSlidevPlaceholders } from './slidev-deck.js';
import type { DeckError } from '../core/errors.js';
import type { DeckWarning } from '../core/warnings.js';

export interface LoadDeckOptions {
  /** Settings from the command line: the highest layer. */
  flags?: PartialConfig;
  /** An explicit config file (--config); else deck.config.{yaml,yml,json} in the deck folder. */
  configFile?: string;
}

/** A deck and the problems found while reading it; the deck is complete only when there are none. */
export interface DeckOutcome {
  /** Undefined when the sources could not be read at all (then `problems` says why). */
  readonly deck?: Deck;
  readonly problems: readonly DeckError[];
}

/**
 * A deck written for Marp (its `marp` key, else a key only Marp defines) or Slidev (a key of Slidev's, or in front matter a value), whose
 * HTML comments are speaker notes there (and Marp's image keywords apply); undefined for any other deck.
 */
function writtenForTool(frontMatter: Readonly<Record<string, unknown>>, fileKeys: readonly string[]): CommentNotesStyle | undefined {
  const keys = [...Object.keys(frontMatter), ...fileKeys];
  if (keys.includes('marp')) return 'marp';
  if (isSlidevFrontMatter(frontMatter) || fileKeys.some((key) => foreignToolOf(key) === 'Slidev')) return 'slidev';
  return keys.some((key) => foreignToolOf(key) === 'Marp') ? 'marp' : undefined;
}

/**
 * A Marp deck's page number is Marp's, where `paginate` asks for one, bottom right in the slide
 * (src/content/marp-look.ts): unless the deck sets them, it has no reveal.js slide number, and reveal.js's arrows
 * go to the slide's edges, away from that corner.
 */
function marpDefaults(resolved: Readonly<DeckConfig>, layers: readonly ConfigLayer[]): Partial<DeckConfig> {
  const unset = (key: string) => !layers.some((layer) => key in layer.values);
  return {
    ...(unset('slideNumber') ? { slideNumber: false } : {}),
    ...('controlsLayout' in resolved.revealOptions ? {} : { revealOptions: { ...resolved.revealOptions, controlsLayout: 'edges' } }),
  };
}

/** Parse sources (already read) into a Deck. Pure: the only I/O is checking that referenced images exist. */
export function parseDeck(
  sources: Sources,
  fileLayer: ConfigLayer | undefined,
  options: LoadDeckOptions = {},
  data: Record<string, unknown> = {},
  applied?: AppliedTimings,
): Deck {
  const problems: DeckError[] = [];
  const deck = parseDeckCollecting(sources, fileLayer, options, data, applied, problems);
  const failure = combineProblems(problems);
  if (failure) throw failure;
  return deck;
}

/**
 * Parse sources into a Deck, going on past every problem (bad front matter, settings, attributes, math, missing
 * files, duplicate ids) so that one run finds them all: each is added to `problems`, and the part it spoils
 * (a file, a key, a slide) is left out.
 */
export function parseDeckCollecting(
  sources: Sources,
  fileLayer: ConfigLayer | undefined,
  options: LoadDeckOptions,
  data: Record<string, unknown>,
  applied: AppliedTimings | undefined,
  problems: DeckError[],
): Deck {
  const keyLines: Record<string, number>[] = [];
  const inputs: SectionInput[] = sources.files
    .flatMap((file) => {
      const fm = collecting(problems, () => parseFrontMatter(file.text, file.name), undefined);
      return fm ? [{ file, fm }] : [];
    })
    .map(({ file, fm }, index) => {
      keyLines.push(fm.keyLines);
      return {
        index,
        path: file.path,
        name: file.name,
        text: file.text,
        data: fm.data,
        body: fm.body,
        bodyLine: fm.bodyLine,
        keyLines: fm.keyLines,
      };
    });
  const layers: ConfigLayer[] = [];
  if (fileLayer) layers.push(fileLayer);
  const first = inputs[0];
  if (first) {
    const values = { ...first.data };
    // `timing: 45` in front matter is the section's time per slide (timing.ts); only a mapping is the setting.
    if ('timing' in values && !isTimingSettings(values.timing)) delete values.timing;
    layers.push({ source: first.name, values, line: 1, lines: keyLines[0], kind: 'front-matter' });
  }
  const warnings: DeckWarning[] = [];
  const writtenFor = writtenForTool(first?.data ?? {}, Object.keys(fileLayer?.values ?? {}));
  const marp = writtenFor === 'marp' ? marpGlobals(inputs, warnings) : undefined;
  if (marp) layers.push(...marp.layers);
  if (options.flags) layers.push({ source: 'command line', values: options.flags as Record<string, unknown>, kind: 'flags' });
  const resolved = resolveConfig(layers, warnings, problems);

  const pandoc = pandocStyle(resolved, inputs, fileLayer?.values);
  // Pandoc always reads `$…$` as TeX math (its tex_math_dollars extension), and so do Marp, Slidev and reveal-md
  // (whose page always loads reveal.js's math plugin): such a deck that does not set `math` gets it, leniently (a
  // formula KaTeX cannot read shows as its TeX, as those tools leave it).
  const mathUnset = !layers.some((layer) => 'math' in layer.values);
  const revealMd =
    REVEAL_MD_FILE_NAMES.some((name) => fileLayer?.source.endsWith(name)) ||
    Object.keys(first?.data ?? {}).some((key) => key === 'revealOptions' || foreignToolOf(key) === 'reveal-md');
  const autoMath = (pandoc !== undefined || writtenFor !== undefined || revealMd) && mathUnset && !resolved.math;
  const config: Readonly<DeckConfig> =
    autoMath || marp
      ? Object.freeze({ ...resolved, ...(autoMath ? { math: true } : {}), ...(marp ? marpDefaults(resolved, layers) : {}) })
      : resolved;
  // Slide headings (to the slide level, at least ##) give their attributes to their slide, as in Pandoc.
  const slideHeadings = Math.max(2, pandoc?.slideLevel ?? 2);
  const reading = {
    math: autoMath ? ('lenient' as const) : config.math,
    slideHeadings,
    pandoc: pandoc !== undefined,
    slidev: writtenFor === 'slidev',
  };
  const markdown = createMarkdown({ ...reading, incremental: config.incremental });
  // Speaker notes never step: in an incremental deck their lists are rendered without it.
  const notesMarkdown = config.incremental ? createMarkdown(reading) : markdown;
  const assets = new Map<string, Asset>();
  const built: Section[] = [];
  let h = 0;
  let index = 0;
  const marpCursor = marp ? createMarpCursor() : undefined;
  for (const input of inputs) {
    const section = buildSection(input, {
      config,
      markdown,
      notesMarkdown,
      pandoc,
      writtenFor,
      ...(marpCursor ? { marp: { cursor: marpCursor, headingDivider: marp?.headingDivider } } : {}),
      ownNotesSeparator: layers.some((layer) => 'notesSeparator' in layer.values),
      root: sources.root,
      assets,
      h,
      index,
      warnings,
      problems,
    });
    built.push(section);
    h += section.stacks.length;
    index += section.stacks.reduce((n, stack) => n + stack.length, 0);
  }
  problems.push(...duplicateIds(built.flatMap((section) => section.stacks.flat())));
  warnings.push(...unknownVisuals(built, data));
  const settingLine = (key: string) =>
    first && key in first.data
      ? { file: first.name, line: keyLines[0]?.[key] }
      : { file: fileLayer?.source, line: fileLayer?.lines?.[key] };
  const settingOrigins: Record<string, { file?: string; line?: number }> = {};
  for (const key of Object.keys(config))
    if ((first && key in first.data) || (fileLayer && key in fileLayer.values)) settingOrigins[key] = settingLine(key);
  const styles = config.css.map((path) => includedFile(path, sources.root, settingLine('css'), assets, problems));
  const scripts = config.scripts.map((path) => includedFile(path, sources.root, settingLine('scripts'), assets, problems));
  const sections = fillSlidevPlaceholders(linkSlideIds(built));
  const plan = planDeck(
    sections.flatMap((section) => section.stacks.flat()),
    config,
    applied,
  );
  let position = 0;
  const planned = sections.map((section) => ({
    ...section,
    stacks: section.stacks.map((stack) =>
      stack.map((slide) => {
        const timing = plan[position++]!;
        return { ...slide, timing: timing.seconds, timingSource: timing.source };
      }),
    ),
  }));
  const slides = planned.flatMap((section) => section.stacks.flat());
  const timingsFile = timingsFileFor(sources.input, sources.root);
  // A deck that does not say its title or language gets them from its slides (src/content/infer.ts).
  const unset = (key: 'title' | 'lang') => !layers.some((layer) => layer.values[key] !== undefined);
  const inferred = {
    ...(unset('title') ? { title: inferTitle(slides, sources.input) } : {}),
    ...(unset('lang') ? { lang: inferLang(slides, config.lang) } : {}),
  };
  return {
    root: sources.root,
    input: sources.input,
    config: Object.keys(inferred).length > 0 ? Object.freeze({ ...config, ...inferred }) : config,
    sections: planned,
    slides,
    assets: [...assets.values()],
    data,
    files: [...sources.files.map((file) => file.path), ...(applied ? [timingsFile] : [])],
    totalTime: slides.reduce((sum, slide) => sum + slide.timing, 0),
    timingsFile,
    warnings,
    styles,
    scripts,
    inlineStyles: marp?.style ? [marp.style] : [],
    settingOrigins,
  };
}

/** Read a deck (a folder or one Markdown file) with its config file, and parse it; every problem is thrown at once. */
export async function loadDeck(input: string, options: LoadDeckOptions = {}): Promise<Deck> {
  const { deck, problems } = await loadDeckCollecting(input, options);
  const failure = combineProblems(problems);
  if (failure) throw failure;
  return deck!;
}

/**
 * Read and parse a deck, going on past problems so one run reports them all (see parseDeckCollecting): files
 * that are not UTF-8, a bad config or data file, a bad timings file, and everything in the slides.
 */
export async function loadDeckCollecting(input: string, options: LoadDeckOptions = {}): Promise<DeckOutcome> {
  const problems: DeckError[] = [];
  const sources = await collectingAsync(problems, () => readSources(input, problems), undefined);
  if (!sources) return { problems };
  const [fileLayer, data, applied] = await Promise.all([
    collectingAsync(problems, () => loadConfigFile(sources.root, options.configFile), undefined),
    collectingAsync(problems, () => readDataFiles(sources.root), {}),
    collectingAsync(problems, () => readAppliedTimings(timingsFileFor(sources.input, sources.root)), undefined),
  ]);
  const deck = parseDeckCollecting(sources, fileLayer, options, data, applied, problems);
  return { deck, problems };
}
