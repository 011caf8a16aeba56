/**
 * `deck rehearse` as the user runs it: `--last` reports the newest saved rehearsal, `--report` writes the HTML
 * report, `--apply` makes it the plan (timings.json) without touching the Markdown and under the author's own
 * timings, Ctrl+C saves what was recorded (and with nothing recorded saves nothing).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClientEvent, Rehearsal } from '../../src/rehearse/model.js';
import { savedRehearsal } from '../helpers/rehearsal.js';
import { BIN, ensureCompiled, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'rehearse-cli');
const PLAN = join(ROOT, 'tests', 'fixtures', 'rehearse', 'plan');
const TITLES = ['Plan fixture', 'Set on the slide', 'Chinese notes', 'English notes', 'No notes'];
const PLANNED = [40, 25, 29, 30, 15];

/** A saved rehearsal of the plan fixture with these actual times. */
function rehearsal(startedAt: string, actuals: number[]): Rehearsal {
  return savedRehearsal(
    startedAt,
    TITLES.map((title, i) => ({ title, planned: PLANNED[i]!, actual: actuals[i]! })),
  );
}

/** A copy of the plan fixture named "talk", with an older and a newer saved rehearsal. */
function deckWithRehearsals(name: string): string {
  const deck = join(WORK, name, 'talk');
  cpSync(PLAN, deck, { recursive: true });
  mkdirSync(join(deck, 'rehearsals'));
  writeFileSync(
    join(deck, 'rehearsals', 'talk-20240601-101500.json'),
    JSON.stringify(rehearsal('2024-06-01T10:15:00.000Z', [1, 2, 3, 4, 5])),
  );
  writeFileSync(
    join(deck, 'rehearsals', 'talk-20240602-101500.json'),
    JSON.stringify(rehearsal('2024-06-02T10:15:00.000Z', [77, 20, 61, 33, 12])),
  );
  return deck;
}

/** Planned seconds per slide, from the running clock in `deck notes`' script. */
function plannedFromNotes(file: string): number[] {
  return [...readFileSync(file, 'utf8').matchAll(/(\d+):(\d\d) → (\d+):(\d\d)/g)].map(
    (m) => Number(m[3]) * 60 + Number(m[4]) - (Number(m[1]) * 60 + Number(m[2])),
  );
}

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
}, 120_000);

describe('deck rehearse --last and --report', () => {
  it('reports the newest rehearsal per slide, planned against actual, without recording', async () => {
    const deck = deckWithRehearsals('last');
    const before = readdirSync(join(deck, 'rehearsals')).sort();
    const result = await runCli(['rehearse', deck, '--last', '--report', '-o', join(WORK, 'last', 'out')]);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.stdout.split('\n');
    const row = (title: string) => rows.find((line) => line.includes(title)) ?? '';
    expect(row('Plan fixture')).toMatch(/00:40.*01:17.*over/);
    expect(row('No notes')).toMatch(/00:15.*00:12/);
    // The total of the newest rehearsal (77+20+61+33+12 = 203 s), not the older one's 15 s.
    expect(result.stdout).toContain('03:23');
    expect(result.stdout).not.toContain('00:15 total');
    const html = readdirSync(join(WORK, 'last', 'out')).filter((name) => name.endsWith('.html'));
    expect(html).toHaveLength(1);
    const page = readFileSync(join(WORK, 'last', 'out', html[0]!), 'utf8');
    expect(page).toContain('<svg');
    for (const title of TITLES) expect(page).toContain(title);
    // Nothing new was recorded.
    expect(readdirSync(join(deck, 'rehearsals')).sort()).toEqual(before);
  });
});

describe('deck rehearse --apply', () => {
  it('makes the newest rehearsal the plan for the slides without their own timing, and leaves the Markdown alone', async () => {
    const deck = deckWithRehearsals('apply');
    const markdown = () =>
      readdirSync(deck)
        .filter((n) => n.endsWith('.md'))
        .map((n) => readFileSync(join(deck, n), 'utf8'));
    const before = markdown();
    const applied = await runCli(['rehearse', deck, '--apply']);
    expect(applied.code, applied.stderr).toBe(0);
    expect(existsSync(join(deck, 'timings.json'))).toBe(true);
    expect(markdown()).toEqual(before);
    const notes = await runCli(['notes', deck, '-o', join(WORK, 'apply', 'out'), '-q']);
    expect(notes.code, notes.stderr).toBe(0);
    // Front matter `timing: 40` and data-timing="25" win; the rest take the rehearsal's 61, 33 and 12 s.
    expect(plannedFromNotes(join(WORK, 'apply', 'out', 'notes.md'))).toEqual([40, 25, 61, 33, 12]);
    rmSync(join(deck, 'timings.json'));
    const reset = await runCli(['notes', deck, '-o', join(WORK, 'apply', 'reset'), '-q']);
    expect(reset.code).toBe(0);
    expect(plannedFromNotes(join(WORK, 'apply', 'reset', 'notes.md'))).toEqual(PLANNED);
  });

  it('says there is nothing to apply or report when there is no rehearsal, and exits non-zero', async () => {
    const deck = join(WORK, 'none', 'talk');
    cpSync(PLAN, deck, { recursive: true });
    const [apply, last] = await Promise.all([runCli(['rehearse', deck, '--apply']), runCli(['rehearse', deck, '--last'])]);
    for (const result of [apply, last]) {
      expect(result.code, result.stdout).not.toBe(0);
      expect(result.stderr).toMatch(/no rehearsal/i);
    }
    expect(existsSync(join(deck, 'timings.json'))).toBe(false);
  });
});

