import { describe, expect, it } from 'vitest';
import { storedToken, takeToken, TOKEN_KEY } from '../../src/client/tab-token.js';

function tab(href: string, storage: Map<string, string> | 'denied' = new Map()) {
  const addresses: string[] = [];
  const sessionStorage = {
    getItem: (key: string) => {
      if (storage === 'denied') throw new Error('denied');
      return storage.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      if (storage === 'denied') throw new Error('denied');
      storage.set(key, value);
    },
  };
  return {
    location: { href },
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => void addresses.push(url) },
    sessionStorage,
    addresses,
  };
}

describe('takeToken', () => {
  it('moves the token from the address into the tab, keeping the slide in the hash and the other parameters', () => {
    const storage = new Map<string, string>();
    const win = tab('http://127.0.0.1:4000/?token=secret-1234&x=1#/3/0', storage);
    expect(takeToken(win)).toBe('secret-1234');
    expect(win.addresses).toEqual(['/?x=1#/3/0']);
    expect(storage.get(TOKEN_KEY)).toBe('secret-1234');
    // A reload (or a live reload) of the cleaned address still has it.
    const reloaded = tab('http://127.0.0.1:4000/?x=1#/3/0', storage);
    expect(takeToken(reloaded)).toBe('secret-1234');
    expect(reloaded.addresses).toEqual([]);
    expect(storedToken(() => reloaded.sessionStorage)).toBe('secret-1234');
  });

  it('leaves the address alone when the tab cannot store it, and gives no token to a tab never given one', () => {
    const denied = tab('http://127.0.0.1:4000/?token=abc', 'denied');
    expect(takeToken(denied)).toBe('abc');
    expect(denied.addresses).toEqual([]);
    expect(takeToken(tab('http://127.0.0.1:4000/'))).toBe('');
    expect(storedToken(() => denied.sessionStorage)).toBeUndefined();
  });
});
