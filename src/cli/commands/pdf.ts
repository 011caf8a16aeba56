import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { FindBrowserOptions, StartedChromium } from '../../browser/index.js';
import type { PartialConfig } from '../../config/schema.js';
import { isDeckError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { deckTargets, expandDecks, type DeckTarget } from '../deck-list.js';
import { ExitError, exitCodeFor } from '../exit-codes.js';
import { addCommonOptions, browserChoice, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { formatPhases } from '../phases.js';
import { formatSummary } from '../summary.js';
import { formatWarning, plural } from '../../core/warnings.js';

interface PdfOptions extends CommonOptions {
  handout?: 'notes' | '2up' | '3up' | '6up' | false;
  paper?: 'A4' | 'letter';
  fragments?: boolean;
  strict?: boolean;
  slides?: boolean;
  jobs?: number;
}

/**
 * Decks exported at once by default: one per core, at least two (a page waiting on Chromium's PDF backend
 * leaves the CPU to another deck's layout), at most four (each page holds a deck's layout in memory).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.min(4, Math.max(2, cores));
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(`a whole number from 1 to 64 is needed, not "${value}"`);
  return n;
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

function exportOptions(options: PdfOptions, log: Logger, find: FindBrowserOptions, started: StartedChromium | undefined) {
  return {
    started,
    flags: pdfFlags(options),
    configFile: options.config,
    templates: options.templates,
    slides: options.slides,
    handout: options.handout === false ? (false as const) : undefined,
    find,
    logger: log,
  };
}

async function exportOne(
  target: DeckTarget,
  options: PdfOptions,
  log: Logger,
  startup: number,
  find: FindBrowserOptions,
  started: StartedChromium | undefined,
): Promise<void> {
  const loading = performance.now();
  const { exportPdf } = await import('../../export/export.js');
  const modules = Math.round(performance.now() - loading);
  const bar = log.interactive ? (await import('../../export/progress-bar.js')).createProgressBar() : undefined;
  try {
    const result = await exportPdf(target.input, {
      ...exportOptions(options, log, find, started),
      outDir: target.outDir,
      onProgress: bar?.update,
    });
    bar?.stop();
    for (const warning of result.deck.warnings) log.warn(formatWarning(warning));
    const made = [
      result.slides && `${result.slides.path} (${plural(result.slides.pages, 'page')})`,
      result.handout && `${result.handout.path} (${result.handout.layout}, ${plural(result.handout.pages, 'page')})`,
    ].filter(Boolean);
    log.success(`exported ${plural(result.deck.slides.length, 'slide')} → ${made.join(', ') || 'nothing'} (${result.timings.total} ms)`);
    log.debug(formatPhases({ startup, modules, ...result.timings, wall: Math.round(performance.now()) }));
  } finally {
    bar?.stop();
  }
}

/** An error in one line for the summary table: its first line, and the first problem when it lists some. */
function oneLine(error: unknown): string {
  const text = isDeckError(error) ? error.format() : error instanceof Error ? error.message : String(error);
  const lines = text.split('\n').map((line) => line.trim());
  const first = lines[0] ?? '';
  const problem = lines.find((line) => line.startsWith('- '));
  return problem && first.endsWith(':') ? problem.slice(2) : first;
}

async function exportSeveral(
  targets: DeckTarget[],
  options: PdfOptions,
  log: Logger,
  find: FindBrowserOptions,
  chromium: StartedChromium | undefined,
): Promise<void> {
  const { exportBatch } = await import('../../export/batch.js');
  const jobs = options.jobs ?? defaultJobs();
  log.info(`exporting ${targets.length} decks, ${jobs} at a time, in one browser`);
  const names = new Map(targets.map((target) => [target.input, target.name]));
  const started = performance.now();
  let finished = 0;
  const outcomes = await exportBatch(targets, {
    ...exportOptions(options, log, find, chromium),
    jobs,
    onDeck: (event) => {
      if (event.type === 'start') return;
      finished++;
      const name = names.get(event.deck.input) ?? event.deck.input;
      const progress = `[${finished}/${targets.length}]`;
      if (event.ok) {
        for (const warning of event.result.deck.warnings) log.warn(`${name}: ${formatWarning(warning)}`);
        const pdfs = [event.result.slides?.path, event.result.handout?.path].filter(Boolean).join(', ');
        log.success(`${progress} ${name}: ${plural(event.result.deck.slides.length, 'slide')} → ${pdfs || 'nothing'} (${event.ms} ms)`);
        log.debug(formatPhases(event.result.timings));
      } else {
        log.error(
          `${progress} ${name}: ${isDeckError(event.error) ? event.error.format() : String((event.error as Error)?.stack ?? event.error)}`,
        );
      }
    },
  });
  const failed = outcomes.filter((outcome) => !outcome.ok);
  log.info(
    `\n${formatSummary(
      outcomes.map((outcome) => ({
        deck: names.get(outcome.deck.input) ?? outcome.deck.input,
        slides: outcome.ok ? outcome.result.deck.slides.length : undefined,
        ms: outcome.ms,
        result: outcome.ok ? 'ok' : `failed: ${oneLine(outcome.error)}`,
      })),
    )}\n${targets.length - failed.length} of ${targets.length} decks exported in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const first = failed[0];
  if (first && !first.ok) {
    throw new ExitError(
      exitCodeFor(isDeckError(first.error) ? first.error.code : undefined),
      `${failed.length} of ${targets.length} decks failed`,
    );
  }
}

export function registerPdf(program: Command): void {
  addCommonOptions(
    program
      .command('pdf')
      .description('build the deck and export dist/deck.pdf (the slides) and dist/handout.pdf (for the audience)')
      .argument('[decks...]', 'folders, Markdown files or quoted globs (several: each into DIR/<deck>/)', ['slides'])
      .addOption(new Option('--handout <layout>', 'handout layout (default: notes)').choices(['notes', '2up', '3up', '6up']))
      .option('--no-handout', 'do not write handout.pdf')
      .option('--no-slides', 'do not write deck.pdf')
      .addOption(new Option('--paper <size>', 'handout paper (default: A4)').choices(['A4', 'letter']))
      .option('--fragments', 'give every fragment step its own page (a slide opts out with data-pdf-fragments="false")')
      .option('--no-fragments', 'one page per slide, in its final state (the default; data-pdf-fragments="true" opts in)')
      .option('--strict', 'fail when an export check finds a problem (the default)')
      .option('--no-strict', 'only warn about export check problems, and write the PDFs anyway')
      .addOption(
        new Option('-j, --jobs <n>', `with several decks: how many to export at once (default: ${defaultJobs()})`).argParser(parseJobs),
      ),
  )
    .addHelpText(
      'after',
      examples([
        ['deck pdf my-talk', 'my-talk → dist/deck.pdf and dist/handout.pdf'],
        ['deck pdf my-talk --no-handout', 'the slides only'],
        ['deck pdf lectures/* -o out', 'every lecture → out/<lecture>/, one browser'],
        ["deck pdf 'course/**/*.md' --jobs 2", 'a quoted glob, two decks at a time'],
      ]) +
        '\nWith several decks, one failure does not stop the others: a table sums up, and the exit status is that\n' +
        "of the first deck that failed. A failed export leaves that deck's output folder exactly as it was.\n",
    )
    .action(async (deckArgs: string[], options: PdfOptions) => {
      const startup = Math.round(performance.now());
      const log = loggerFor(options);
      const find = browserChoice(options);
      // Chromium first, before the export and the renderer load: its start-up, the longest wait before the page
      // can load, runs while they load and the deck builds. The export connects to it and closes it.
      const [{ startFoundChromium }, { onStopSignal }] = await Promise.all([
        import('../../browser/start.js'),
        import('../../browser/signals.js'),
      ]);
      // Listening before Chromium starts: from its first moment on, Ctrl+C ends it and removes its profile before
      // the run ends (the export's own session does the same once it has connected).
      let started: StartedChromium | undefined;
      const stopListening = onStopSignal(async () => await started?.discard(), { logger: log });
      // A running browser (--browser-url) is connected to by the export itself: nothing to start.
      if (!find.url) started = await startFoundChromium(find, log);
      try {
        const targets = deckTargets(await expandDecks(deckArgs), options.out);
        if (targets.length === 1) await exportOne(targets[0]!, options, log, startup, find, started);
        else await exportSeveral(targets, options, log, find, started);
      } finally {
        stopListening();
        // Closed already when an export connected to it; ended here when the command failed before that.
        await started?.discard();
      }
    });
}
