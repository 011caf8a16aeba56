import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { packageRoot } from '../render/paths.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The folder of the server's own pages and scripts (templates/serve in the package). */
export function clientDir(): string {
  return join(packageRoot(), 'templates', 'serve');
}

export interface ClientAsset {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * The server's own files, by name: only what is in templates/serve (read at request time, so they can be
 * edited while serving), never a path built from the request.
 */
export async function clientAssets(dir = clientDir()): Promise<(name: string) => Promise<ClientAsset | undefined>> {
  const names = new Set((await readdir(dir)).filter((name) => TYPES[extname(name)] !== undefined));
  return async (name) => {
    if (!names.has(name)) return undefined;
    return { body: await readFile(join(dir, name)), type: TYPES[extname(name)]! };
  };
}
