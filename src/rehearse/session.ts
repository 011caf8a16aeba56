/**
 * A rehearsal in progress: the deck served in rehearsal mode with the recorder's page script and routes, a
 * journal on disk from the first event on, and the saved rehearsal at the end. The server is given (the CLI
 * passes the dev server's `startServer`), so this module needs nothing of it but the options below.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { relative } from 'node:path';
import type { PartialConfig } from '../config/schema.js';
import { loadDeck } from '../content/deck.js';
import type { Deck } from '../content/types.js';
import type { Logger } from '../core/log.js';
import { currentProcess } from '../core/process-identity.js';
import type { RenderOptions } from '../render/render.js';
import { loadHistory, reportPathFor, writeReport } from './actions.js';
import { rehearsalClientHtml } from './client.js';
import { clock, signedClock } from './format.js';
import { createJournal } from './journal.js';
import type { EndedBy, JournalHeader, Rehearsal } from './model.js';
import { createRecorder, type Recorder } from './recorder.js';
import { ENDPOINT, REPORT_PATH, rehearsalRoute, type Route } from './routes.js';
import { deckNameOf, JOURNAL_SUFFIX, newRehearsalBase, recoverJournals, rehearsalsDirOf, saveRehearsal, type Recovered } from './store.js';

/** What the rehearsal needs of a server: the dev server's `startServer` fits. */
export type StartServer = (options: {
  deck: string;
  outDir?: string;
  host?: string;
  port?: number;
  token?: string;
  allowedHosts?: readonly string[];
  flags?: PartialConfig;
  configFile?: string;
  templates?: string;
  logger?: Logger;
  watch?: boolean;
  mode?: 'present' | 'rehearse';
  renderOptions?: RenderOptions;
  routes?: Route[];
}) => Promise<{ url: string; presenterUrl: string; presenterDeckUrl: string; port: number; close(): Promise<void> }>;

export type RehearsalServer = Awaited<ReturnType<StartServer>>;

export interface RehearsalOptions {
  deck: string;
  serve: StartServer;
  flags?: PartialConfig;
  configFile?: string;
  templates?: string;
  outDir?: string;
  host?: string;
  port?: number;
  token?: string;
  /** More host names the server answers to (`--allow-host`). */
  allowedHosts?: readonly string[];
  logger?: Logger;
  /** Rebuild on changes (default true). */
  watch?: boolean;
  /** Server time (epoch ms) and wall time for file names; given in tests. */
  clock?: () => number;
}

export interface RehearsalResult {
  /** Undefined when nothing was recorded (no page ever opened). */
  readonly rehearsal?: Rehearsal;
  readonly path?: string;
}

export interface RehearsalSession {
  readonly deck: Deck;
  readonly server: RehearsalServer;
  readonly recorder: Recorder;
  /** The journal being written, and where the rehearsal will be saved. */
  readonly journalPath: string;
  readonly rehearsalPath: string;
  /** Journals of earlier interrupted rehearsals, saved before this one started. */
  readonly recovered: readonly Recovered[];
  /** The HTML report written when the page finished the rehearsal (beside the rehearsal), else undefined. */
  readonly reportPath: string | undefined;
  /** Where the server serves that report, token included. */
  readonly reportUrl: string;
  /** Settles when the rehearsal is finished (by the page's button or by `finish`). */
  readonly done: Promise<RehearsalResult>;
  finish(by: Exclude<EndedBy, 'interrupted'>, t?: number): Promise<RehearsalResult>;
  /** Stop the server. Without a finish first, the journal stays on disk as an interrupted rehearsal. */
  close(): Promise<void>;
}

export function pageSummary(rehearsal: Rehearsal, file: string): string {
  return `${clock(rehearsal.actual)} of ${clock(rehearsal.planned)} planned (${signedClock(rehearsal.actual - rehearsal.planned)}), saved as ${file}`;
}

