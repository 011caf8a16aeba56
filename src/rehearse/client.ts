/** The in-page recorder (templates/rehearse/client.js) as HTML to put at the end of the deck's <body>. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtinTemplatesDir } from '../render/paths.js';

export interface ClientConfig {
  /** Where the routes are ("/_rehearse"). Every post carries the presenter token of the page's URL. */
  readonly endpoint: string;
  /** Record in pages shown inside frames too (default: only top-level pages record). */
  readonly frames?: boolean;
}

export function clientScriptPath(): string {
  return join(builtinTemplatesDir(), 'rehearse', 'client.js');
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export async function rehearsalClientHtml(config: ClientConfig): Promise<string> {
  const script = await readFile(clientScriptPath(), 'utf8');
  return (
    `<script id="deck-rehearse-config" type="application/json">${scriptJson(config)}</script>\n` +
    `<script>\n${script.replace(/<\/script/gi, '<\\/script')}</script>`
  );
}
