/**
 * The in-page recorder as HTML to put at the end of the deck's <body>: its configuration, and the script the dev
 * server serves from the bundled browser code (src/client/entries/rehearse.ts → lib/client/rehearse.js).
 */

export interface ClientConfig {
  /** Where the routes are ("/_rehearse"). Every post carries the presenter token of the page's URL. */
  readonly endpoint: string;
  /** Record in pages shown inside frames too (default: only top-level pages record). */
  readonly frames?: boolean;
}

/** Where the dev server serves the recorder (it serves every bundled page script under /_deck/). */
export const RECORDER_SCRIPT = '/_deck/rehearse.js';

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function rehearsalClientHtml(config: ClientConfig): string {
  return (
    `<script id="deck-rehearse-config" type="application/json">${scriptJson(config)}</script>\n` +
    `<script src="${RECORDER_SCRIPT}"></script>`
  );
}
