/**
 * Attacks on `deck serve` by someone holding only the audience URL, over real HTTP and WebSocket: nothing the
 * audience can reach carries the speaker notes, the timing plan or the token, the deck folder's own files stay private, and the
 * token pages are not reachable under another path.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createMemoryLogger } from '../../src/core/log.js';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { connect, portBelowEphemeral, rawGet } from './helpers.js';

const TOKEN = 'attack-token-5678';
let root: string;
let server: ServerHandle;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'deck-attack-'));
  const deck = join(root, 'deck');
  mkdirSync(join(deck, '.git'), { recursive: true });
  // A tag left open in a note (Markdown passes it through) once hid every slide from the notes splitter.
  writeFileSync(
    join(deck, '01-intro.md'),
    '<!-- .slide: data-timing="4321" -->\n# Intro\n\nHello\n\nNote: NOTE-LEAF-ONE, then the <video> tag\n',
  );
  // Sections inside a raw section: the build makes one slide of them (its notes: the asides at its own level);
  // reveal.js calls that slide a stack and counts the sections in it as its slides (getSlides()), each with its notes.
  writeFileSync(
    join(deck, '02-stack.md'),
    [
      '<section data-notes="NOTE-STACK-ATTR">',
      '<aside class="notes">NOTE-STACK-ASIDE</aside>',
      '<section>',
      '',
      '# Stack A',
      '',
      '</section>',
      '<section data-notes="NOTE-INNER-ATTR" data-timing="1234">',
      '',
      '# Stack B',
      '',
      '<aside class="notes">NOTE-LEAF-B</aside>',
      '',
      '</section>',
      '</section>',
      '',
    ].join('\n'),
  );
  writeFileSync(join(deck, '.env'), 'SECRET=DOTFILE-SECRET\n');
  writeFileSync(join(deck, '.git', 'config'), '[core] DOTFILE-SECRET\n');
  writeFileSync(join(deck, 'deck.config.yaml'), 'title: Attack deck\ndefaultTiming: 97\n');
  writeFileSync(join(deck, 'timings.json'), '{"version":1,"slides":[]}');
  mkdirSync(join(deck, 'rehearsals'));
  writeFileSync(join(deck, 'rehearsals', 'talk.journal.ndjson'), '{"DOTFILE-SECRET":1}\n');
  writeFileSync(join(root, 'outside.txt'), 'OUTSIDE-SECRET\n');
  // A link to a file outside the deck that no slide names: never copied, never served.
  symlinkSync(join(root, 'outside.txt'), join(deck, 'unused.png'));
  // -o dist after `deck notes` (dist/notes.md, the default) and `deck pdf -o dist`: the speaker's files sit in the
  // folder the server builds into, and are not the build's.
  mkdirSync(join(root, 'out', 'old'), { recursive: true });
  writeFileSync(join(root, 'out', 'notes.md'), '| slide | NOTE-SCRIPT-SECRET |\n');
  writeFileSync(join(root, 'out', 'handout.pdf'), '%PDF-1.7 NOTE-SCRIPT-SECRET\n');
  writeFileSync(join(root, 'out', 'old', 'index.html'), '<p>NOTE-SCRIPT-SECRET</p>\n');
  server = await startServer({ deck, port: 0, watch: false, logger: createMemoryLogger(), token: TOKEN, outDir: join(root, 'out') });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A GET with the Host header given as is (the DNS-rebinding and odd-spelling probes). */
function getWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opening the sync socket with these headers: the HTTP status of a refusal, or 101. */
function upgradeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`, { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('upgrade', () => {
      resolve(101);
      ws.terminate();
    });
    ws.on('error', () => {});
  });
}

describe('what the audience can reach', () => {
  it('no notes in the audience page, those of a slide holding sections included; token holders get them by reveal.js’s slides', async () => {
    const page = await rawGet(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Stack A');
    expect(page.body).not.toMatch(/NOTE-/);
    expect(page.body).not.toContain('data-notes');
    expect(page.body).not.toContain(TOKEN);
    // The build kept with -o is the audience's: no notes, no token, in any file.
    for (const name of readdirSync(join(root, 'out'), { recursive: true, encoding: 'utf8' })) {
      const path = join(root, 'out', name);
      if (!statSync(path).isFile()) continue;
      const text = readFileSync(path, 'utf8');
      if (/^(notes\.md|handout\.pdf|old)/.test(name)) continue; // put there before the server started
      expect(text, name).not.toMatch(/NOTE-(LEAF|STACK)/);
      if (name.endsWith('.html')) expect(text, name).not.toMatch(/data-timing|totalTime|defaultTiming|4321|1234/);
      expect(text, name).not.toContain(TOKEN);
    }

    const denied = await rawGet(server.port, '/_deck/notes.json');
    expect(denied.status).toBe(403);
    const notes = await rawGet(server.port, `/_deck/notes.json?token=${TOKEN}`);
    const slides = (JSON.parse(notes.body) as { slides: { html: string }[] }).slides.map((s) => s.html);
    // One entry per slide reveal.js counts (getSlides(): sections holding no section); the notes of a section
    // holding others go to the first of them, and each inner section keeps its own.
    expect(slides).toHaveLength(3);
    expect(slides[0]).toContain('NOTE-LEAF-ONE');
    for (const note of ['NOTE-STACK-ATTR', 'NOTE-STACK-ASIDE']) expect(slides[1]).toContain(note);
    expect(slides[1]).not.toMatch(/NOTE-(LEAF|INNER)/);
    expect(slides[2]).toContain('NOTE-INNER-ATTR');
    expect(slides[2]).not.toContain('NOTE-STACK');
  });

  it('no timing plan in the audience page or its sync socket; token holders get each slide’s planned time and the pacing', async () => {
    const page = await rawGet(server.port, '/');
    expect(page.body).toContain('Stack A');
    // Neither a slide's data-timing (the author's, the build's, one in raw HTML) nor reveal.js's pacing options.
    expect(page.body).not.toMatch(/data-timing|totalTime|defaultTiming/);
    expect(page.body).not.toMatch(/4321|1234/);
    const config = JSON.parse(/<script id="deck-config" type="application\/json">([^<]*)<\/script>/.exec(page.body)![1]!) as object;
    expect(config).toHaveProperty('width');
    expect(config).not.toHaveProperty('totalTime');
    expect(config).not.toHaveProperty('defaultTiming');

    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/_deck/ws`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
    const frames: string[] = [];
    socket.on('message', (data) => frames.push(String(data)));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'hello', role: 'audience' }));
    await vi.waitFor(() => expect(frames.length).toBeGreaterThan(0));
    socket.terminate();
    const welcome = JSON.parse(frames[0]!) as Record<string, unknown>;
    expect(Object.keys(welcome).sort()).toEqual(['build', 'clock', 'deck', 'error', 'now', 'presenter', 'role', 'screen', 'state', 'type']);
    expect(frames.join('\n')).not.toMatch(/timing|totalTime|pacing|NOTE-/);

    expect((await rawGet(server.port, '/_deck/notes.json')).status).toBe(403);
    const speaker = JSON.parse((await rawGet(server.port, `/_deck/notes.json?token=${TOKEN}`)).body) as {
      slides: { timing: number | null }[];
      pacing: { totalTime: number; defaultTiming: number };
    };
    // By reveal.js's slides (getSlides()): the intro, then the two sections inside the raw one (the first has none).
    expect(speaker.slides.map((slide) => slide.timing)).toEqual([4321, null, 1234]);
    expect(speaker.pacing.defaultTiming).toBe(97);
    expect(speaker.pacing.totalTime).toBeGreaterThan(4321);
  });

  it('the audience’s sync socket follows the talk without its clock: no talk time, no pause, no time on a slide', async () => {
    const presenter = await connect(server.port, { role: 'presenter', token: TOKEN });
    const audience = await connect(server.port, { role: 'audience' });
    const stolen = await connect(server.port, { role: 'deck', token: `${TOKEN}x` });
    try {
      presenter.send({ type: 'timer', action: 'start' });
      presenter.send({ type: 'navigate', h: 1, v: 0, f: -1 });
      presenter.send({ type: 'timer', action: 'pause' });
      // The presenter's own pages hear the clock (the sender too): its pause is through once it comes back.
      await presenter.next((m) => m.type === 'timer' && (m.clock as { pausedAt: unknown }).pausedAt !== null);
      for (const page of [audience, stolen]) {
        const state = await page.next((m) => m.type === 'state');
        expect(state).toMatchObject({ h: 1, v: 0, f: -1, clock: null, clockAt: null });
      }
      const [joined, remote] = await Promise.all([
        connect(server.port, { role: 'audience' }),
        connect(server.port, { role: 'remote', token: TOKEN }),
      ]);
      joined.ws.terminate();
      remote.ws.terminate();
      expect(joined.messages[0]).toMatchObject({ type: 'welcome', state: { h: 1, clockAt: null }, clock: null });
      expect(remote.messages[0]).toMatchObject({ type: 'welcome', state: { h: 1 }, clock: { pausedAt: expect.any(Number) } });
      for (const page of [audience, stolen]) {
        expect(page.messages[0]).toMatchObject({ type: 'welcome', clock: null });
        expect(page.messages.filter((m) => m.type === 'timer')).toEqual([]);
        expect(JSON.stringify(page.messages)).not.toMatch(/startedAt|pausedAt|pausedMs/);
      }
    } finally {
      for (const page of [presenter, audience, stolen]) page.ws.terminate();
    }
  });

  it('the presenter view and the remote are served only under their own paths, with the token', async () => {
    for (const name of ['presenter', 'remote']) {
      expect((await rawGet(server.port, `/_deck/${name}.html`)).status).toBe(404);
      expect((await rawGet(server.port, `/_deck/${name}.html?token=${TOKEN}`)).status).toBe(404);
      expect((await rawGet(server.port, `/${name}`)).status).toBe(403);
      expect((await rawGet(server.port, `/${name}?token=${TOKEN}`)).status).toBe(200);
    }
    // Their styles and scripts carry nothing private and stay public.
    expect((await rawGet(server.port, '/_deck/presenter.css')).status).toBe(200);
    expect((await rawGet(server.port, '/_deck/presenter.js')).status).toBe(200);
  });

  it('the deck folder’s own files, dot-files and an unused link out of it are not served', async () => {
    const paths = ['/.env', '/.git/config', '/01-intro.md', '/deck.config.yaml', '/timings.json', '/rehearsals/talk.journal.ndjson'];
    for (const path of [...paths, '/unused.png', '/_deck/client.js.map']) {
      const response = await rawGet(server.port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toMatch(/SECRET/);
    }
  });

  it('only the build’s own files are served from the -o folder, not what was there before', async () => {
    for (const path of ['/notes.md', '/handout.pdf', '/old/', '/old/index.html', '/old', '/notes']) {
      const response = await rawGet(server.port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toMatch(/SECRET/);
    }
    for (const path of ['/', '/index.html', '/assets/reveal/reveal.js']) expect((await rawGet(server.port, path)).status, path).toBe(200);
  });

  it('no encoding of a path climbs out of the served folder', async () => {
    const paths = [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/%2E%2E%2Foutside.txt',
      '/%252e%252e/outside.txt',
      '/%c0%ae%c0%ae/outside.txt',
      '/..%5coutside.txt',
      '/index.html%00.png',
      '//etc/passwd',
      '/assets/../../outside.txt',
      'http://evil.example/',
    ];
    for (const path of paths) {
      const response = await rawGet(server.port, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toMatch(/SECRET|root:/);
    }
  });

  it('the token is read from the URL only, and no answer carries CORS headers or lets another site frame or refer', async () => {
    const asked = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
    expect((await asked('/_deck/notes.json', { Cookie: `token=${TOKEN}` })).status).toBe(403);
    expect((await asked('/presenter', { Cookie: `token=${TOKEN}` })).status).toBe(403);
    for (const path of ['/', `/presenter?token=${TOKEN}`, `/_deck/notes.json?token=${TOKEN}`, '/_deck/client.js', '/nothing']) {
      const response = await asked(path, { Origin: 'http://evil.example' });
      expect(
        Object.keys(response.headers).filter((name) => name.startsWith('access-control-')),
        path,
      ).toEqual([]);
      expect(response.headers['referrer-policy'], path).toBe('no-referrer');
      expect(response.headers['x-content-type-options'], path).toBe('nosniff');
      expect(response.headers['cache-control'], path).toBe('no-store');
      expect(response.headers['x-frame-options'], path).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy'], path).toContain("frame-ancestors 'self'");
    }
  });

  it('odd spellings of this machine are its own, other names are refused', async () => {
    const port = server.port;
    for (const host of [
      `127.0.0.1.:${port}`,
      `127.1:${port}`,
      `0x7f.0.0.1:${port}`,
      `LOCALHOST:${port}`,
      `localhost.:${port}`,
      `[::1]:${port}`,
    ]) {
      expect(await getWithHost(port, '/', host), host).toBe(200);
    }
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port}@evil.example`, '127.0.0.1', `[::ffff:7f00:1]:${port}`, `evil.example`]) {
      expect(await getWithHost(port, '/', host), host).toBe(403);
    }
  });

  it('the sync socket refuses a foreign or null Origin and a foreign Host, and never negotiates compression', async () => {
    const port = server.port;
    expect(await upgradeStatus(port, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(port, { Origin: 'null' })).toBe(403);
    expect(await upgradeStatus(port, { Host: `evil.example:${port}` })).toBe(403);
    const extensions = await new Promise<string | undefined>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/_deck/ws`, { perMessageDeflate: true });
      ws.on('upgrade', (res) => {
        resolve(res.headers['sec-websocket-extensions'] as string | undefined);
        ws.terminate();
      });
      ws.on('error', () => {});
    });
    expect(extensions).toBeUndefined();
  });
});

