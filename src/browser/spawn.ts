/**
 * Starting the Chromium process itself: the DevTools pipe on fds 3 and 4, the last lines of its stderr kept for
 * error messages, and a promise of its exit. Nothing of puppeteer-core is loaded here, so the process starts
 * while the rest of the program is still loading (src/browser/launch.ts connects to it afterwards).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** How much of Chromium's stderr is kept: enough for the reason it gives when it cannot start. */
const STDERR_LINES = 8;

export interface ChromiumProcess {
  readonly child: ChildProcess;
  /** Commands go here (Chromium's fd 3) and replies come from there (its fd 4). */
  readonly toBrowser: Writable;
  readonly fromBrowser: Readable;
  /** Settles once the process has exited (also when it never started: a missing or unrunnable file). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>;
  /** The last lines Chromium wrote to stderr, trimmed. */
  stderrTail(): string;
  /** Kill Chromium and its helpers (its process group) at once. */
  kill(): void;
}

export function spawnChromium(executablePath: string, args: readonly string[]): ChromiumProcess {
  // Its own process group (as Puppeteer does): Ctrl-C in a terminal reaches us, and we close Chromium ourselves.
  const child = spawn(executablePath, args, {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    env: process.env,
  });
  let tail: string[] = [];
  child.stderr?.setEncoding('utf8');
  // Always drained, so Chromium never blocks on a full stderr pipe.
  child.stderr?.on('data', (text: string) => {
    tail = [...tail, ...text.split('\n')].filter((line) => line.trim() !== '').slice(-STDERR_LINES);
  });
  const kill = () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      if (process.platform === 'win32') child.kill('SIGKILL');
      else process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  // If this program exits while Chromium runs (an uncaught error, process.exit), Chromium goes too.
  process.on('exit', kill);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => {
      process.off('exit', kill);
      resolve({ code: null, signal: null, error });
    });
    child.once('exit', (code, signal) => {
      process.off('exit', kill);
      resolve({ code, signal });
    });
  });
  return {
    child,
    toBrowser: child.stdio[3] as Writable,
    fromBrowser: child.stdio[4] as Readable,
    exited,
    stderrTail: () => tail.map((line) => line.trim()).join('\n'),
    kill,
  };
}
