/** The processes on this machine (Linux's /proc) that a test expects to be gone: Chromium, its helpers, fakes. */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * `pid command…` (the command cut to `width` characters) of every process whose command line includes `text`, or
 * for which `also(pid)` holds. A process that ends while it is read is skipped.
 */
export function processesNaming(text: string, options: { also?: (pid: string) => boolean; width?: number } = {}): string[] {
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (command.includes(text) || options.also?.(name)) found.push(`${name} ${command.slice(0, options.width ?? 100)}`);
    } catch {
      // It ended while we looked.
    }
  }
  return found;
}
