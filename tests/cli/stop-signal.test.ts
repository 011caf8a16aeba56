import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run.js';

const lib = (path: string) => pathToFileURL(join(ROOT, 'lib', path)).href;

/**
 * A child process that runs `script` (an ES module body with `firstStopSignal` and `onStopSignal` in scope), gets
 * SIGINT once it prints "ready" (and again each time it prints "again"), and reports what it printed and how it ended.
 */
function runChild(script: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string[] }> {
  const source =
    `import { firstStopSignal } from '${lib('cli/stop-signal.js')}';\n` +
    `import { onStopSignal } from '${lib('browser/signals.js')}';\n` +
    `const say = (line) => process.stdout.write(line + '\\n');\n${script}`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
    const out: string[] = [];
    let buffer = '';
    child.stdout.on('data', (data: Buffer) => {
      buffer += data.toString();
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        out.push(line);
        if (line === 'ready' || line === 'again') child.kill('SIGINT');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, out });
    });
  });
}

/** Waits long enough for a signal the process sent itself to arrive: a re-raised SIGINT would end it here. */
const GRACE = 'await new Promise((r) => setTimeout(r, 300));';

describe('stop signals', () => {
  it('a browser cleanup alone re-raises the signal once done, so the program ends by it', async () => {
    const result = await runChild(`onStopSignal(async () => { say('cleaned'); });\nsetInterval(() => {}, 1000);\nsay('ready');`);
    expect(result.out).toEqual(['ready', 'cleaned']);
    expect(result.signal).toBe('SIGINT');
  });

  it('a command stopping on its own owns the ending: the browser cleanup runs, nothing is re-raised, the shutdown completes', async () => {
    const result = await runChild(
      `const stop = firstStopSignal();
       let cleaned;
       const done = new Promise((r) => (cleaned = r));
       onStopSignal(async () => { say('cleaned'); cleaned(); });
       const keep = setInterval(() => {}, 1000);
       say('ready');
       say(await stop.signal);
       await done;
       ${GRACE}
       say('closed');
       stop.dispose();
       clearInterval(keep);`,
    );
    // The cleanup and the command's own shutdown run side by side; the shutdown ends last.
    expect(result.out.slice(1, 3).sort()).toEqual(['SIGINT', 'cleaned']);
    expect(result.out.at(-1)).toBe('closed');
    expect(result.out).toHaveLength(4);
    expect(result).toMatchObject({ code: 0, signal: null });
  });

  it('a second Ctrl+C during a slow shutdown ends the program', async () => {
    const result = await runChild(
      `const stop = firstStopSignal();
       setInterval(() => {}, 1000);
       say('ready');
       say(await stop.signal);
       say('again');`,
    );
    expect(result.out).toEqual(['ready', 'SIGINT', 'again']);
    expect(result.signal).toBe('SIGINT');
  });

  it('after dispose, the listeners are gone', async () => {
    const result = await runChild(
      `const stop = firstStopSignal();
       say(String(process.listenerCount('SIGINT')) + ' ' + String(process.listenerCount('SIGTERM')));
       stop.dispose();
       say(String(process.listenerCount('SIGINT')) + ' ' + String(process.listenerCount('SIGTERM')));`,
    );
    expect(result.out).toEqual(['1 1', '0 0']);
    expect(result.code).toBe(0);
  });
});
