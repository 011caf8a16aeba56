/**
 * The addresses `deck serve` prints: a wildcard bind is reached through loopback, IPv6 hosts go in brackets,
 * and only loopback binds count as private (the `--host` warning); the presenter and remote URLs carry the token.
 */
import { describe, expect, it } from 'vitest';
import { isPublicBind, serverUrls, urlHost } from '../../src/serve/urls.js';

describe('urlHost', () => {
  it('puts a wildcard bind on loopback, IPv4 and IPv6', () => {
    expect(urlHost('0.0.0.0')).toBe('127.0.0.1');
    expect(urlHost('')).toBe('127.0.0.1');
    expect(urlHost('::')).toBe('[::1]');
  });

  it('writes an IPv6 address in brackets and leaves names and IPv4 addresses alone', () => {
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('fe80::1')).toBe('[fe80::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
    expect(urlHost('192.168.1.20')).toBe('192.168.1.20');
    expect(urlHost('localhost')).toBe('localhost');
  });

  it('gives a host that makes a valid URL', () => {
    for (const host of ['0.0.0.0', '::', '::1', 'fe80::1', '10.0.0.2', 'localhost']) {
      expect(() => new URL(`http://${urlHost(host)}:4000/`), host).not.toThrow();
    }
  });
});

describe('isPublicBind', () => {
  it('loopback binds are private', () => {
    for (const host of ['localhost', '::1', '127.0.0.1', '127.1.2.3']) expect(isPublicBind(host), host).toBe(false);
  });

  it('wildcard and LAN binds reach other machines', () => {
    for (const host of ['0.0.0.0', '::', '', '192.168.1.20', '10.127.0.1', 'fe80::1', 'deck.local']) {
      expect(isPublicBind(host), host).toBe(true);
    }
  });
});

describe('serverUrls', () => {
  it('the deck at the base; presenter, presenter-driven deck and remote with the token, escaped', () => {
    expect(serverUrls('http://127.0.0.1:4000/', 'a b&c')).toEqual({
      url: 'http://127.0.0.1:4000/',
      presenterUrl: 'http://127.0.0.1:4000/presenter?token=a%20b%26c',
      presenterDeckUrl: 'http://127.0.0.1:4000/?token=a%20b%26c',
      remoteUrl: 'http://127.0.0.1:4000/remote?token=a%20b%26c',
    });
    const { remoteUrl } = serverUrls('http://[::1]:4000/', 'tok');
    expect(new URL(remoteUrl).searchParams.get('token')).toBe('tok');
    expect(new URL(remoteUrl).pathname).toBe('/remote');
  });
});
