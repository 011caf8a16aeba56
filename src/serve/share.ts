/**
 * Sharing the server with the room: the URLs a phone or another laptop can open (the network addresses when the
 * server listens on every interface), and their QR codes, as SVG for the presenter view and as text for the
 * terminal. GET /_deck/share.json?token=… gives them to the presenter view.
 */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';
import type { Route } from './http.js';
import { tokensMatch } from './token.js';
import { isPublicBind, serverUrls } from './urls.js';

export const SHARE_PATH = '/_deck/share.json';

/** This machine's IPv4 addresses other devices can reach. */
export function lanAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  return Object.values(interfaces)
    .flat()
    .filter((a): a is NonNullable<typeof a> => a !== undefined && !a.internal && a.family === 'IPv4')
    .map((a) => a.address);
}

export interface ShareLinks {
  /** What the audience opens. */
  readonly audience: string;
  /** What the phone opens (it carries the token). */
  readonly remote: string;
  /** True when only this machine can reach the server (no --host): a phone cannot open these. */
  readonly loopbackOnly: boolean;
}

/** The links to show: the first network address when listening on every interface, else the address given. */
export function shareLinks(host: string, port: number, token: string, lan: readonly string[] = lanAddresses()): ShareLinks {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  const reachable = wildcard ? lan[0] : host.includes(':') ? `[${host}]` : host;
  const loopbackOnly = !isPublicBind(host) || reachable === undefined;
  const urls = serverUrls(`http://${reachable ?? '127.0.0.1'}:${port}/`, token);
  return { audience: urls.url, remote: urls.remoteUrl, loopbackOnly };
}

/** A QR code as an SVG document (dark on white, a quiet zone of 2 modules). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** A QR code in half-height block characters, for the terminal. */
export function qrTerminal(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}

export function shareRoute(token: string, links: () => ShareLinks): Route {
  return async (req, res, url) => {
    if (url.pathname !== SHARE_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    if (!tokensMatch(url.searchParams.get('token'), token)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('the share links need the presenter token');
      return true;
    }
    const current = links();
    const [audienceSvg, remoteSvg] = await Promise.all([qrSvg(current.audience), qrSvg(current.remote)]);
    const body = Buffer.from(JSON.stringify({ ...current, audienceSvg, remoteSvg }));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
