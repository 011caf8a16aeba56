/**
 * The rehearsal's HTTP routes, given to the dev server: `POST /_rehearse/event` (a batch of events) and
 * `POST /_rehearse/finish` (the Finish button). Both need the rehearsal's key (`?key=`), which only the pages
 * built for this rehearsal carry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../core/log.js';
import { finishSchema } from './model.js';
import type { Recorder } from './recorder.js';

export const ENDPOINT = '/_rehearse';
const MAX_BODY = 256 * 1024;

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface RouteOptions {
  readonly key: string;
  readonly recorder: Recorder;
  /** End the rehearsal from the page; resolves with what to tell the page. */
  readonly finish: (t: number | undefined) => Promise<{ file?: string; summary: string }>;
  /** Called once the answer to the finish has gone out (so the server may close without cutting it off). */
  readonly afterFinish?: () => void;
  readonly logger?: Logger;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
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

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json' });
  res.end(text);
}

function keyMatches(given: string | null, key: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function rehearsalRoute(options: RouteOptions): Route {
  return async (req, res, url) => {
    if (!url.pathname.startsWith(`${ENDPOINT}/`)) return false;
    const action = url.pathname.slice(ENDPOINT.length + 1);
    if (action !== 'event' && action !== 'finish') return false;
    try {
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        throw new HttpError(405, 'method not allowed');
      }
      if (!keyMatches(url.searchParams.get('key'), options.key)) throw new HttpError(403, 'not this rehearsal');
      const body = await readJson(req);
      if (action === 'event') {
        if (options.recorder.finished) {
          send(res, 409, { finished: true });
          return true;
        }
        try {
          await options.recorder.record(body);
        } catch (error) {
          if ((error as { code?: string }).code === 'BAD_INPUT') throw new HttpError(400, (error as Error).message);
          throw error;
        }
        send(res, 204);
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
        send(res, error.status, error.message);
        return true;
      }
      options.logger?.error(`rehearsal: ${(error as Error).message}`);
      send(res, 500, 'the rehearsal could not be recorded');
      return true;
    }
  };
}
