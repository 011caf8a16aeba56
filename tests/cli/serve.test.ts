/**
 * `deck serve` as the user runs it: the URLs it prints answer over HTTP, `--token` sets the presenter token, a
 * restart keeps it and `--new-token` replaces it, `--host 0.0.0.0` warns and prints QR codes a phone reads (none
 * with `--no-qr`), `-o` keeps the build, an edited template or config file reloads the open pages, and Ctrl+C
 * stops it cleanly and frees the port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { lanAddresses } from '../../src/serve/share.js';
import { readTerminalQrCodes } from '../helpers/terminal-qr.js';
import { connect } from '../serve/helpers.js';
import { BIN, ensureCompiled, ROOT } from './run.js';

const DECK = join(ROOT, 'tests', 'fixtures', 'export', 'small');

interface Served {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Start `deck serve …args` and resolve once it prints "press Ctrl+C to stop" (or fail if it exits first). Each
 * run has its own state folder, so a token or port remembered by an earlier test never leaks into this one.
 */
function serve(args: string[], options: { deck?: string; watch?: boolean; stateHome?: string } = {}): Promise<Served> {
  const stateHome = options.stateHome ?? mkdtempSync(join(tmpdir(), 'deck-serve-state-'));
  const watch = options.watch ? [] : ['--no-watch'];
  const child = spawn(process.execPath, [BIN, 'serve', options.deck ?? DECK, '--port', '0', ...watch, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, XDG_STATE_HOME: stateHome },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => {
      if (!options.stateHome) rmSync(stateHome, { recursive: true, force: true });
      done({ code, signal });
    }),
  );
  return new Promise((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('press Ctrl+C to stop')) ready({ child, output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code }) => fail(new Error(`deck serve exited with ${code} before it was ready:\n${output}`)));
  });
}

/** The URL printed after a label such as "presenter view:". */
function printed(output: string, label: string): string[] {
  const line = output.split('\n').find((l) => l.trimStart().startsWith(label));
  return line ? [...line.matchAll(/http:\/\/\S+/g)].map((m) => m[0]) : [];
}

/** Stop with Ctrl+C (SIGINT), as at a terminal. */
async function interrupt(served: Served): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  served.child.kill('SIGINT');
  return served.exited;
}

beforeAll(async () => {
  await ensureCompiled();
}, 120_000);

