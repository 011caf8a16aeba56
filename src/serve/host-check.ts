/**
 * Which `Host` and `Origin` headers the server answers to: its own names and addresses only. A page on another
 * site that rebinds its DNS name to 127.0.0.1 reaches this server with its own name in `Host` and `Origin`
 * (DNS rebinding); refusing every name but ours keeps the deck, its notes and the socket away from it.
 * A rebinding attack always carries the attacker's domain name, so IP literals of this machine, `localhost`
 * and `*.localhost` (which browsers never resolve through DNS) are safe to accept. Tested in tests/serve/host-check.test.ts.
 */
import { hostname as osHostname, networkInterfaces } from 'node:os';

export interface HostPolicyOptions {
  /** The address the server is bound to (`127.0.0.1`, `0.0.0.0`, `::`, a LAN address or a name). */
  bind: string;
  /** The port it listens on (known once it listens). */
  port: () => number;
  /** More names the user allows (`--allow-host`): `name` allows it on any port, `name:port` on that port only. */
  extra?: readonly string[];
  /** This machine's interface addresses; default `os.networkInterfaces()`. */
  addresses?: () => string[];
  /** This machine's host name; default `os.hostname()`. */
  hostname?: () => string;
}

export interface HostPolicy {
  /** Whether a request's `Host` header names this server (a missing header is refused). */
  allowsHost(header: string | undefined): boolean;
  /** Whether a request's `Origin` is a page of this server; no header (not a browser, or a same-origin GET) is allowed, `null` is not. */
  allowsOrigin(header: string | undefined): boolean;
  /** The names accepted, for the terminal when a request is refused (never for the refused client). */
  names(): string[];
}

/** Names the wildcard interfaces of a bind. */
const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
/** How often the interface list may be read again when a name is not known (a laptop changing networks). */
const REFRESH_MS = 2_000;

/** A host as `URL.hostname` spells it: lower case, IPv6 in brackets, no trailing dot, no zone. */
export function normalHost(name: string): string {
  let host = name.trim().toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  host = host.replace(/%.*$/, '');
  return host.includes(':') ? `[${host}]` : host;
}

/** "name:port" → parts; undefined when it is not a plain host (user info, a path or odd characters). */
export function splitHost(value: string): { host: string; port: number | undefined } | undefined {
  if (!/^[a-z0-9._~\-[\]:%]+$/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.pathname !== '/') return undefined;
  return { host: normalHost(url.hostname), port: url.port === '' ? undefined : Number(url.port) };
}

function defaultAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => Boolean(a))
    .map((a) => a.address);
}

export function createHostPolicy(options: HostPolicyOptions): HostPolicy {
  const addresses = options.addresses ?? defaultAddresses;
  const machineName = options.hostname ?? osHostname;
  const bind = normalHost(options.bind);
  const wildcard = WILDCARDS.has(options.bind.trim());
  const anyPort = new Set<string>();
  const onPort = new Set<string>();
  for (const entry of options.extra ?? []) {
    const parsed = splitHost(entry);
    if (!parsed) continue;
    if (parsed.port === undefined) anyPort.add(parsed.host);
    else onPort.add(`${parsed.host}:${parsed.port}`);
  }
  let own = new Set<string>();
  let readAt = Number.NEGATIVE_INFINITY;
  const refresh = () => {
    const names = new Set(LOOPBACK);
    if (!wildcard) names.add(bind);
    else {
      for (const address of addresses()) names.add(normalHost(address));
      const name = normalHost(machineName());
      if (name) names.add(name).add(`${name}.local`);
    }
    own = names;
    readAt = performance.now();
  };
  const isOwn = (host: string) => {
    if (host.endsWith('.localhost')) return true;
    if (own.has(host)) return true;
    if (!wildcard || performance.now() - readAt < REFRESH_MS) return false;
    refresh();
    return own.has(host);
  };
  const allows = (host: string, port: number) =>
    anyPort.has(host) || onPort.has(`${host}:${port}`) || (port === options.port() && isOwn(host));
  refresh();

  return {
    allowsHost(header) {
      const parsed = header === undefined ? undefined : splitHost(header);
      return parsed !== undefined && allows(parsed.host, parsed.port ?? 80);
    },
    allowsOrigin(header) {
      if (header === undefined) return true;
      let url: URL;
      try {
        url = new URL(header);
      } catch {
        return false; // "null" (a sandboxed frame, a file:// page) and anything unparsable
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
      return allows(normalHost(url.hostname), port);
    },
    names() {
      const port = options.port();
      return [...[...own].map((name) => `${name}:${port}`), ...anyPort, ...onPort];
    },
  };
}