describe('what the audience can reach while the first build runs', () => {
  it('the starting page, not the index.html the -o folder held before (deck build’s copy, notes and plan included)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deck-attack-start-'));
    try {
      mkdirSync(join(dir, 'out'));
      writeFileSync(join(dir, 'out', 'index.html'), '<section data-timing="60"><aside class="notes">NOTE-OLD-COPY</aside></section>\n');
      // The deck is a named pipe: its build waits, mid-read, until the test writes the deck into it.
      const deck = join(dir, 'talk.md');
      execFileSync('mkfifo', [deck]);
      const port = await portBelowEphemeral();
      const starting = startServer({ deck, port, watch: false, logger: createMemoryLogger(), token: TOKEN, outDir: join(dir, 'out') });
      starting.catch(() => {});
      let page: Awaited<ReturnType<typeof rawGet>> | undefined;
      while (!page) page = await rawGet(port, '/').catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 20)));
      const byName = await rawGet(port, '/index.html');
      writeFileSync(deck, '# Talk\n\nNote: NOTE-NEW\n');
      const started = await starting;
      try {
        expect(page.status).toBe(200);
        expect(page.body).toContain('The talk starts soon');
        expect(page.body).not.toMatch(/NOTE-|data-timing/);
        expect(byName.body).toBe(page.body);
        // Built: the deck, still without its notes.
        const built = await rawGet(port, '/');
        expect(built.body).toContain('Talk');
        expect(built.body).not.toMatch(/NOTE-|data-timing/);
      } finally {
        await started.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