describe.concurrent('deck serve', () => {
  it('prints URLs that answer: audience, presenter view, presenter deck, remote, PDF; --token sets the token; Ctrl+C stops it and frees the port; -o keeps the served build', async () => {
    const kept = mkdtempSync(join(tmpdir(), 'deck-serve-cli-'));
    const served = await serve(['--token', 'my-secret-token', '-o', kept]);
    let audienceUrl: string | undefined;
    try {
      const output = served.output();
      const [audience] = printed(output, 'audience:');
      audienceUrl = audience;
      expect(audience).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(output).toContain(`serving ${DECK} at ${audience}`);
      expect(printed(output, 'presenter view:')).toEqual([`${audience}presenter?token=my-secret-token`]);
      expect(printed(output, "presenter's deck:")).toEqual([`${audience}?token=my-secret-token`]);
      expect(printed(output, 'phone remote:')).toEqual([`${audience}remote?token=my-secret-token`]);
      expect(printed(output, 'PDF of the deck:')).toEqual([`${audience}_deck/deck.pdf?token=my-secret-token`]);
      expect(output).not.toContain('warning');

      const audiencePage = await fetch(audience!);
      expect(audiencePage.status).toBe(200);
      expect(await audiencePage.text()).toContain('第一張：片段');
      for (const label of ['presenter view:', "presenter's deck:", 'phone remote:']) {
        const response = await fetch(printed(output, label)[0]!);
        expect(response.status, label).toBe(200);
      }
      // The token is the one given: the presenter view refuses any other.
      expect((await fetch(`${audience}presenter?token=another-token`)).status).toBe(403);
      expect((await fetch(`${audience}presenter`)).status).toBe(403);
    } finally {
      // Ctrl+C is how a server is meant to stop: a clean exit, not an error.
      expect(await interrupt(served)).toEqual({ code: 0, signal: null });
    }
    try {
      // The port is free once it has exited, and the build it served is still in the -o folder.
      await expect(fetch(audienceUrl!)).rejects.toThrow();
      expect(existsSync(join(kept, 'index.html'))).toBe(true);
    } finally {
      rmSync(kept, { recursive: true, force: true });
    }
  });

  it('--host 0.0.0.0 warns that the deck is on the network, prints a local URL, and QR codes of the remote and audience network URLs', async () => {
    const served = await serve(['--host', '0.0.0.0']);
    try {
      // The warning goes to stderr and the URLs to stdout: two pipes, so it may arrive after "press Ctrl+C".
      await vi.waitFor(
        () => expect(served.output()).toMatch(/^warning: listening on 0\.0\.0\.0: the deck is reachable from the network/m),
        {
          timeout: 10_000,
        },
      );
      const output = served.output();
      const [local] = printed(output, 'audience:');
      expect(local).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect((await fetch(local!)).status).toBe(200);
      // The presenter view and the remote carry the same token.
      const token = /token=(\S+)$/.exec(printed(output, 'presenter view:')[0]!)?.[1];
      expect(token).toMatch(/^\S{8,256}$/); // what the server accepts as a token
      expect(printed(output, 'phone remote:')[0]).toBe(`${local}remote?token=${token}`);
      const port = new URL(local!).port;
      const [address] = lanAddresses();
      if (address === undefined) {
        // A machine with no network address: no URL a phone could open, so no QR code, and it says so.
        expect(readTerminalQrCodes(output)).toEqual([]);
        expect(output).toContain('only this machine can open these');
      } else {
        // Each network URL is printed beside its local one, and as a QR code a phone's camera reads back to it.
        const network = `http://${address}:${port}/`;
        expect(printed(output, 'audience:')).toEqual([local, network]);
        expect(printed(output, 'phone remote:')).toEqual([`${local}remote?token=${token}`, `${network}remote?token=${token}`]);
        expect(readTerminalQrCodes(output)).toEqual([`${network}remote?token=${token}`, network]);
        expect((await fetch(network)).status).toBe(200);
      }
    } finally {
      await interrupt(served);
    }
  });

  // The restart is also the run of --host 0.0.0.0 --no-qr: one start of the CLI fewer.
  it('a restart (with --host 0.0.0.0 --no-qr: the URLs printed without the QR codes) keeps the presenter token; --new-token makes a new one and the old URLs stop working', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'deck-serve-state-'));
    const tokenOf = (served: Served) => /presenter\?token=(\S+)/.exec(printed(served.output(), 'presenter view:')[0] ?? '')?.[1];
    try {
      const first = await serve([], { stateHome });
      const token = tokenOf(first);
      expect(token).toMatch(/^\S{8,256}$/);
      expect(await interrupt(first)).toEqual({ code: 0, signal: null });

      const again = await serve(['--host', '0.0.0.0', '--no-qr'], { stateHome });
      try {
        expect(tokenOf(again)).toBe(token);
        const output = again.output();
        expect(printed(output, 'phone remote:')[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/remote\?token=\S+$/);
        expect(readTerminalQrCodes(output)).toEqual([]);
        expect(output).not.toMatch(/[▀▄█]/u);
        expect(output).not.toContain('(scan;');
      } finally {
        expect(await interrupt(again)).toEqual({ code: 0, signal: null });
      }

      const renewed = await serve(['--new-token'], { stateHome });
      try {
        const fresh = tokenOf(renewed);
        expect(fresh).toMatch(/^\S{8,256}$/);
        expect(fresh).not.toBe(token);
        const [audience] = printed(renewed.output(), 'audience:');
        expect((await fetch(`${audience}presenter?token=${fresh}`)).status).toBe(200);
        expect((await fetch(`${audience}presenter?token=${token}`)).status).toBe(403);
      } finally {
        expect(await interrupt(renewed)).toEqual({ code: 0, signal: null });
      }
    } finally {
      rmSync(stateHome, { recursive: true, force: true });
    }
  }, 240_000); // three builds and servers one after the other: minutes on a loaded machine

  it('Ctrl+C while it starts (at its first output line) also stops it cleanly, with exit 0', async () => {
    const stateHome = mkdtempSync(join(tmpdir(), 'deck-serve-state-'));
    try {
      const child = spawn(process.execPath, [BIN, 'serve', DECK, '--port', '0', '--no-watch'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, XDG_STATE_HOME: stateHome },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      const onData = (chunk: Buffer) => {
        if (output === '') child.kill('SIGINT');
        output += chunk;
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      const exited = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.on('exit', (code, signal) => done({ code, signal })),
      );
      expect(output).not.toBe('');
      expect(exited).toEqual({ code: 0, signal: null });
    } finally {
      rmSync(stateHome, { recursive: true, force: true });
    }
  });

  it('reloads open pages after an edit to a template (--templates) or to the config file, serving the new build', async () => {
    const work = mkdtempSync(join(tmpdir(), 'deck-serve-reload-'));
    const deck = join(work, 'talk');
    const templates = join(work, 'templates');
    cpSync(DECK, deck, { recursive: true });
    mkdirSync(join(templates, 'layouts'), { recursive: true });
    const layout = join(templates, 'layouts', 'default.hbs');
    writeFileSync(layout, readFileSync(join(ROOT, 'templates', 'layouts', 'default.hbs'), 'utf8'));
    const served = await serve(['--templates', templates], { deck, watch: true });
    try {
      const [audience] = printed(served.output(), 'audience:');
      const port = Number(new URL(audience!).port);
      const page = await connect(port, { role: 'audience' });
      const html = async () => (await fetch(audience!)).text();
      expect(await html()).not.toContain('edited-layout');

      writeFileSync(layout, `<p class="edited-layout">edited layout</p>\n${readFileSync(layout, 'utf8')}`);
      const first = await page.next((m) => m.type === 'reload', 60_000);
      expect(await html()).toContain('<p class="edited-layout">edited layout</p>');

      writeFileSync(join(deck, 'deck.config.yaml'), 'transition: convex\n');
      const second = await page.next((m) => m.type === 'reload', 60_000);
      expect(second.build).toBeGreaterThan(first.build as number);
      const config = JSON.parse(/<script id="deck-config" type="application\/json">(.*?)<\/script>/s.exec(await html())![1]!);
      expect(config.transition).toBe('convex');
      page.ws.close();
    } finally {
      expect(await interrupt(served)).toEqual({ code: 0, signal: null });
      rmSync(work, { recursive: true, force: true });
    }
  });
});
