import type { Command } from 'commander';

/** `deck init`: not built yet (see the issue tracker). */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('(not available yet)')
    .action(() => {
      throw new Error('deck init is not implemented yet');
    });
}
