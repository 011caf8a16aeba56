import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
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

/**
 * chokidar drops a second 'change' of a file within 50 ms of the one it reported (its `_throttle('change', path,
 * 50)`), and never reports it later: a file saved twice in quick succession (a formatter rewriting it on save, a
 * script writing it twice) kept the first save's text on every screen. So each reported change is looked at once
 * more after that window (an added one too: its first write may follow at once), and reported again if the file
 * has changed since (tests/serve/watch.test.ts).
 */
const RECHECK_MS = 80;

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
  const rechecks = new Set<NodeJS.Timeout>();
  const recheck = (path: string, seen: Stats | undefined) => {
    const timer = setTimeout(async () => {
      rechecks.delete(timer);
      const now = await stat(path).catch(() => undefined);
      // Gone since: chokidar reports the unlink itself.
      if (now && (!seen || now.mtimeMs !== seen.mtimeMs || now.size !== seen.size || now.ino !== seen.ino)) options.onChange(path);
    }, RECHECK_MS);
    rechecks.add(timer);
  };
  watcher.on('unlink', (path: string) => options.onChange(resolve(path)));
  for (const event of ['add', 'change'] as const) {
    watcher.on(event, (path: string, stats?: Stats) => {
      options.onChange(resolve(path));
      recheck(resolve(path), stats);
    });
  }
  watcher.on('error', (error) => options.logger.warn(`file watching: ${(error as Error).message}`));
  await new Promise<void>((done) => watcher.once('ready', () => done()));
  return {
    update(next) {
      const known = new Set(paths(set));
      const added = paths(next).filter((path) => !known.has(path));
      remember(next);
      if (added.length > 0) watcher.add(added);
    },
    close: () => {
      for (const timer of rechecks) clearTimeout(timer);
      rechecks.clear();
      return watcher.close();
    },
  };
}
