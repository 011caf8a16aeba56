import { Option, type Command } from 'commander';
import type { PartialConfig } from '../config/schema.js';
import { createLogger, type Logger } from '../core/log.js';

/** Flags every command shares, spelled the same everywhere. */
export interface CommonOptions {
  out: string;
  theme?: string;
  config?: string;
  templates?: string;
  browser?: string;
  timeout?: number;
  quiet?: boolean;
  verbose?: boolean;
}

const parseMs = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--timeout wants a number of milliseconds, got "${value}"`);
  return n;
};

export function addCommonOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--theme <name>', 'theme: gpt, gpt-dark, a reveal.js theme (white, black, …) or a .css path')
    .option('--config <file>', 'config file (default: deck.config.yaml|yml|json beside the slides)')
    .option('--templates <dir>', 'folder of templates overriding the built-in ones')
    .option('--browser <path>', 'Chromium or Chrome to use (else CHROME_PATH, then the usual places)')
    .addOption(new Option('--timeout <ms>', 'give up on the browser after this many milliseconds').argParser(parseMs))
    .option('-q, --quiet', 'print only warnings and errors')
    .option('--verbose', 'print more detail');
}

/** The settings layer the flags make (the highest precedence). */
export function flagsToConfig(options: CommonOptions): PartialConfig {
  const flags: PartialConfig = {};
  if (options.theme) flags.theme = options.theme;
  if (options.timeout) flags.pdf = { timeout: options.timeout };
  return flags;
}

export function loggerFor(options: Pick<CommonOptions, 'quiet' | 'verbose'>): Logger {
  const tty = Boolean(process.stdout.isTTY);
  return createLogger({
    level: options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal',
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    interactive: tty,
  });
}
