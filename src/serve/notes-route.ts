/**
 * GET /_deck/notes.json?token=…: the speaker notes and the timing plan, for token holders only (the presenter view,
 * the remote, the presenter's deck); the audience's page carries neither (src/serve/notes.ts).
 */
import type { Route } from './http.js';
import type { NotesPayload } from './protocol.js';
import { tokensMatch } from './token.js';

export const NOTES_PATH = '/_deck/notes.json';

export function notesRoute(token: string, current: () => NotesPayload): Route {
  return (req, res, url) => {
    if (url.pathname !== NOTES_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed');
      return true;
    }
    if (!tokensMatch(url.searchParams.get('token'), token)) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('the speaker notes and the timing plan need the presenter token');
      return true;
    }
    const body = Buffer.from(JSON.stringify(current()));
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
