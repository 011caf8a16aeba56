import type { Command } from 'commander';
import { addCommonOptions, browserChoice, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';

interface PptxOptions extends CommonOptions {
  strict?: boolean;
}

export function registerPptx(program: Command): void {
  addCommonOptions(
    program
      .command('pptx')
      .description('export an editable PowerPoint file, DIR/deck.pptx: real text, tables, pictures with alt text, notes')
      .argument('[deck]', 'folder or Markdown file', 'slides')
      .option('--strict', 'fail when an export check finds a problem (the default)')
      .option('--no-strict', 'only warn about export check problems, and write deck.pptx anyway'),
  )
    .addHelpText(
      'after',
      examples([
        ['deck pptx', 'slides/ → dist/deck.pptx'],
        ['deck pptx my-talk -o out', 'my-talk/ → out/deck.pptx'],
      ]) +
        '\nHeadings, paragraphs, lists and code are PowerPoint text; tables are tables; charts, images and anything\n' +
        'that cannot be editable (custom HTML, CSS effects) are pictures, and the export names them with file:line.\n' +
        'Checks: slide count, notes present, no empty text box, every image readable; a failed check writes nothing.\n',
    )
    .action(async (deckPath: string, options: PptxOptions) => {
      const log = loggerFor(options);
      const { exportPptx } = await import('../../export/pptx/export.js');
      const result = await exportPptx(deckPath, {
        outDir: options.out,
        flags: flagsToConfig(options),
        configFile: options.config,
        templates: options.templates,
        strict: options.strict,
        find: browserChoice(options),
        logger: log,
      });
      for (const item of result.pictured) log.info(`${item.file}:${item.line}: slide ${item.slide}: exported as a picture: ${item.reason}`);
      log.success(`exported ${result.slides} slides → ${result.path} (${result.timings.total} ms)`);
      log.debug(`timings: ${JSON.stringify(result.timings)}`);
    });
}
