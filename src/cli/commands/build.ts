import type { Command } from 'commander';
import { addCommonOptions, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';

export function registerBuild(program: Command): void {
  addCommonOptions(
    program
      .command('build')
      .description('build a deck (a folder of Markdown files or one .md file) into index.html and its assets')
      .argument('[deck]', 'folder or Markdown file', 'slides'),
  ).action(async (deckPath: string, options: CommonOptions) => {
    const log = loggerFor(options);
    const { buildDeck, writeRendered } = await import('../../render/index.js');
    const started = performance.now();
    const { deck, rendered } = await buildDeck(deckPath, {
      flags: flagsToConfig(options),
      configFile: options.config,
      templates: options.templates,
    });
    const index = await writeRendered(options.out, rendered);
    log.success(`built ${deck.slides.length} slides → ${index} (${Math.round(performance.now() - started)} ms)`);
  });
}
