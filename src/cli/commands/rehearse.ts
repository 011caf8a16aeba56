import { join } from 'node:path';
import type { Command } from 'commander';
import { addCommonOptions, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { firstStopSignal } from '../stop-signal.js';
import { plural } from '../../core/warnings.js';

interface RehearseOptions extends CommonOptions {
  host?: string;
  port: string;
  allowHost: string[];
  report?: boolean;
  apply?: boolean;
  force?: boolean;
  last?: boolean;
}

/** `deck rehearse`: rehearse with the deck served and every slide timed; report; apply the times as the plan. */
export function registerRehearse(program: Command): void {
  const command = addCommonOptions(
    program
      .command('rehearse')
      .description('rehearse the talk: serve the deck, time every slide, save and report the rehearsal')
      .argument('[deck]', 'folder or Markdown file', 'slides')
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option('--port <n>', 'port (the next free one is used if it is taken; 0: any free one)', '4000')
      .option(
        '--allow-host <name>',
        'also answer to this host name (a tunnel or proxy); repeatable',
        (value: string, previous: string[]) => [...previous, value],
        [],
      )
      .option('--report', 'also write the report as HTML with charts (beside the rehearsal, or in -o DIR if given)')
      .option('--apply', 'make the last rehearsal the timing plan (timings.json beside the slides) and exit')
      .option('--force', 'with --apply: apply a rehearsal that skipped slides or ran far shorter than the plan')
      .option('--last', 'report on the last rehearsal instead of recording a new one'),
    { browser: false, out: { description: 'folder for the HTML report of --report (default: beside the rehearsal)' } },
  ).addHelpText(
    'after',
    examples([
      ['deck rehearse', 'rehearse slides/: open the presenter URL it prints, present, press "Finish rehearsal", open the report'],
      ['deck rehearse my-talk --report', 'also write the report as HTML with charts'],
      ['deck rehearse my-talk --last', 'the report of the last rehearsal again'],
      ['deck rehearse my-talk --apply', "make the last rehearsal's times the timing plan (timings.json)"],
    ]),
  );
  command.action(async (deckPath: string, options: RehearseOptions) => {
    const log = loggerFor(options);
    const flags = flagsToConfig(options);
    const rehearse = await import('../../rehearse/index.js');
    const reportTarget = (rehearsalPath: string) =>
      command.getOptionValueSource('out') === 'cli' ? join(options.out, 'rehearsal-report.html') : rehearse.reportPathFor(rehearsalPath);

    if (options.apply) {
      const result = await rehearse.applyLastRehearsal(deckPath, {
        flags,
        configFile: options.config,
        logger: log,
        force: options.force,
      });
      const kept = result.changes.filter((c) => c.kept).length;
      log.info(`from ${result.from}:`);
      for (const change of result.changes.filter((c) => c.before !== c.after)) {
        log.info(`  ${change.id.padEnd(12)} ${rehearse.clock(change.before)} → ${rehearse.clock(change.after)}  ${change.title}`);
      }
      if (kept > 0) log.info(`  ${kept} slide(s) keep the timing set in their Markdown`);
      log.success(
        `plan ${rehearse.clock(result.before.totalTime)} → ${rehearse.clock(result.after.totalTime)}; wrote ${result.path} (the Markdown is unchanged)`,
      );
      return;
    }

    if (options.last) {
      const { loadDeck } = await import('../../content/index.js');
      const deck = await loadDeck(deckPath, { flags, configFile: options.config });
      const last = await rehearse.lastRehearsal(deck, log);
      process.stdout.write(rehearse.reportText(last.rehearsal));
      if (options.report) log.success(`report → ${await rehearse.writeReport(reportTarget(last.path), last.rehearsal, last.history)}`);
      return;
    }

    const { startServer, parsePort } = await import('../../serve/index.js');
    const port = parsePort(options.port);
    const stop = firstStopSignal();
    try {
      const session = await rehearse.startRehearsal({
        deck: deckPath,
        serve: startServer,
        flags,
        configFile: options.config,
        templates: options.templates,
        host: options.host,
        port,
        allowedHosts: options.allowHost,
        logger: log,
      });
      for (const item of session.recovered) if (item.saved) log.info(`saved an interrupted rehearsal: ${item.saved}`);
      const urls = session.server;
      log.info(
        `rehearsing “${session.deck.config.title}”: ${plural(session.deck.slides.length, 'slide')}, ${rehearse.clock(session.deck.totalTime)} planned`,
      );
      const estimate = rehearse.estimateNote(session.deck);
      if (estimate) log.info(`  ${estimate}`);
      log.info(`  presenter view (notes, pacing):  ${urls.presenterUrl}`);
      log.info(`  or the deck alone:               ${urls.presenterDeckUrl}`);
      log.info('finish with the "Finish rehearsal" button on the page (it links the report), or Ctrl+C here');
      let result: Awaited<typeof session.done>;
      try {
        result = await Promise.race([session.done, stop.signal.then(() => session.finish('signal'))]);
        if (result.rehearsal && result.path && session.reportPath) {
          // Finished on the page, which links the report: the server stays to serve it until Ctrl+C.
          process.stdout.write(rehearse.reportText(result.rehearsal));
          log.success(`saved ${result.path}`);
          log.success(`report → ${session.reportPath}`);
          log.info(`  the page links it: ${session.reportUrl}`);
          log.info('Ctrl+C to stop the server');
          await stop.signal;
        }
      } finally {
        await session.close();
      }
      if (!result.rehearsal || !result.path) {
        log.warn('nothing was recorded (no page was opened), so no rehearsal was saved');
        return;
      }
      if (!session.reportPath) {
        process.stdout.write(rehearse.reportText(result.rehearsal));
        log.success(`saved ${result.path}`);
      }
      if (options.report && reportTarget(result.path) !== session.reportPath) {
        const { loadHistory } = rehearse;
        const history = await loadHistory(session.deck, log);
        log.success(`report → ${await rehearse.writeReport(reportTarget(result.path), result.rehearsal, history)}`);
      }
    } finally {
      stop.dispose();
    }
  });
}