export async function startRehearsal(options: RehearsalOptions): Promise<RehearsalSession> {
  const now = options.clock ?? Date.now;
  const deck = await loadDeck(options.deck, { flags: options.flags, configFile: options.configFile });
  const dir = rehearsalsDirOf(deck.root);
  const name = deckNameOf(options.deck);
  const recovered = await recoverJournals(dir, name);
  for (const item of recovered) for (const warning of item.warnings) options.logger?.warn(warning);
  const base = await newRehearsalBase(dir, name, new Date(now()));
  const journalPath = `${base}${JOURNAL_SUFFIX}`;
  const rehearsalPath = `${base}.json`;
  const self = currentProcess();
  const header: JournalHeader = {
    kind: 'header',
    version: 1,
    deck: name,
    input: options.deck,
    startedAt: now(),
    pid: process.pid,
    ...(self.start === undefined ? {} : { pidStart: self.start }),
    plan: deck.slides.map((slide) => ({
      id: slide.id,
      title: slide.title,
      index: slide.index,
      h: slide.h,
      v: slide.v,
      planned: slide.timing,
      source: slide.timingSource,
    })),
  };
  const journal = await createJournal(journalPath, header);
  const recorder = createRecorder({ header, journal, clock: now });

  let settle: (result: RehearsalResult) => void = () => {};
  let fail: (error: unknown) => void = () => {};
  const done = new Promise<RehearsalResult>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  let finishing: Promise<RehearsalResult> | undefined;
  let reportPath: string | undefined;
  const complete = (by: Exclude<EndedBy, 'interrupted'>, t?: number): Promise<RehearsalResult> =>
    (finishing ??= (async () => {
      const rehearsal = await recorder.finish(by, t);
      await journal.close();
      if (recorder.events.length === 0) {
        await rm(journalPath, { force: true });
        return {};
      }
      await saveRehearsal(rehearsalPath, rehearsal);
      await rm(journalPath, { force: true });
      return { rehearsal, path: rehearsalPath };
    })());
  const finish = (by: Exclude<EndedBy, 'interrupted'>, t?: number): Promise<RehearsalResult> => {
    const result = complete(by, t);
    result.then(settle, fail);
    return result;
  };

  // The presenter token is also the rehearsal's: only its holders record and finish. Made here when not given,
  // with the server's recipe (144 random bits), so the route knows it before the server starts.
  const token = options.token ?? randomBytes(18).toString('base64url');
  const route = rehearsalRoute({
    token,
    recorder,
    logger: options.logger,
    // Finished from the page: `done` settles only once the page has its answer.
    afterFinish: () => void finishing?.then(settle, fail),
    finish: async (t) => {
      const result = await complete('button', t);
      if (!result.rehearsal || !result.path) return { summary: 'nothing was recorded' };
      const file = relative(process.cwd(), result.path);
      // The page links the report (served by the route below): written once, beside the rehearsal.
      reportPath ??= await writeReport(reportPathFor(result.path), result.rehearsal, await loadHistory(deck, options.logger)).catch(
        (error: unknown) => {
          options.logger?.warn(`the HTML report could not be written: ${(error as Error).message}`);
          return undefined;
        },
      );
      return {
        file,
        summary: pageSummary(result.rehearsal, file),
        ...(reportPath ? { reportFile: relative(process.cwd(), reportPath), report: REPORT_PATH } : {}),
      };
    },
    report: () => reportPath,
  });
  let server: RehearsalServer;
  try {
    server = await options.serve({
      deck: options.deck,
      outDir: options.outDir,
      host: options.host,
      port: options.port,
      token,
      allowedHosts: options.allowedHosts,
      flags: options.flags,
      configFile: options.configFile,
      templates: options.templates,
      logger: options.logger,
      watch: options.watch,
      mode: 'rehearse',
      renderOptions: { bodyHtml: rehearsalClientHtml({ endpoint: ENDPOINT }) },
      routes: [route],
    });
  } catch (error) {
    await journal.close();
    await rm(journalPath, { force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    deck,
    server,
    recorder,
    journalPath,
    rehearsalPath,
    get reportPath() {
      return reportPath;
    },
    reportUrl: new URL(`${REPORT_PATH}?token=${encodeURIComponent(token)}`, server.url).href,
    recovered,
    done,
    finish,
    close: () =>
      (closing ??= (async () => {
        await server.close();
        if (!finishing) await journal.close();
      })()),
  };
}
