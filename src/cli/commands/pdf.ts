import type { Command } from 'commander';

/** `deck pdf`: not built yet (see the issue tracker). */
export function registerPdf(program: Command): void {
  program
    .command('pdf')
    .description('(not available yet)')
    .action(() => {
      throw new Error('deck pdf is not implemented yet');
    });
}
