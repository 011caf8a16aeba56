import type { Command } from 'commander';

/** `deck doctor`: not built yet (see the issue tracker). */
export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('(not available yet)')
    .action(() => {
      throw new Error('deck doctor is not implemented yet');
    });
}
