import { createHash } from 'node:crypto';
import { dirname, extname, resolve, sep } from 'node:path';
import { copyFileAtomic } from '../core/fs.js';
import { DeckError } from '../core/errors.js';
import type { PartialConfig } from '../config/schema.js';
import type { DeckPacing } from '../core/pacing.js';
import { buildDeck, pacingOf, type RenderOptions, type TemplateSet } from '../render/index.js';
import { builtinTemplatesDir, builtinThemesDir } from '../render/paths.js';
import { onlySlidesChanged } from './html-diff.js';
import { splitNotes } from './notes.js';
import type { SlideNotes } from './protocol.js';
import { writeChanged, type WrittenFiles } from './output.js';
import type { WatchSet } from './watch.js';
import { join } from 'node:path';

export interface BuilderOptions {
  /** Deck folder or .md file. */
  deck: string;
  /** Whether `deck` is a folder (else one Markdown file). */
  deckIsDir: boolean;
  outDir: string;
  flags?: PartialConfig;
  configFile?: string;
  templates?: string;
  /** Everything passed to every build (the client script included). */
  renderOptions: RenderOptions;
}

export type BuildOutcome =
  | {
      ok: true;
      ms: number;
      kind: 'full';
      /** Whether index.html changed. */
      changed: boolean;
      /** Whether open pages must reload (not just swap their slides). */
      hard: boolean;
      /** Whether the notes or the timing plan changed (they are not in index.html). */
      notesChanged: boolean;
    }
  | { ok: true; ms: number; kind: 'copy'; css: string[]; other: string[] }
  | { ok: false; ms: number; error: Error };

export interface Builder {
  /** Build: everything, or (given the changed paths) only copy files that are copied verbatim, where that is enough. */
  build(changed?: ReadonlySet<string>): Promise<BuildOutcome>;
  /** What to watch, from the options and (once a build succeeded) from the deck itself. */
  watchSet(): WatchSet;
  readonly hasGoodBuild: boolean;
  /** The speaker notes and planned times of the last good build (the served page has none: see src/serve/notes.ts). */
  readonly notes: readonly SlideNotes[];
  /** The deck's pacing options of the last good build (left out of the served page's config). */
  readonly pacing: DeckPacing;
  /** The output paths (relative, with `/`) the last good build wrote, index.html included: all the server may serve. */
  readonly served: ReadonlySet<string>;
  /**
   * What the last good build shows the audience, as a short hash of its page ('' before one): the same deck built
   * by another run of the server has the same digest, an edited one another (pages compare it when they
   * reconnect). Not of the notes or the plan: every page is told the digest, and an audience page learnt from it
   * when the speaker edited a note, and reloaded for it on its next reconnect.
   */
  readonly digest: string;
}

const inNodeModules = (path: string) => path.split(sep).includes('node_modules');

