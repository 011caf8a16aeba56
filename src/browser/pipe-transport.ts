/**
 * The DevTools protocol over Chromium's `--remote-debugging-pipe`: JSON messages ended by a NUL byte, written to
 * the child's fd 3 and read from its fd 4. Puppeteer accepts any object of this shape (`ConnectionTransport`)
 * in `puppeteer.connect({ transport })`, which lets us start Chromium before puppeteer-core is even loaded.
 */
import type { Readable, Writable } from 'node:stream';

/** The shape of puppeteer-core's `ConnectionTransport`, kept here so that this file loads nothing of it. */
export interface PipeTransport {
  send(message: string): void;
  close(): void;
  onmessage?: (message: string) => void;
  onclose?: () => void;
}

export function pipeTransport(toBrowser: Writable, fromBrowser: Readable): PipeTransport {
  let pending: Buffer[] = [];
  let closed = false;
  const transport: PipeTransport = {
    send(message) {
      if (closed) return;
      toBrowser.write(message);
      toBrowser.write('\0');
    },
    close() {
      closed = true;
      fromBrowser.off('data', onData);
    },
  };
  function onData(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(0);
    if (end < 0) {
      pending.push(chunk);
      return;
    }
    while (end >= 0) {
      const message = Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8');
      pending = [];
      // Puppeteer's own pipe transport hands each message over on its own turn of the event loop too: a handler
      // that throws must not lose the messages after it in the same chunk.
      setImmediate(() => transport.onmessage?.(message));
      start = end + 1;
      end = chunk.indexOf(0, start);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  fromBrowser.on('data', onData);
  // A Chromium started early (start.ts) may have exited before anyone connects: its pipe is closed already and
  // 'close' will not come again. Puppeteer must still hear of it (it sets `onclose` after this returns), or its
  // first command waits for an answer for the whole protocol timeout and keeps the program alive.
  if (fromBrowser.closed || fromBrowser.destroyed) setImmediate(() => transport.onclose?.());
  else fromBrowser.once('close', () => transport.onclose?.());
  // A write to a browser that has just died fails with EPIPE; the close above reports it.
  toBrowser.on('error', () => {});
  fromBrowser.on('error', () => {});
  return transport;
}
