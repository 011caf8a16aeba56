/** Ports for serve and rehearse: what --port accepts, and listening on the next free port when it is taken. */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DeckError, ErrorCode } from '../../src/core/errors.js';
import { createMemoryLogger } from '../../src/core/log.js';
import { checkPort, listenWithFallback, PORT_ATTEMPTS, parsePort } from '../../src/serve/listen.js';

const HINT = 'give a whole number from 1 to 65535 (or 0 for any free port)';

function thrown(run: () => unknown): DeckError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return error as DeckError;
  }
  throw new Error('nothing thrown');
}

async function rejected(promise: Promise<unknown>): Promise<DeckError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DeckError);
  return error as DeckError;
}

describe('parsePort', () => {
  it('takes 0–65535, with spaces around, and refuses the rest with a DeckError', () => {
    expect(parsePort('4000')).toBe(4000);
    expect(parsePort(' 4000 ')).toBe(4000);
    expect(parsePort('0')).toBe(0);
    expect(parsePort('65535')).toBe(65535);
    for (const bad of ['65536', '99999', '-1', 'abc', '80.5', '', '4000x', 'x4000', '4000 5', '123456']) {
      expect(() => parsePort(bad), bad).toThrow(DeckError);
    }
  });

  it('names what was typed and says what to give', () => {
    const error = thrown(() => parsePort('80a'));
    expect(error.code).toBe(ErrorCode.BadConfig);
    expect(error.message).toBe('invalid port "80a"');
    expect(error.hint).toBe(HINT);
    expect(thrown(() => parsePort('70000')).message).toBe('invalid port "70000"');
    expect(thrown(() => parsePort('x80')).message).toBe('invalid port "x80"');
  });
});

describe('checkPort', () => {
  it('takes whole numbers 0–65535 only', () => {
    expect(checkPort(0)).toBe(0);
    expect(checkPort(65535)).toBe(65535);
    for (const bad of [-1, 65536, 80.5, Number.NaN, '80', undefined]) {
      const error = thrown(() => checkPort(bad));
      expect(error.code).toBe(ErrorCode.BadConfig);
      expect(error.message).toBe(`invalid port "${String(bad)}"`);
      expect(error.hint).toBe(HINT);
    }
  });
});

