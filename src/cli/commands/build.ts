import type { Command } from 'commander';
import { addCommonOptions, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { formatWarning, plural } from '../../core/warnings.js';

export function registerBuild(program: Command): void {
  addCommonOptions(
    program
      .command('build')
      .description('build a deck (a folder of Markdown files or one .md file) into index.html and its assets')
      .argument('[deck]', 'folder or Markdown file', 'slides'),
  )
    .addHelpText(
      'after',
      examples([
        ['deck build', 'build slides/ into dist/'],
        ['deck build talk.md -o public', 'a single-file deck (reveal-md style) into public/'],
        ['deck build my-talk --theme white', "use a reveal.js theme instead of the deck's"],
        ['deck build my-talk --config other.yaml', 'settings from another config file'],
        ['deck build my-talk --templates my-templates', 'override layouts/partials/page.hbs'],
      ]) +
        "\nSettings: defaults < deck.config.yaml|yml|json < the first file's front matter < flags.\n" +
        'Nothing is written unless the whole build succeeds: a failed build leaves the output folder as it was.\n',
    )
    .action(async (deckPath: string, options: CommonOptions) => {
      const log = loggerFor(options);
      const started = performance.now();
      const { buildDeck, writeRendered } = await import('../../render/index.js');
      const { deck, rendered } = await buildDeck(deckPath, {
        flags: flagsToConfig(options),
        configFile: options.config,
        templates: options.templates,
      });
      for (const warning of deck.warnings) log.warn(formatWarning(warning));
      log.debug(`${plural(deck.files.length, 'source file')}, ${plural(deck.assets.length, 'asset')}, theme ${deck.config.theme}`);
      const index = await writeRendered(options.out, rendered);
      log.success(`built ${plural(deck.slides.length, 'slide')} → ${index} (${Math.round(performance.now() - started)} ms)`);
    });
}
