/**
 * The rehearsal's HTTP routes, given to the dev server: `POST /_rehearse/event` (a batch of events, JSON),
 * `POST /_rehearse/beacon` (the last batch as the page goes away: a beacon can only send text/plain),
 * `POST /_rehearse/finish` (the Finish button, JSON) and `GET /_rehearse/report` (the HTML report the finish
 * wrote, and only that file: the route takes no path). All need the presenter token (`?token=`): a page without
 * it, or a page of another site, can neither record, end the rehearsal nor read its report. Tested in
 * tests/rehearse/routes.test.ts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../core/log.js';
import { type FinishAnswer, finishSchema } from './model.js';
import type { Recorder } from './recorder.js';

export const ENDPOINT = '/_rehearse';
/** The largest body: a full batch of 500 events is about 80 KB. */
const MAX_BODY = 256 * 1024;

/** Where the report of the rehearsal just finished is served. */
export const REPORT_PATH = `${ENDPOINT}/report`;

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface RouteOptions {
  /** The presenter token every post must carry. */
  readonly token: string;
  readonly recorder: Recorder;
  /** End the rehearsal from the page; resolves with what to tell the page. */
  readonly finish: (t: number | undefined) => Promise<FinishAnswer>;
  /** The HTML report written at the finish, once there is one. */
  readonly report?: () => string | undefined;
  /** Called once the answer to the finish has gone out (so the server may close without cutting it off). */
  readonly afterFinish?: () => void;
  readonly logger?: Logger;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, 'too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new HttpError(400, 'not JSON');
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json', ...headers });
  res.end(text);
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant time, whatever the lengths (both sides hashed first). */
function tokenMatches(given: string | null, token: string): boolean {
  if (given === null || given.length === 0 || given.length > 1024) return false;
  return timingSafeEqual(digest(given), digest(token));
}

/** The media type of the body, without parameters. */
function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

const ACTIONS = new Set(['event', 'beacon', 'finish', 'report']);

async function sendReport(req: IncomingMessage, res: ServerResponse, path: string | undefined): Promise<void> {
  if (path === undefined) throw new HttpError(404, 'no report yet: it is written when the rehearsal is finished');
  const body = await readFile(path).catch(() => {
    throw new HttpError(404, 'the report is no longer there');
  });
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function rehearsalRoute(options: RouteOptions): Route {
  const record = async (body: unknown, res: ServerResponse) => {
    if (options.recorder.finished) return send(res, 409, { finished: true });
    let outcome: Awaited<ReturnType<Recorder['record']>>;
    try {
      outcome = await options.recorder.record(body);
    } catch (error) {
      if ((error as { code?: string }).code === 'BAD_INPUT') throw new HttpError(400, (error as Error).message);
      throw error;
    }
    if (outcome.kind === 'refused') {
      options.logger?.debug(`rehearsal: refused a batch: ${outcome.reason}`);
      throw new HttpError(429, outcome.reason, { 'Retry-After': String(outcome.retryAfterSeconds ?? 60) });
    }
    send(res, 204);
  };

  return async (req, res, url) => {
    if (!url.pathname.startsWith(`${ENDPOINT}/`)) return false;
    const action = url.pathname.slice(ENDPOINT.length + 1);
    if (!ACTIONS.has(action)) return false;
    try {
      if (action === 'report') {
        if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method not allowed', { Allow: 'GET, HEAD' });
        if (!tokenMatches(url.searchParams.get('token'), options.token)) throw new HttpError(403, 'the presenter token is needed');
        await sendReport(req, res, options.report?.());
        return true;
      }
      if (req.method !== 'POST') throw new HttpError(405, 'method not allowed', { Allow: 'POST' });
      if (!tokenMatches(url.searchParams.get('token'), options.token)) throw new HttpError(403, 'the presenter token is needed');
      // JSON only (a page of another site cannot send it without asking first); the beacon can only send text.
      const expected = action === 'beacon' ? 'text/plain' : 'application/json';
      if (mediaType(req) !== expected) throw new HttpError(415, `send ${expected}`);
      const body = await readJson(req);
      if (action !== 'finish') {
        await record(body, res);
        return true;
      }
      const finish = finishSchema.safeParse(body);
      if (!finish.success) throw new HttpError(400, 'bad finish');
      const answer = await options.finish(finish.data.t);
      res.once('close', () => options.afterFinish?.());
      send(res, 200, answer);
      return true;
    } catch (error) {
      if (error instanceof HttpError) {
        send(res, error.status, error.message, error.headers);
        return true;
      }
      options.logger?.error(`rehearsal: ${(error as Error).message}`);
      send(res, 500, 'the rehearsal could not be recorded');
      return true;
    }
  };
}
