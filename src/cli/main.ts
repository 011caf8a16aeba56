import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { isDeckError } from '../core/errors.js';
import { packageRoot } from '../render/paths.js';
import { registerBuild } from './commands/build.js';
import { registerDoctor } from './commands/doctor.js';
import { registerInit } from './commands/init.js';
import { registerNotes } from './commands/notes.js';
import { registerPdf } from './commands/pdf.js';
import { registerRehearse } from './commands/rehearse.js';
import { registerServe } from './commands/serve.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';

function version(): string {
  return (JSON.parse(readFileSync(`${packageRoot()}/package.json`, 'utf8')) as { version: string }).version;
}

export function createProgram(): Command {
  const program = new Command('deck')
    .description('Markdown sections → reveal.js deck, PDF slides and handouts, live presenting and rehearsal')
    .version(version(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  // Each command loads what it needs inside its action, so `deck build` never loads puppeteer or ws.
  registerBuild(program);
  registerPdf(program);
  registerServe(program);
  registerRehearse(program);
  registerNotes(program);
  registerInit(program);
  registerDoctor(program);
  return program;
}

/** Run the CLI: the only place that reads argv and decides the exit status. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.Ok : ExitCode.BadInput;
    }
    const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
    const red = pc.createColors(color).red;
    if (isDeckError(error)) {
      process.stderr.write(`${red('error:')} ${error.format()}\n`);
      return exitCodeFor(error.code);
    }
    process.stderr.write(`${red('error:')} ${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.Unexpected;
  }
}
