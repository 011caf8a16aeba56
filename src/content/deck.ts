import { resolveConfig, type ConfigLayer } from '../config/resolve.js';
import { loadConfigFile } from '../config/file.js';
import type { PartialConfig } from '../config/schema.js';
import { readDataFiles } from './data.js';
import { parseFrontMatter } from './front-matter.js';
import { createMarkdown } from './markdown.js';
import { buildSection, type SectionInput } from './slides.js';
import { readSources, type Sources } from './sources.js';
import { isTimingSettings, planDeck, readAppliedTimings, timingsFileFor, type AppliedTimings } from './timing.js';
import type { Asset, Deck, Section } from './types.js';
import { combineProblems, includedFile } from './assets.js';
import { duplicateIds, linkSlideIds } from './slide-ids.js';
import type { DeckError } from '../core/errors.js';
import type { DeckWarning } from '../core/warnings.js';

export interface LoadDeckOptions {
  /** Settings from the command line: the highest layer. */
  flags?: PartialConfig;
  /** An explicit config file (--config); else deck.config.{yaml,yml,json} in the deck folder. */
  configFile?: string;
}

/** Parse sources (already read) into a Deck. Pure: the only I/O is checking that referenced images exist. */
export function parseDeck(
  sources: Sources,
  fileLayer: ConfigLayer | undefined,
  options: LoadDeckOptions = {},
  data: Record<string, unknown> = {},
  applied?: AppliedTimings,
): Deck {
  const keyLines: Record<string, number>[] = [];
  const inputs: SectionInput[] = sources.files.map((file, index) => {
    const fm = parseFrontMatter(file.text, file.name);
    keyLines.push(fm.keyLines);
    return { index, path: file.path, name: file.name, text: file.text, data: fm.data, body: fm.body, bodyLine: fm.bodyLine };
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
  if (options.flags) layers.push({ source: 'command line', values: options.flags as Record<string, unknown>, kind: 'flags' });
  const warnings: DeckWarning[] = [];
  const config = resolveConfig(layers, warnings);

  const markdown = createMarkdown({ math: config.math });
  const assets = new Map<string, Asset>();
  const built: Section[] = [];
  const problems: DeckError[] = [];
  let h = 0;
  let index = 0;
  for (const input of inputs) {
    const section = buildSection(input, { config, markdown, root: sources.root, assets, h, index, warnings, problems });
    built.push(section);
    h += section.stacks.length;
    index += section.stacks.reduce((n, stack) => n + stack.length, 0);
  }
  problems.push(...duplicateIds(built.flatMap((section) => section.stacks.flat())));
  const settingLine = (key: string) =>
    first && key in first.data
      ? { file: first.name, line: keyLines[0]?.[key] }
      : { file: fileLayer?.source, line: fileLayer?.lines?.[key] };
  const settingOrigins: Record<string, { file?: string; line?: number }> = {};
  for (const key of Object.keys(config))
    if ((first && key in first.data) || (fileLayer && key in fileLayer.values)) settingOrigins[key] = settingLine(key);
  const styles = config.css.map((path) => includedFile(path, sources.root, settingLine('css'), assets, problems));
  const scripts = config.scripts.map((path) => includedFile(path, sources.root, settingLine('scripts'), assets, problems));
  const failure = combineProblems(problems);
  if (failure) throw failure;
  const sections = linkSlideIds(built);
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
  return {
    root: sources.root,
    input: sources.input,
    config,
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
    settingOrigins,
  };
}

/** Read a deck (a folder or one Markdown file) with its config file, and parse it. */
export async function loadDeck(input: string, options: LoadDeckOptions = {}): Promise<Deck> {
  const sources = await readSources(input);
  const [fileLayer, data, applied] = await Promise.all([
    loadConfigFile(sources.root, options.configFile),
    readDataFiles(sources.root),
    readAppliedTimings(timingsFileFor(sources.input, sources.root)),
  ]);
  return parseDeck(sources, fileLayer, options, data, applied);
}
