import { configKeysOf, resolveConfig, type ConfigLayer } from '../config/resolve.js';
import { loadConfigFile } from '../config/file.js';
import type { PartialConfig } from '../config/schema.js';
import { readDataFiles } from './data.js';
import { parseFrontMatter } from './front-matter.js';
import { createMarkdown } from './markdown.js';
import { buildSection, type SectionInput } from './slides.js';
import { readSources, type Sources } from './sources.js';
import type { Asset, Deck, Section } from './types.js';

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
): Deck {
  const inputs: SectionInput[] = sources.files.map((file, index) => {
    const fm = parseFrontMatter(file.text, file.name);
    return { index, path: file.path, name: file.name, text: file.text, data: fm.data, body: fm.body, bodyLine: fm.bodyLine };
  });
  const layers: ConfigLayer[] = [];
  if (fileLayer) layers.push(fileLayer);
  const first = inputs[0];
  if (first) layers.push({ source: first.name, values: configKeysOf(first.data), line: 1 });
  if (options.flags) layers.push({ source: 'command line', values: options.flags as Record<string, unknown> });
  const config = resolveConfig(layers);

  const markdown = createMarkdown();
  const assets = new Map<string, Asset>();
  const sections: Section[] = [];
  let h = 0;
  let index = 0;
  for (const input of inputs) {
    const section = buildSection(input, { config, markdown, root: sources.root, assets, h, index });
    sections.push(section);
    h += section.stacks.length;
    index += section.stacks.reduce((n, stack) => n + stack.length, 0);
  }
  return {
    root: sources.root,
    input: sources.input,
    config,
    sections,
    slides: sections.flatMap((section) => section.stacks.flat()),
    assets: [...assets.values()],
    data,
    files: sources.files.map((file) => file.path),
  };
}

/** Read a deck (a folder or one Markdown file) with its config file, and parse it. */
export async function loadDeck(input: string, options: LoadDeckOptions = {}): Promise<Deck> {
  const sources = await readSources(input);
  const [fileLayer, data] = await Promise.all([
    loadConfigFile(sources.root, options.configFile),
    readDataFiles(sources.root),
  ]);
  return parseDeck(sources, fileLayer, options, data);
}
