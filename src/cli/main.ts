import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { isDeckError } from '../core/errors.js';
import { packageRoot } from '../render/paths.js';
import { registerBuild } from './commands/build.js';
import { registerDoctor } from './commands/doctor.js';
import { registerInit } from './commands/init.js';
import { registerNotes } from './commands/notes.js';
import { registerPdf } from './commands/pdf.js';
import { registerPng } from './commands/png.js';
import { registerPptx } from './commands/pptx.js';
import { registerRehearse } from './commands/rehearse.js';
import { registerServe } from './commands/serve.js';
import { outliveClosedPipes } from './closed-pipe.js';
import { ExitCode, ExitError, exitCodeFor } from './exit-codes.js';
import { colorsFor, examples } from './options.js';

function version(): string {
  return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
}

const EXIT_CODES = `
Exit codes:
  0 ok · 1 unexpected error · 2 bad input, config, template or usage · 3 browser missing or would not start
  4 export failed or timed out · 5 server failed (e.g. port in use) · 6 cannot read or write a file
  130 interrupted (Ctrl-C)
`;

export function createProgram(): Command {
  const stderr = colorsFor(process.stderr);
  const program = new Command('deck')
    .description('Markdown sections → reveal.js deck, PDF slides and handouts, live presenting and rehearsal')
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also: deck <command> --help)')
    .configureHelp({ styleTitle: (text) => `\x1b[1m${text}\x1b[22m` })
    .configureOutput({ outputError: (text, write) => write(stderr.red(text)) })
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        ['deck init my-talk', 'scaffold a sample deck'],
        ['deck build my-talk -o my-talk/dist', 'build it into my-talk/dist/index.html'],
        ['deck pdf my-talk', 'export slides and handout PDFs'],
        ['deck serve my-talk', 'present with live reload'],
        ['deck doctor', 'check Node, Chromium and fonts'],
      ]) + EXIT_CODES,
    );
  // Each command loads what it needs inside its action, so `deck build` never loads puppeteer or ws.
  registerBuild(program);
  registerPdf(program);
  registerPptx(program);
  registerPng(program);
  registerServe(program);
  registerRehearse(program);
  registerNotes(program);
  registerInit(program);
  registerDoctor(program);
  program.showHelpAfterError("(run 'deck --help' for the commands)");
  for (const command of program.commands) {
    command.showHelpAfterError(`(run 'deck ${command.name()} --help' for its usage)`);
  }
  return program;
}

/** Run the CLI: the only place that reads argv and decides the exit status. */
export async function main(argv: string[] = process.argv): Promise<number> {
  outliveClosedPipes(process.stdout, process.stderr);
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return ExitCode.Ok;
  } catch (error) {
    // Commander has already printed its message (unknown option, bad value, …) and the help hint.
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    const red = colorsFor(process.stderr).red;
    if (error instanceof ExitError) {
      if (error.message) process.stderr.write(`${red('error:')} ${error.message}\n`);
      return error.exitCode;
    }
    if (isDeckError(error)) {
      process.stderr.write(`${red('error:')} ${error.format()}\n`);
      return exitCodeFor(error.code);
    }
    process.stderr.write(`${red('error:')} ${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.Unexpected;
  }
}
