/** Which request paths the server may serve: nothing outside the build folder, however encoded. */
import { describe, expect, it } from 'vitest';
import { isSafeRequestPath } from '../../src/serve/safe-path.js';

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

  it('refuses an encoded slash inside a name, which would decode to another folder', () => {
    expect(isSafeRequestPath('/assets/img.png')).toBe(true);
    expect(isSafeRequestPath('/assets%2fimg.png')).toBe(false);
    expect(isSafeRequestPath('/assets%2Fimg.png')).toBe(false);
  });

  it('takes paths up to 2048 characters and refuses longer ones', () => {
    const path = (length: number) => `/${'a'.repeat(length - 1)}`;
    expect(isSafeRequestPath(path(2048))).toBe(true);
    expect(isSafeRequestPath(path(2049))).toBe(false);
  });
});
