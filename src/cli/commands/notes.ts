import type { Command } from 'commander';

/** `deck notes`: not built yet (see the issue tracker). */
export function registerNotes(program: Command): void {
  program
    .command('notes')
    .description('(not available yet)')
    .action(() => {
      throw new Error('deck notes is not implemented yet');
    });
}
