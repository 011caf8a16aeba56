import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { isDeckError } from '../../core/errors.js';
import type { Logger } from '../../core/log.js';
import { runPool } from '../../core/pool.js';
import { deckTargets, expandDecks, type DeckTarget } from '../deck-list.js';
import { ExitError, exitCodeFor } from '../exit-codes.js';
import { addCommonOptions, browserChoice, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { formatSummary } from '../summary.js';
import { formatWarning, plural } from '../../core/warnings.js';

/** Builds run on Node's one thread; two at a time overlap one deck's file copies with another's rendering. */
const BUILD_JOBS = 2;

interface BuildFlags extends CommonOptions {
  singleFile?: boolean;
}

async function buildOneSingleFile(target: DeckTarget, options: BuildFlags, log: Logger): Promise<number> {
  const { buildSingleFile } = await import('../../export/single/single-file.js');
  const result = await buildSingleFile(target.input, {
    outDir: target.outDir,
    flags: flagsToConfig(options),
    configFile: options.config,
    templates: options.templates,
    find: browserChoice(options),
    logger: log,
  });
  for (const warning of result.deck.warnings) log.warn(formatWarning(warning));
  for (const font of result.fonts) log.debug(`font ${font.postScriptName}: ${font.chars} characters, ${font.bytes} bytes`);
  const size = `${(result.bytes / 1024 / 1024).toFixed(2)} MB`;
  log.success(`built ${plural(result.deck.slides.length, 'slide')} → ${result.path}, one file of ${size} (${result.timings.total} ms)`);
  return result.deck.slides.length;
}

async function buildOne(target: DeckTarget, options: BuildFlags, log: Logger): Promise<number> {
  if (options.singleFile) return buildOneSingleFile(target, options, log);
  const started = performance.now();
  const { buildDeck, writeRendered, linkPreviewTags, withLinkPreview } = await import('../../render/index.js');
  const { deck, rendered: page } = await buildDeck(target.input, {
    flags: flagsToConfig(options),
    configFile: options.config,
    templates: options.templates,
  });
  for (const warning of deck.warnings) log.warn(formatWarning(warning));
  log.debug(
    `${target.name}: ${plural(deck.files.length, 'source file')}, ${plural(deck.assets.length, 'asset')}, theme ${deck.config.theme}`,
  );
  // A deck with a url gets link-preview tags; og:image once `deck png` has written thumbnail.png beside it.
  const hasThumbnail = existsSync(join(target.outDir, 'thumbnail.png'));
  if (deck.config.url && !hasThumbnail)
    log.info(`no ${join(target.outDir, 'thumbnail.png')} for og:image yet: run deck png -o ${target.outDir} first`);
  const rendered = { ...page, html: withLinkPreview(page.html, linkPreviewTags(deck, hasThumbnail)) };
  const index = await writeRendered(target.outDir, rendered);
  log.success(`built ${plural(deck.slides.length, 'slide')} → ${index} (${Math.round(performance.now() - started)} ms)`);
  return deck.slides.length;
}

export function registerBuild(program: Command): void {
  addCommonOptions(
    program
      .command('build')
      .description('build a deck (a folder of Markdown files or one .md file) into index.html and its assets')
      .argument('[decks...]', 'folders, Markdown files or quoted globs (several: each into DIR/<deck>/)', ['slides'])
      .option('--single-file', 'one self-contained index.html (assets, subset fonts, presenter window) that works offline'),
  )
    .addHelpText(
      'after',
      examples([
        ['deck build', 'build slides/ into dist/'],
        ['deck build talk.md -o public', 'a single-file deck (reveal-md style) into public/'],
        ['deck build my-talk --theme white', "use a reveal.js theme instead of the deck's"],
        ['deck build my-talk --config other.yaml', 'settings from another config file'],
        ['deck build my-talk --templates my-templates', 'override layouts/partials/page.hbs'],
        ["deck build 'lectures/*' -o site", 'every lecture into site/<lecture>/'],
        ['deck build --single-file -o share', 'share/index.html with everything inside; P opens the presenter window'],
        ['deck build --single-file --browser /usr/bin/chromium --timeout 2m', 'the browser that lays the deck out, and its time limit'],
      ]) +
        "\nSettings: defaults < deck.config.yaml|yml|json < the first file's front matter < flags.\n" +
        '--browser and --timeout matter with --single-file, which lays the deck out in Chromium to find its fonts.\n' +
        'Nothing is written unless the whole build succeeds: a failed build leaves the output folder as it was.\n' +
        'With several decks, one failure does not stop the others; a table sums up, and the exit status is that\n' +
        'of the first deck that failed.\n',
    )
    .action(async (deckArgs: string[], options: BuildFlags) => {
      const log = loggerFor(options);
      const targets = deckTargets(await expandDecks(deckArgs), options.out);
      if (targets.length === 1) {
        await buildOne(targets[0]!, options, log);
        return;
      }
      const outcomes = await runPool(targets, BUILD_JOBS, async (target) => {
        const started = performance.now();
        try {
          const slides = await buildOne(target, options, log);
          return { target, slides, ms: performance.now() - started, error: undefined };
        } catch (error) {
          log.error(`${target.name}: ${isDeckError(error) ? error.format() : String((error as Error)?.stack ?? error)}`);
          return { target, slides: undefined, ms: performance.now() - started, error };
        }
      });
      const failed = outcomes.filter((outcome) => outcome.error !== undefined);
      log.info(
        `\n${formatSummary(
          outcomes.map((outcome) => ({
            deck: outcome.target.name,
            slides: outcome.slides,
            ms: outcome.ms,
            result:
              outcome.error === undefined
                ? 'ok'
                : `failed: ${isDeckError(outcome.error) ? outcome.error.message.split('\n')[0] : String(outcome.error)}`,
          })),
        )}\n${targets.length - failed.length} of ${targets.length} decks built`,
      );
      const first = failed[0];
      if (first)
        throw new ExitError(
          exitCodeFor(isDeckError(first.error) ? first.error.code : undefined),
          `${failed.length} of ${targets.length} decks failed`,
        );
    });
}
