import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { pipeTransport } from '../../src/browser/pipe-transport.js';

describe('pipeTransport', () => {
  it('sends each message NUL-terminated and hands over whole messages however the pipe cuts them', async () => {
    const toBrowser = new PassThrough();
    const fromBrowser = new PassThrough();
    const transport = pipeTransport(toBrowser, fromBrowser);
    const received: string[] = [];
    transport.onmessage = (message) => received.push(message);
    transport.send('{"id":1}');
    expect(toBrowser.read()?.toString()).toBe('{"id":1}\0');
    fromBrowser.write('{"id":1,"res');
    fromBrowser.write('ult":{}}\0{"id":2}\0{"met');
    fromBrowser.write('hod":"x"}\0');
    await vi.waitFor(() => expect(received).toEqual(['{"id":1,"result":{}}', '{"id":2}', '{"method":"x"}']));
  });

  it('reports a close, also of a pipe that closed before the transport was made (a browser that exited first)', async () => {
    const open = new PassThrough();
    const later = pipeTransport(new PassThrough(), open);
    const closedLater = vi.fn();
    later.onclose = closedLater;
    open.destroy();
    await vi.waitFor(() => expect(closedLater).toHaveBeenCalledTimes(1));

    const gone = new PassThrough();
    gone.destroy();
    await vi.waitFor(() => expect(gone.closed).toBe(true));
    const early = pipeTransport(new PassThrough(), gone);
    const closedEarly = vi.fn();
    early.onclose = closedEarly; // set after creation, as puppeteer's Connection does
    await vi.waitFor(() => expect(closedEarly).toHaveBeenCalledTimes(1));
  });
});
