import { InvalidArgumentError, Option, type Command } from 'commander';
import { addCommonOptions, browserChoice, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';

interface PngOptions extends CommonOptions {
  fragments?: boolean;
  scale?: number;
  jpeg?: boolean;
  strict?: boolean;
}

function parseScale(value: string): number {
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 4)
    throw new InvalidArgumentError(`a number above 0 and at most 4 is needed, not "${value}"`);
  return scale;
}

export function registerPng(program: Command): void {
  addCommonOptions(
    program
      .command('png')
      .description('export an image of every slide (DIR/001.png …) and DIR/thumbnail.png of the title slide')
      .argument('[deck]', 'folder or Markdown file', 'slides')
      .option('--fragments', 'an image per fragment step (003-0.png, 003-1.png, …) instead of one per slide')
      .addOption(
        new Option('--scale <n>', 'pixels per slide pixel: 2 gives 2560×1440 for a 1280×720 deck (default 1)').argParser(parseScale),
      )
      .option('--jpeg', 'JPEG images (.jpg) instead of PNG')
      .option('--strict', 'fail when an export check finds a problem (the default)')
      .option('--no-strict', 'only warn about export check problems, and write the images anyway'),
  )
    .addHelpText(
      'after',
      examples([
        ['deck png', 'slides/ → dist/001.png … and dist/thumbnail.png'],
        ['deck png --scale 2 -o images', '2560×1440 images into images/'],
        ['deck png --fragments --jpeg', 'a JPEG per fragment step'],
      ]),
    )
    .action(async (deckPath: string, options: PngOptions) => {
      const log = loggerFor(options);
      const { exportPng } = await import('../../export/png/export.js');
      const result = await exportPng(deckPath, {
        outDir: options.out,
        flags: flagsToConfig(options),
        configFile: options.config,
        templates: options.templates,
        fragments: options.fragments,
        scale: options.scale,
        jpeg: options.jpeg,
        strict: options.strict,
        find: browserChoice(options),
        logger: log,
      });
      log.success(
        `exported ${result.files.length} images (${result.width}×${result.height}) and ${result.thumbnail} → ${options.out} (${result.timings.total} ms)`,
      );
    });
}
