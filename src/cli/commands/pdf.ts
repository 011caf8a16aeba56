import { Option, type Command } from 'commander';
import type { PartialConfig } from '../../config/schema.js';
import { addCommonOptions, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { formatWarning, plural } from '../../core/warnings.js';

interface PdfOptions extends CommonOptions {
  handout?: 'notes' | '2up' | '3up' | '6up' | false;
  paper?: 'A4' | 'letter';
  fragments?: boolean;
  strict?: boolean;
  slides?: boolean;
}

/** The config layer `deck pdf`'s own flags make, on top of the shared ones. */
function pdfFlags(options: PdfOptions): PartialConfig {
  const flags = flagsToConfig(options);
  const pdf: NonNullable<PartialConfig['pdf']> = { ...flags.pdf };
  if (typeof options.handout === 'string') pdf.handout = options.handout;
  if (options.paper) pdf.paper = options.paper;
  if (options.fragments !== undefined) pdf.fragments = options.fragments;
  if (options.strict !== undefined) pdf.strict = options.strict;
  return Object.keys(pdf).length > 0 ? { ...flags, pdf } : flags;
}

export function registerPdf(program: Command): void {
  addCommonOptions(
    program
      .command('pdf')
      .description('build the deck and export dist/deck.pdf (the slides) and dist/handout.pdf (for the audience)')
      .argument('[deck]', 'folder or Markdown file', 'slides')
      .addOption(new Option('--handout <layout>', 'handout layout (default: notes)').choices(['notes', '2up', '3up', '6up']))
      .option('--no-handout', 'do not write handout.pdf')
      .option('--no-slides', 'do not write deck.pdf')
      .addOption(new Option('--paper <size>', 'handout paper (default: A4)').choices(['A4', 'letter']))
      .option('--fragments', 'give every fragment step its own page (a slide opts out with data-pdf-fragments="false")')
      .option('--no-fragments', 'one page per slide, in its final state (the default; data-pdf-fragments="true" opts in)')
      .option('--strict', 'fail when an export check finds a problem (the default)')
      .option('--no-strict', 'only warn about export check problems, and write the PDFs anyway'),
  ).action(async (deckPath: string, options: PdfOptions) => {
    const log = loggerFor(options);
    const { exportPdf } = await import('../../export/export.js');
    const bar = log.interactive ? (await import('../../export/progress-bar.js')).createProgressBar() : undefined;
    try {
      const result = await exportPdf(deckPath, {
        outDir: options.out,
        flags: pdfFlags(options),
        configFile: options.config,
        templates: options.templates,
        slides: options.slides,
        handout: options.handout === false ? false : undefined,
        find: { flag: options.browser },
        logger: log,
        onProgress: bar?.update,
      });
      bar?.stop();
      for (const warning of result.deck.warnings) log.warn(formatWarning(warning));
      const made = [
        result.slides && `${result.slides.path} (${plural(result.slides.pages, 'page')})`,
        result.handout && `${result.handout.path} (${result.handout.layout}, ${plural(result.handout.pages, 'page')})`,
      ].filter(Boolean);
      log.success(`exported ${plural(result.deck.slides.length, 'slide')} → ${made.join(', ') || 'nothing'} (${result.timings.total} ms)`);
      log.debug(`timings: ${JSON.stringify(result.timings)}`);
    } finally {
      bar?.stop();
    }
  });
}
