import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { packageRoot } from '../render/paths.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The folders of the server's own pages (templates/serve) and bundled scripts (lib/client, from src/client). */
export function clientDirs(): readonly string[] {
  return [join(packageRoot(), 'templates', 'serve'), join(packageRoot(), 'lib', 'client')];
}

export interface ClientAsset {
  readonly body: Buffer;
  readonly type: string;
}

/**
 * The server's own files, by name: only what is in those folders (read at request time, so they can be
 * edited while serving), never a path built from the request. A name in an earlier folder wins.
 */
export async function clientAssets(dirs = clientDirs()): Promise<(name: string) => Promise<ClientAsset | undefined>> {
  const where = new Map<string, string>();
  for (const dir of [...dirs].reverse()) {
    for (const name of await readdir(dir)) if (TYPES[extname(name)] !== undefined) where.set(name, dir);
  }
  return async (name) => {
    const dir = where.get(name);
    if (dir === undefined) return undefined;
    return { body: await readFile(join(dir, name)), type: TYPES[extname(name)]! };
  };
}
