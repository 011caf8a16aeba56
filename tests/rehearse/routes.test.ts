/**
 * The rehearsal's routes over real HTTP on the real dev server: only the presenter token records, finishes and
 * reads the report, posts must be JSON (the beacon aside), a flood is bounded by the recorder's limits, and the
 * report route serves the report the finish wrote and nothing else.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { RECORD_LIMITS } from '../../src/rehearse/recorder.js';
import { startRehearsal, type RehearsalSession } from '../../src/rehearse/index.js';
import { startServer } from '../../src/serve/index.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/rehearse/talk');
const TOKEN = 'rehearse-route-token-42';

let work: string;
let session: RehearsalSession;
/** The server's clock, the test's to move (the recorder's budget refills by it). */
let now: number;

// A rehearsal of its own for each test: what one test records, finishes or floods is never another's start.
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'deck-rehearse-routes-'));
  cpSync(FIXTURE, join(work, 'talk'), { recursive: true });
  now = 1_700_000_000_000;
  session = await startRehearsal({
    deck: join(work, 'talk'),
    serve: startServer,
    port: 0,
    watch: false,
    token: TOKEN,
    logger: createMemoryLogger(),
    clock: () => now,
  });
});

afterEach(async () => {
  await session?.close();
  rmSync(work, { recursive: true, force: true });
});

let seq = 0;
const batch = (count: number, session = 'page-a') =>
  Array.from({ length: count }, () => ({
    type: 'slide',
    t: 1_700_000_000_000 + seq,
    h: 0,
    v: 0,
    f: -1,
    id: 'slide-1',
    session,
    seq: seq++,
  }));

function getReport(path: string, token: string | null = TOKEN, method = 'GET'): Promise<Response> {
  const query = token === null ? '' : `${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  return fetch(new URL(`${path}${query}`, session.server.url), { method });
}

function post(action: string, body: unknown, options: { token?: string | null; type?: string } = {}): Promise<Response> {
  const token = options.token === undefined ? TOKEN : options.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return fetch(new URL(`/_rehearse/${action}${query}`, session.server.url), {
    method: 'POST',
    headers: { 'Content-Type': options.type ?? 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the rehearsal routes', () => {
  it('give the pages no key: the audience page carries no token and nothing to post with', async () => {
    const html = await (await fetch(session.server.url)).text();
    expect(html).toContain('deck-rehearse-config');
    expect(html).not.toContain(TOKEN);
    expect(html).not.toMatch(/"key"/);
  });

  it('refuse events and the finish without the presenter token, and keep recording', async () => {
    for (const token of [null, '', 'wrong-token-wrong', `${TOKEN}x`]) {
      expect((await post('event', batch(1), { token })).status, String(token)).toBe(403);
      expect((await post('beacon', batch(1), { token, type: 'text/plain' })).status).toBe(403);
      expect((await post('finish', { t: 1_700_000_000_000 }, { token })).status).toBe(403);
    }
    expect(session.recorder.events).toHaveLength(0);
    expect(session.recorder.finished).toBe(false);
  });

  it('take events as JSON only, and the beacon as text', async () => {
    expect((await post('event', batch(1), { type: 'text/plain' })).status).toBe(415);
    expect((await post('event', batch(1), { type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('finish', {}, { type: 'text/plain' })).status).toBe(415);
    expect(session.recorder.events).toHaveLength(0);
    expect((await post('event', batch(2), { type: 'application/json; charset=utf-8' })).status).toBe(204);
    expect((await post('beacon', batch(1), { type: 'text/plain;charset=UTF-8' })).status).toBe(204);
    expect(session.recorder.events).toHaveLength(3);
  });

  it('bound a flood from a token holder: 100 batches of 500 events never pass the limits', async () => {
    // The server's clock stands still during the flood: the burst is all there is, however long the posts take.
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i++) {
      const response = await post('event', batch(500, `flood-${i % 3}`));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // The first full batch fits the burst; every other one waits for the budget (50 a second).
    expect(Object.fromEntries(statuses)).toEqual({ 204: 1, 429: 99 });
    expect(session.recorder.events).toHaveLength(RECORD_LIMITS.burst);
    // Ten seconds later the budget holds one more full batch, and no more.
    now += (RECORD_LIMITS.burst / RECORD_LIMITS.perSecond) * 1000;
    expect((await post('event', batch(500, 'flood-0'))).status).toBe(204);
    expect((await post('event', batch(1, 'flood-1'))).status).toBe(429);
    expect(session.recorder.events).toHaveLength(RECORD_LIMITS.burst * 2);
    expect(statSync(session.journalPath).size).toBeLessThan(1_000_000);
  });

  it('serve the finished rehearsal’s report to the token only, and no other file', async () => {
    expect((await post('event', batch(3))).status).toBe(204);
    expect((await getReport('/_rehearse/report')).status).toBe(404); // not finished: no report yet
    expect((await getReport('/_rehearse/report', null)).status).toBe(403);
    const finished = await post('finish', { t: 1_700_000_000_000 + seq });
    expect(finished.status).toBe(200);
    const answer = (await finished.json()) as { file: string; report: string; reportFile: string };
    expect(answer.report).toBe('/_rehearse/report');
    expect(session.reportPath).toBe(session.rehearsalPath.replace(/\.json$/, '.html'));
    expect(answer.reportFile.replaceAll('\\', '/')).toMatch(/rehearsals\/talk-\d{8}-\d{6}\.html$/);
    expect(existsSync(session.reportPath!)).toBe(true);

    const report = await getReport('/_rehearse/report');
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await report.text();
    expect(html).toBe(readFileSync(session.reportPath!, 'utf8'));
    expect(html).toContain('Rehearsal fixture');
    expect(await (await fetch(session.reportUrl)).text()).toBe(html);
    expect((await getReport('/_rehearse/report', 'wrong-token-wrong', 'HEAD')).status).toBe(403); // HEAD with a wrong token
    expect((await getReport('/_rehearse/report', TOKEN, 'HEAD')).status).toBe(200);

    for (const token of [null, '', 'wrong-token-wrong', `${TOKEN}x`]) {
      const refused = await getReport('/_rehearse/report', token);
      expect(refused.status, String(token)).toBe(403);
      expect(await refused.text()).not.toContain('Rehearsal fixture');
    }
    expect((await getReport('/_rehearse/report', TOKEN, 'POST')).status).toBe(405);
    // The route takes no path: whatever is added names no other file.
    for (const path of [
      '/_rehearse/report?file=../talk/00-talk.md',
      '/_rehearse/report/../../talk/00-talk.md',
      '/_rehearse/report/%2e%2e%2f00-talk.md',
      '/_rehearse/report.json',
      '/_rehearse/rehearsals',
    ]) {
      const response = await getReport(path);
      const body = await response.text();
      expect(body, path).not.toContain('.element:'); // the deck's Markdown
      if (path.startsWith('/_rehearse/report?')) expect(body).toBe(html);
      else expect(response.status, path).toBe(404);
    }
  });
});
