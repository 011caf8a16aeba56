import { basename, dirname, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../core/log.js';

/** What to watch: folders with everything under them, folders with only their own files, single files. */
export interface WatchSet {
  dirs: string[];
  shallowDirs: string[];
  files: string[];
}

export interface DeckWatcher {
  /** Watch more (after a build found new assets or template folders). */
  update(set: WatchSet): void;
  close(): Promise<void>;
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', 'rehearsals']);
/** Editor droppings: swap, backup and temporary files. */
const EDITOR_TEMP = /(^\.#|^#.*#$|~$|\.swp$|\.swx$|\.tmp$|^4913$)/;

const within = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Watch the deck's sources with chokidar and call `onChange` with each changed, added or removed path. Dot
 * files, editor temp files, node_modules/dist/.git and the serve output folder are ignored. Resolves once the
 * initial scan is done, so a change made right after is seen.
 */
export async function watchDeck(
  initial: WatchSet,
  options: { ignoreDirs: string[]; logger: Logger; onChange: (path: string) => void },
): Promise<DeckWatcher> {
  const ignoreDirs = options.ignoreDirs.map((dir) => resolve(dir));
  let set: WatchSet = { dirs: [], shallowDirs: [], files: [] };
  const explicit = new Set<string>();
  const ignored = (path: string): boolean => {
    const absolute = resolve(path);
    if (explicit.has(absolute)) return false;
    if (ignoreDirs.some((dir) => within(absolute, dir))) return true;
    const name = basename(absolute);
    if (name.startsWith('.') || SKIPPED_DIRS.has(name) || EDITOR_TEMP.test(name)) return true;
    // Below a shallow folder (a one-file deck's folder), only its own files count.
    const deep = set.shallowDirs.some((dir) => within(absolute, dir) && absolute !== dir && dirname(absolute) !== dir);
    return deep && !set.dirs.some((dir) => within(absolute, dir));
  };
  const paths = (next: WatchSet) => [...next.dirs, ...next.shallowDirs, ...next.files].map((p) => resolve(p));
  const remember = (next: WatchSet) => {
    set = { dirs: next.dirs.map((d) => resolve(d)), shallowDirs: next.shallowDirs.map((d) => resolve(d)), files: next.files };
    for (const path of paths(next)) explicit.add(path);
  };
  remember(initial);
  const watcher: FSWatcher = watch(paths(initial), { ignoreInitial: true, ignored, persistent: true });
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, (path: string) => options.onChange(resolve(path)));
  watcher.on('error', (error) => options.logger.warn(`file watching: ${(error as Error).message}`));
  await new Promise<void>((done) => watcher.once('ready', () => done()));
  return {
    update(next) {
      const known = new Set(paths(set));
      const added = paths(next).filter((path) => !known.has(path));
      remember(next);
      if (added.length > 0) watcher.add(added);
    },
    close: () => watcher.close(),
  };
}
