import { Option, type Command } from 'commander';
import { ExitError } from '../exit-codes.js';
import { examples, parseTimeout } from '../options.js';
import type { DoctorOptions } from './doctor-checks.js';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('check that this machine can build, export and serve decks (Node, Chromium, CJK fonts, output folder)')
    .option('-o, --out <dir>', 'output folder to check for write access', 'dist')
    .option('--browser <path>', 'Chromium or Chrome to check (else CHROME_PATH, then the usual places)')
    .addOption(new Option('--timeout <ms>', 'how long the browser may take to start (ms, or 30s)').argParser(parseTimeout))
    .option('-q, --quiet', 'print only the failed checks')
    .option('--verbose', 'print more detail')
    .addHelpText(
      'after',
      `${examples([
        ['deck doctor', 'check everything'],
        ['deck doctor --browser /opt/chrome/chrome', 'check a particular browser'],
        ['deck doctor -o /srv/www/talk', 'check that the output folder can be written'],
      ])}\nExits 0 when every check passes; else with the code of the first failure (3 browser, 6 output folder, 1 other).\n`,
    )
    .action(async (options: DoctorOptions & { quiet?: boolean }) => {
      const { runDoctor, formatChecks } = await import('./doctor-checks.js');
      const results = await runDoctor(options);
      const shown = options.quiet ? results.filter((r) => !r.ok) : results;
      if (shown.length > 0) process.stdout.write(`${formatChecks(shown)}\n`);
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) {
        throw new ExitError(
          failed[0]!.exitCode,
          `${failed.length} of ${results.length} ${results.length === 1 ? 'check' : 'checks'} failed`,
        );
      }
    });
}
