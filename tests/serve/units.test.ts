import { describe, expect, it } from 'vitest';
import { createCoalescer } from '../../src/serve/coalesce.js';
import { onlySlidesChanged } from '../../src/serve/html-diff.js';
import { parsePort } from '../../src/serve/listen.js';
import { parseClientMessage } from '../../src/serve/protocol.js';
import { createTokenBucket } from '../../src/serve/rate-limit.js';
import { isSafeRequestPath } from '../../src/serve/safe-path.js';
import { makeToken, tokensMatch } from '../../src/serve/token.js';
import { DeckError } from '../../src/core/errors.js';

describe('isSafeRequestPath', () => {
  it.each(['/', '/index.html', '/assets/reveal/reveal.js', '/assets/img/%E5%9C%96.png', '/a%20b.png', '/presenter'])(
    'allows %s',
    (path) => {
      expect(isSafeRequestPath(path)).toBe(true);
    },
  );
  it.each([
    '/../package.json',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/secret',
    '/.%2e/x',
    '/%252e%252e/x',
    '/..%2fetc%2fpasswd',
    '/..%5c..%5cwindows',
    '/assets\\..\\x',
    '//etc/passwd',
    'etc/passwd',
    '/%00',
    '/%E0%A4%A',
    '/./index.html',
  ])('refuses %s', (path) => {
    expect(isSafeRequestPath(path)).toBe(false);
  });
});

describe('tokens', () => {
  it('makes distinct URL-safe tokens and compares them exactly', () => {
    const a = makeToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(makeToken()).not.toBe(a);
    expect(tokensMatch(a, a)).toBe(true);
    expect(tokensMatch(a.slice(0, -1), a)).toBe(false);
    expect(tokensMatch(`${a}x`, a)).toBe(false);
    expect(tokensMatch(undefined, a)).toBe(false);
    expect(tokensMatch('', a)).toBe(false);
    expect(tokensMatch(42, a)).toBe(false);
  });
});

describe('createTokenBucket', () => {
  it('allows a burst, then refills over time', () => {
    let now = 0;
    const bucket = createTokenBucket({ capacity: 3, refillPerSecond: 2, now: () => now });
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 1000; // two tokens back after a second
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});

describe('parseClientMessage', () => {
  it('accepts the protocol and drops anything else', () => {
    expect(parseClientMessage('{"type":"navigate","h":1,"v":0,"f":-1}')).toEqual({ type: 'navigate', h: 1, v: 0, f: -1 });
    expect(parseClientMessage('{"type":"hello","role":"deck","token":"x"}')?.type).toBe('hello');
    for (const bad of [
      'not json',
      '{"type":"navigate","h":-1,"v":0,"f":0}',
      '{"type":"navigate","h":1.5,"v":0,"f":0}',
      '{"type":"navigate","h":"1","v":0,"f":0}',
      '{"type":"navigate","h":1,"v":0,"f":0,"extra":true}',
      '{"type":"hello","role":"admin"}',
      '{"type":"eval","code":"x"}',
      '[]',
      'null',
      undefined,
    ]) {
      expect(parseClientMessage(bad)).toBeUndefined();
    }
  });
});

describe('parsePort', () => {
  it('takes 0–65535 and refuses the rest with a DeckError', () => {
    expect(parsePort('4000')).toBe(4000);
    expect(parsePort('0')).toBe(0);
    for (const bad of ['65536', '-1', 'abc', '80.5', '']) expect(() => parsePort(bad)).toThrow(DeckError);
  });
});

describe('onlySlidesChanged', () => {
  const page = (title: string, body: string) =>
    `<html><head><title>${title}</title></head><body><div class="slides"><section>a</section><section>${body}</section></div><script>x</script></body></html>`;
  it('is true when only slide content differs, false when the head or scripts do', () => {
    expect(onlySlidesChanged(page('t', 'b'), page('t', 'b2'))).toBe(true);
    expect(onlySlidesChanged(page('t', 'b'), page('t2', 'b'))).toBe(false);
    expect(onlySlidesChanged(page('t', 'b'), page('t', 'b').replace('<script>x', '<script>y'))).toBe(false);
  });
});

describe('createCoalescer', () => {
  it('batches events that arrive together and runs one more time for events during a run', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const coalescer = createCoalescer(
      async (batch) => {
        batches.push([...batch].sort());
        if (batches.length === 1) await gate;
      },
      (error) => {
        throw error;
      },
    );
    coalescer.add('a');
    coalescer.add('b');
    coalescer.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    coalescer.add('c');
    coalescer.add('d');
    release();
    await coalescer.idle();
    expect(batches).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    await coalescer.close();
  });
});