/** Builds the deck into the serve folder, remembering enough of the last good build to do less next time. */
export function createBuilder(options: BuilderOptions): Builder {
  let written: WrittenFiles = new Map();
  let lastHtml: string | undefined;
  /** Output paths of each file the build copies verbatim, by absolute source path. */
  let copies = new Map<string, string[]>();
  let lastOk = false;
  let notes: readonly SlideNotes[] = [];
  let pacing: DeckPacing = { totalTime: null, defaultTiming: null };
  let served: ReadonlySet<string> = new Set();
  /** Compiled templates, kept until a file in a template folder changes. */
  const templateCache = new Map<string, Promise<TemplateSet>>();
  const templateDirs = () => [builtinTemplatesDir(), ...watch.dirs.filter((dir) => dir !== root && dir !== builtinThemesDir())];
  const root = resolve(options.deckIsDir ? options.deck : dirname(options.deck));
  const watch: WatchSet = {
    dirs: [builtinTemplatesDir(), builtinThemesDir(), ...(options.deckIsDir ? [root] : [])],
    shallowDirs: options.deckIsDir ? [] : [root],
    files: [...(options.deckIsDir ? [] : [resolve(options.deck)]), ...(options.configFile ? [resolve(options.configFile)] : [])],
  };
  if (options.templates) watch.dirs.push(resolve(options.templates));

  const copyOnly = async (changed: ReadonlySet<string>, started: number): Promise<BuildOutcome | undefined> => {
    if (!lastOk || changed.size === 0) return undefined;
    const targets = [...changed].map((path) => copies.get(path));
    if (targets.some((t) => t === undefined)) return undefined;
    const css: string[] = [];
    const other: string[] = [];
    await Promise.all(
      [...changed].flatMap((source) =>
        copies.get(source)!.map(async (target) => {
          await copyFileAtomic(source, join(options.outDir, target));
          (extname(target) === '.css' ? css : other).push(target);
        }),
      ),
    );
    // The signature of a copied file changed: forget it so the next full build copies it again if needed.
    for (const list of targets) for (const target of list!) written.delete(target);
    return { ok: true, ms: performance.now() - started, kind: 'copy', css, other };
  };

  return {
    get hasGoodBuild() {
      return lastHtml !== undefined;
    },
    get notes() {
      return notes;
    },
    get pacing() {
      return pacing;
    },
    get served() {
      return served;
    },
    get digest() {
      if (lastHtml === undefined) return '';
      return createHash('sha256').update(lastHtml).digest('hex').slice(0, 16);
    },
    watchSet: () => ({ dirs: [...watch.dirs], shallowDirs: [...watch.shallowDirs], files: [...watch.files] }),
    async build(changed) {
      const started = performance.now();
      try {
        const quick = changed ? await copyOnly(changed, started) : undefined;
        if (quick) return quick;
        if (!changed || [...changed].some((path) => templateDirs().some((dir) => path.startsWith(dir + sep)))) {
          templateCache.clear();
        }
        const renderOptions: RenderOptions = { ...options.renderOptions, withoutPacing: true };
        const { deck, rendered: withNotes } = await buildDeck(options.deck, {
          ...renderOptions,
          flags: options.flags,
          configFile: options.configFile,
          templates: options.templates,
          templateCache,
        });
        const split = splitNotes(withNotes.html);
        const rendered = { ...withNotes, html: split.html };
        written = await writeChanged(options.outDir, rendered, written);
        copies = new Map();
        for (const file of rendered.files) {
          if (!('source' in file)) continue;
          copies.set(file.source, [...(copies.get(file.source) ?? []), file.target]);
        }
        // Files the deck brought in (its assets, a theme or templates named in its config) are watched too.
        const extraDirs = deck.config.templates && !options.templates ? [resolve(deck.root, deck.config.templates)] : [];
        for (const dir of extraDirs) if (!watch.dirs.includes(dir)) watch.dirs.push(dir);
        for (const source of copies.keys()) {
          if (!inNodeModules(source) && !watch.files.includes(source)) watch.files.push(source);
        }
        const hard = lastHtml === undefined || !onlySlidesChanged(lastHtml, rendered.html);
        const changedHtml = lastHtml !== rendered.html;
        lastHtml = rendered.html;
        const speakerBefore = JSON.stringify({ notes, pacing });
        notes = split.notes;
        pacing = pacingOf(deck, renderOptions);
        const notesChanged = JSON.stringify({ notes, pacing }) !== speakerBefore;
        served = new Set(['index.html', ...rendered.files.map((file) => file.target)]);
        lastOk = true;
        return { ok: true, ms: performance.now() - started, kind: 'full', changed: changedHtml, hard, notesChanged };
      } catch (error) {
        lastOk = false;
        return { ok: false, ms: performance.now() - started, error: error instanceof Error ? error : new Error(String(error)) };
      }
    },
  };
}

/** The error as pages show it. */
export function errorInfo(error: Error) {
  if (error instanceof DeckError) {
    return { message: error.message, file: error.file, line: error.line, hint: error.hint, text: error.format() };
  }
  return { message: error.message, text: error.message };
}