/** `deck rehearse` on a fresh copy of the plan fixture named "talk", its output collected as it comes. */
function startRehearse(name: string) {
  const deck = join(WORK, name, 'talk');
  cpSync(PLAN, deck, { recursive: true });
  const child = spawn(process.execPath, [BIN, 'rehearse', deck, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const check of waiting) check();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  /** The first match of `pattern` in the output so far, once there is one. */
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((done) => {
      const check = () => {
        const found = pattern.exec(output);
        if (!found) return;
        waiting.delete(check);
        done(found);
      };
      waiting.add(check);
      check();
    });
  return { deck, child, exited, output: () => output, waitFor };
}

describe.concurrent('deck rehearse: Ctrl+C', () => {
  it('with nothing recorded, stops cleanly, says so and saves no rehearsal', async () => {
    const { deck, child, exited, output, waitFor } = startRehearse('interrupt');
    await waitFor(/Ctrl\+C here/);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output()).toMatch(/presenter view .*http:\/\/127\.0\.0\.1:\d+\/presenter\?token=/);
    expect(output()).toContain('nothing was recorded');
    expect(existsSync(join(deck, 'rehearsals')) ? readdirSync(join(deck, 'rehearsals')) : []).toEqual([]);
  });

  it('after recording, saves the rehearsal so far, prints its report and exits 0', async () => {
    const { deck, child, exited, output, waitFor } = startRehearse('interrupt-recorded');
    const deckUrl = new URL((await waitFor(/or the deck alone:\s+(http:\/\/\S+)[\s\S]*Ctrl\+C here/))[1]!);
    // What the presenter's page posts: on slide 1 for 40 s, slide 2 for 25 s, then slide 3 when Ctrl+C comes.
    const start = Date.now() - 70_000;
    const event = (seq: number, type: ClientEvent['type'], h: number, after: number): ClientEvent => ({
      type,
      t: start + after,
      h,
      v: 0,
      f: -1,
      id: `slide-${h + 1}`,
      session: 'cli-test-page',
      seq,
    });
    const posted = await fetch(new URL(`/_rehearse/event?token=${deckUrl.searchParams.get('token')}`, deckUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([event(0, 'ready', 0, 0), event(1, 'slide', 1, 40_000), event(2, 'slide', 2, 65_000)]),
    });
    expect(posted.status, await posted.text()).toBe(204); // acknowledged: on disk
    child.kill('SIGINT');
    expect(await exited, output()).toBe(0);
    const saved = readdirSync(join(deck, 'rehearsals'));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^talk-\d{8}-\d{6}\.json$/);
    expect(output()).toContain(`saved ${join(deck, 'rehearsals', saved[0]!)}`);
    const rehearsal = JSON.parse(readFileSync(join(deck, 'rehearsals', saved[0]!), 'utf8')) as Rehearsal;
    expect(rehearsal.endedBy).toBe('signal');
    expect(rehearsal.slides.slice(0, 2).map((s) => [s.id, s.actual, s.visits])).toEqual([
      ['slide-1', 40, 1],
      ['slide-2', 25, 1],
    ]);
    expect(rehearsal.slides[2]!.visits).toBe(1);
    expect(rehearsal.slides.slice(3).every((s) => s.visits === 0)).toBe(true);
    // The report printed: planned against actual per slide.
    const row = (title: string) =>
      output()
        .split('\n')
        .find((line) => line.includes(title) && /\d\d:\d\d\s+\d\d:\d\d/.test(line)) ?? '';
    expect(row('Plan fixture')).toMatch(/00:40\s+00:40/);
    expect(row('Set on the slide')).toMatch(/00:25\s+00:25/);
  });

  it('finished on the page: saves, prints the report and its address, serves it until Ctrl+C, then exits 0', async () => {
    const { deck, child, exited, output, waitFor } = startRehearse('finished-on-page');
    const deckUrl = new URL((await waitFor(/or the deck alone:\s+(http:\/\/\S+)[\s\S]*Ctrl\+C here/))[1]!);
    const token = deckUrl.searchParams.get('token')!;
    const start = Date.now() - 30_000;
    const events: ClientEvent[] = [0, 1].map((h) => ({
      type: h === 0 ? 'ready' : 'slide',
      t: start + h * 20_000,
      h,
      v: 0,
      f: -1,
      id: `slide-${h + 1}`,
      session: 'cli-finish-page',
      seq: h,
    }));
    const post = (action: string, body: unknown) =>
      fetch(new URL(`/_rehearse/${action}?token=${token}`, deckUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('event', events)).status).toBe(204);
    const finished = await post('finish', { t: start + 30_000 });
    expect(finished.status).toBe(200);
    const answer = (await finished.json()) as { report: string };
    // The command says where the report is and keeps serving it.
    const reportUrl = new URL((await waitFor(/the page links it: (http:\/\/\S+)[\s\S]*Ctrl\+C to stop the server/))[1]!);
    expect(reportUrl.pathname).toBe(answer.report);
    const report = await fetch(reportUrl);
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('Set on the slide');
    reportUrl.searchParams.delete('token');
    expect((await fetch(reportUrl)).status).toBe(403);
    expect(output()).toMatch(/Plan fixture\s.*00:40\s+00:20/);
    child.kill('SIGINT');
    expect(await exited, output()).toBe(0);
    const saved = readdirSync(join(deck, 'rehearsals')).sort();
    expect(saved).toHaveLength(2);
    expect(saved[0]).toMatch(/^talk-\d{8}-\d{6}\.html$/);
    expect(saved[1]).toBe(saved[0]!.replace(/\.html$/, '.json'));
    expect(output()).toContain(`report → ${join(deck, 'rehearsals', saved[0]!)}`);
  });
});
