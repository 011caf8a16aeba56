import type { Command } from 'commander';

/** `deck rehearse`: not built yet (see the issue tracker). */
export function registerRehearse(program: Command): void {
  program
    .command('rehearse')
    .description('(not available yet)')
    .action(() => {
      throw new Error('deck rehearse is not implemented yet');
    });
}
