import type { Command } from 'commander';

/** `deck serve`: not built yet (see the issue tracker). */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('(not available yet)')
    .action(() => {
      throw new Error('deck serve is not implemented yet');
    });
}
