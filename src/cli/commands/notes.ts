import { join } from 'node:path';
import type { Command } from 'commander';
import { addCommonOptions, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { plural } from '../../core/warnings.js';

/** `deck notes`: the speaker script, every slide with its notes, planned time and running clock, as notes.md. */
export function registerNotes(program: Command): void {
  addCommonOptions(
    program
      .command('notes')
      .description('write the speaker script (notes.md): every slide with its notes, planned time and running clock')
      .argument('[deck]', 'folder or Markdown file', 'slides'),
    { browser: false, render: false, out: { description: 'folder to write notes.md into', default: 'dist' } },
  )
    .addHelpText(
      'after',
      examples([
        ['deck notes', 'slides/ → dist/notes.md'],
        ['deck notes my-talk -o my-talk', 'my-talk/ → my-talk/notes.md, beside the slides'],
      ]),
    )
    .action(async (deckPath: string, options: CommonOptions) => {
      const log = loggerFor(options);
      const { loadDeck } = await import('../../content/index.js');
      const { notesScript, clock, estimateNote } = await import('../../rehearse/index.js');
      const { writeFileAtomic } = await import('../../core/fs.js');
      const deck = await loadDeck(deckPath, { flags: flagsToConfig(options), configFile: options.config });
      const target = join(options.out, 'notes.md');
      await writeFileAtomic(target, notesScript(deck));
      log.success(`wrote the script for ${plural(deck.slides.length, 'slide')} (${clock(deck.totalTime)} planned) → ${target}`);
      const estimate = estimateNote(deck);
      if (estimate) log.info(estimate);
    });
}
