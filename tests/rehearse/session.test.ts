/** A rehearsal session over the real dev server: what it plans and times is what the audience can be shown. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { applyConcerns, startRehearsal, type RehearsalSession } from '../../src/rehearse/index.js';
import { startServer } from '../../src/serve/index.js';

const TOKEN = 'rehearse-session-token-7';
let work: string | undefined;
let session: RehearsalSession | undefined;

afterEach(async () => {
  await session?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a rehearsal of a deck with a hidden slide', () => {
  it('plans and times only the slides reveal.js shows: the hidden one is not skipped, and the run can be applied', async () => {
    work = mkdtempSync(join(tmpdir(), 'deck-rehearse-session-'));
    writeFileSync(
      join(work, 'talk.md'),
      '---\ntitle: Hidden\n---\n\n# One\n\n---\n\n<!-- .slide: data-visibility="hidden" -->\n## Backup\n\n---\n\n## Two\n',
    );
    let now = 1_700_000_000_000;
    session = await startRehearsal({
      deck: join(work, 'talk.md'),
      serve: startServer,
      port: 0,
      watch: false,
      token: TOKEN,
      logger: createMemoryLogger(),
      clock: () => now,
    });
    // reveal.js removes the hidden slide from the page, and so does the deck: a full run shows One (h 0) and Two
    // (h 1), 40 s each.
    expect(session.deck.slides.map((slide) => slide.title)).toEqual(['One', 'Two']);
    const ids = session.deck.slides.map((slide) => slide.id);
    const events = [
      { type: 'ready', t: now, h: 0, v: 0, f: -1, id: ids[0], session: 'page', seq: 0 },
      { type: 'slide', t: now + 40_000, h: 1, v: 0, f: -1, id: ids[1], session: 'page', seq: 1 },
    ];
    const url = (route: string) => new URL(`/_rehearse/${route}?token=${TOKEN}`, session!.server.url);
    const post = (route: string, body: unknown) =>
      fetch(url(route), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('event', events)).ok).toBe(true);
    now += 80_000;
    expect((await post('finish', { t: now })).status).toBe(200);
    const { rehearsal } = await session.done;
    expect(rehearsal!.slides.map((slide) => `${slide.index + 1} ${slide.title} ${slide.actual}`)).toEqual(['1 One 40', '2 Two 40']);
    expect(rehearsal!.planned).toBe(rehearsal!.slides.reduce((sum, slide) => sum + slide.planned, 0));
    expect(applyConcerns(rehearsal!)).toEqual([]);
  });
});