describe('listenWithFallback', () => {
  const opened: Server[] = [];
  const server = () => {
    const made = createServer();
    opened.push(made);
    return made;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const listening = (port: number) =>
    new Promise<Server | undefined>((resolve) => {
      const made = server();
      made.once('error', () => resolve(undefined));
      made.listen(port, '127.0.0.1', () => resolve(made));
    });
  const portOf = (s: Server) => (s.address() as { port: number }).port;
  /** `count` consecutive ports on 127.0.0.1, all held by other servers (another base when one is taken). */
  async function takenRun(count: number): Promise<number> {
    for (;;) {
      const first = await listening(0);
      const base = portOf(first!);
      if (base + count - 1 > 65535) continue;
      const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => listening(base + 1 + i)));
      if (rest.every(Boolean)) return base;
    }
  }
  const listenersOf = (s: Server) => ({ error: s.listenerCount('error'), listening: s.listenerCount('listening') });

  it('port 0 takes any free port, without a warning', async () => {
    const logger = createMemoryLogger();
    const s = server();
    const port = await listenWithFallback(s, 0, '127.0.0.1', logger);
    expect(port).toBeGreaterThan(0);
    expect(portOf(s)).toBe(port);
    expect(logger.lines).toEqual([]);
  });

  it('a free port is used as asked, without a warning', async () => {
    const free = await listening(0);
    const port = portOf(free!);
    await new Promise((resolve) => free!.close(resolve));
    const logger = createMemoryLogger();
    const s = server();
    const before = listenersOf(s);
    expect(await listenWithFallback(s, port, '127.0.0.1', logger)).toBe(port);
    expect(portOf(s)).toBe(port);
    expect(logger.lines).toEqual([]);
    expect(listenersOf(s)).toEqual(before);
  });

  it('a taken port: the next free one, saying so, with no listeners left on the server', async () => {
    const base = await takenRun(3);
    const logger = createMemoryLogger();
    const s = server();
    const before = listenersOf(s);
    const port = await listenWithFallback(s, base, '127.0.0.1', logger);
    expect(port).toBeGreaterThanOrEqual(base + 3);
    expect(port).toBeLessThan(base + PORT_ATTEMPTS);
    expect(portOf(s)).toBe(port);
    expect(logger.lines).toEqual([{ level: 'warn', message: `port ${base} is in use, serving on port ${port} instead` }]);
    expect(listenersOf(s)).toEqual(before);
  });

  it(`gives up after ${PORT_ATTEMPTS} taken ports, naming the range`, async () => {
    const base = await takenRun(PORT_ATTEMPTS);
    const s = server();
    const error = await rejected(listenWithFallback(s, base, '127.0.0.1', createMemoryLogger()));
    const last = base + PORT_ATTEMPTS - 1;
    expect(error.code).toBe(ErrorCode.ServerFailed);
    expect(error.message).toBe(`cannot start the server on 127.0.0.1:${last}: ports ${base}–${last} are all in use`);
    expect(error.hint).toBe('choose another --port or --host');
    expect(s.listening).toBe(false);
  });

  it('an address that is not this machine: says so at once, without trying other ports', async () => {
    const free = await listening(0);
    const port = portOf(free!);
    const s = server();
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of a real machine.
    const error = await rejected(listenWithFallback(s, port, '192.0.2.1', createMemoryLogger()));
    expect(error.code).toBe(ErrorCode.ServerFailed);
    expect(error.message).toBe(`cannot start the server on 192.0.2.1:${port}: "192.0.2.1" is not an address of this machine`);
    expect(error.hint).toBe('choose another --port or --host');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('EADDRNOTAVAIL');
  });

  /** A server whose listen() fails with `code` (as root, no real port is refused; DNS is not for unit tests). */
  function failing(code: string, message = `listen ${code}`) {
    const tried: number[] = [];
    const fake = Object.assign(new EventEmitter(), {
      listen(port: number) {
        tried.push(port);
        setImmediate(() => fake.emit('error', Object.assign(new Error(message), { code })));
      },
      address: () => null,
    });
    return { server: fake as unknown as Server, tried };
  }

  it('a port the system refuses: not allowed, with a hint to use a higher one', async () => {
    const { server: s, tried } = failing('EACCES');
    const error = await rejected(listenWithFallback(s, 80, '0.0.0.0', createMemoryLogger()));
    expect(error.message).toBe('cannot start the server on 0.0.0.0:80: not allowed to listen on port 80');
    expect(error.hint).toBe('use a port above 1023 (--port 4000)');
    expect(tried).toEqual([80]);
  });

  it('a host name that does not resolve, and any other failure, stop at the first port', async () => {
    const unknown = failing('ENOTFOUND');
    const error = await rejected(listenWithFallback(unknown.server, 4000, 'nowhere.invalid', createMemoryLogger()));
    expect(error.message).toBe('cannot start the server on nowhere.invalid:4000: "nowhere.invalid" is not an address of this machine');
    expect(error.hint).toBe('choose another --port or --host');
    expect(unknown.tried).toEqual([4000]);

    const other = failing('EMFILE', 'too many open files');
    const otherError = await rejected(listenWithFallback(other.server, 4000, '127.0.0.1', createMemoryLogger()));
    expect(otherError.code).toBe(ErrorCode.ServerFailed);
    expect(otherError.message).toBe('cannot start the server on 127.0.0.1:4000: too many open files');
    expect(otherError.hint).toBe('choose another --port or --host');
    expect(other.tried).toEqual([4000]);
  });

  it('tries no port past 65535', async () => {
    const { server: s, tried } = failing('EADDRINUSE');
    const error = await rejected(listenWithFallback(s, 65530, '127.0.0.1', createMemoryLogger()));
    expect(tried).toEqual([65530, 65531, 65532, 65533, 65534, 65535]);
    expect(error.message).toBe('cannot start the server on 127.0.0.1:65535: ports 65530–65535 are all in use');
  });
});
