import { InvalidArgumentError, Option, type Command } from 'commander';
import pc from 'picocolors';
import { parseBrowserUrl } from '../browser/browser-url.js';
import type { FindBrowserOptions } from '../browser/find.js';
import type { PartialConfig } from '../config/schema.js';
import { createLogger, type Logger } from '../core/log.js';

/** Flags every command shares, spelled the same everywhere. */
export interface CommonOptions {
  out: string;
  theme?: string;
  config?: string;
  templates?: string;
  browser?: string;
  browserUrl?: string;
  timeout?: number;
  quiet?: boolean;
  verbose?: boolean;
}

/** `--timeout 30000`, `--timeout 30s`, `--timeout 2m` → milliseconds; anything else is a usage error (exit 2). */
export function parseTimeout(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(value);
  const n = match ? Number(match[1]) * (match[2] === 's' ? 1000 : match[2] === 'm' ? 60_000 : 1) : NaN;
  if (!Number.isFinite(n) || n < 1 || n > 2_147_483_647) {
    throw new InvalidArgumentError(`a positive number of milliseconds is needed (e.g. 30000, 30s or 2m), not "${value}"`);
  }
  return Math.round(n);
}

/** Which of the shared flags a command takes: its --help lists only the options it uses. */
export interface CommonParts {
  /** -o: its description and default (none: the flag is unset unless given). Default: 'output folder', dist. */
  out?: { description: string; default?: string } | false;
  /** --browser and --timeout (commands that start Chromium). Default true. */
  browser?: boolean;
  /** --theme and --templates (commands that render the deck). Default true. */
  render?: boolean;
}

export function addCommonOptions(command: Command, parts: CommonParts = {}): Command {
  const out = parts.out ?? { description: 'output folder', default: 'dist' };
  if (out) command.option('-o, --out <dir>', out.description, out.default);
  if (parts.render ?? true) {
    command.option('--theme <name>', 'theme: gpt, gpt-dark, a reveal.js theme (white, black, …) or a .css path');
  }
  command.option('--config <file>', 'config file (default: deck.config.yaml|yml|json beside the slides)');
  if (parts.render ?? true) command.option('--templates <dir>', 'folder of templates overriding the built-in ones');
  if (parts.browser ?? true) {
    command
      .option('--browser <path>', 'Chromium or Chrome to use (else CHROME_PATH, then the usual places)')
      .addOption(
        new Option(
          '--browser-url <url>',
          'use the Chromium running at this DevTools URL (this machine) instead of launching one (else DECK_BROWSER_URL)',
        ).conflicts('browser'),
      )
      .addOption(new Option('--timeout <ms>', 'give up on the browser after this long (ms, or 30s, 2m)').argParser(parseTimeout));
  }
  return command.option('-q, --quiet', 'print only warnings and errors').option('--verbose', 'print more detail');
}

/**
 * Which browser a command uses: `--browser-url`, else `--browser PATH` (a flag over the environment), else
 * `DECK_BROWSER_URL`, else the search (CHROME_PATH, …; src/browser/find.ts). A URL that is not a loopback DevTools
 * endpoint is refused here, before anything runs: `DeckError(BrowserNotFound)` naming it (exit 3). Not a config
 * key: the browser belongs to the machine, not to the deck.
 */
export function browserChoice(
  options: Pick<CommonOptions, 'browser' | 'browserUrl'>,
  env: NodeJS.ProcessEnv = process.env,
): FindBrowserOptions {
  if (options.browserUrl !== undefined) {
    parseBrowserUrl(options.browserUrl, '--browser-url');
    return { url: options.browserUrl.trim() };
  }
  if (options.browser) return { flag: options.browser };
  const fromEnv = env.DECK_BROWSER_URL?.trim();
  if (fromEnv) {
    parseBrowserUrl(fromEnv, 'DECK_BROWSER_URL');
    return { url: fromEnv };
  }
  return {};
}

/** The settings layer the flags make (the highest precedence). */
export function flagsToConfig(options: CommonOptions): PartialConfig {
  const flags: PartialConfig = {};
  if (options.theme) flags.theme = options.theme;
  if (options.timeout) flags.pdf = { timeout: options.timeout };
  return flags;
}

/**
 * Whether to colour what goes to a stream: only a terminal, never with NO_COLOR set (any value, see
 * no-color.org); FORCE_COLOR (not "0"/"false") forces it, as in commander and picocolors.
 */
export function colorFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY);
}

/** picocolors functions, on or off for a stream. */
export function colorsFor(stream: NodeJS.WriteStream): ReturnType<typeof pc.createColors> {
  return pc.createColors(colorFor(stream));
}

export function loggerFor(options: Pick<CommonOptions, 'quiet' | 'verbose'>): Logger {
  return createLogger({
    level: options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal',
    color: colorFor(process.stderr),
    interactive: Boolean(process.stdout.isTTY),
  });
}

/** `Examples:` after a command's help: [command line, what it does]. */
export function examples(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([cmd]) => cmd.length));
  return `\nExamples:\n${rows.map(([cmd, what]) => `  $ ${cmd.padEnd(width)}  ${what}`).join('\n')}\n`;
}
