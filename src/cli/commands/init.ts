import { join } from 'node:path';
import type { Command } from 'commander';
import { examples, loggerFor } from '../options.js';
import { plural } from '../../core/warnings.js';

export interface InitOptions {
  force?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** `deck init [dir]`: write the sample deck from templates/init into a new or empty folder. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('scaffold a new deck: sample slides and deck.config.yaml that build at once')
    .argument('[dir]', 'folder to create the deck in', '.')
    .option('-f, --force', 'write into a folder that is not empty (files of the same name are replaced)')
    .option('-q, --quiet', 'print only warnings and errors')
    .option('--verbose', 'list every file written')
    .addHelpText(
      'after',
      examples([
        ['deck init my-talk', 'create my-talk/ with a sample deck'],
        ['deck build my-talk -o my-talk/dist', 'build it right away'],
        ['deck init . --force', 'scaffold into the current, non-empty folder'],
      ]) +
        '\nThe sample shows slide separators (---), vertical slides (----), speaker notes (Note:), fragments,\n' +
        'a layout chosen per slide, an image and a highlighted code block.\n',
    )
    .action(async (dir: string, options: InitOptions) => {
      const log = loggerFor(options);
      const { scaffoldDeck } = await import('./scaffold.js');
      const written = await scaffoldDeck(dir, { force: options.force ?? false });
      for (const file of written) log.debug(`wrote ${join(dir, file)}`);
      log.success(`created a sample deck in ${dir} (${plural(written.length, 'file')})`);
      log.info(`next: deck build ${dir} -o ${dir === '.' ? 'dist' : join(dir, 'dist')}`);
    });
}
