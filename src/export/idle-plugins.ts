/**
 * reveal.js plugins with nothing to do in an export page, answered with an empty plugin instead of their script:
 * the speaker-notes window always (a PDF has no speaker view; the handout takes the notes from the deck), and
 * code highlighting when the built page has no <pre> block to colour. The two scripts are about 1 MB of the page's
 * 1.2 MB of JavaScript; parsing and running them was about 40% of a 30-slide deck's page load before `pdf-ready`.
 * The user's index.html keeps both (tests/export/idle-plugins.test.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLUGIN_SCRIPTS } from '../render/vendor.js';

/** Script URLs to answer, with the script that answers each. */
export type StubScripts = ReadonlyMap<string, string>;

/** Whether reveal.js's highlight plugin has something to do in this page: it colours `pre code` blocks. */
export function needsHighlight(html: string): boolean {
  return /<pre[\s>]/i.test(html);
}

/** An empty plugin under the global the plugin's script defines, so the page's `plugins: [...]` still works. */
function emptyPlugin(global: string, id: string): string {
  return `window.${global} = () => ({ id: ${JSON.stringify(id)}, init() {} });\n`;
}

/** The plugin scripts of a deck built into `outDir` (its index.html is `html`) that an export may skip. */
export function idlePlugins(outDir: string, html: string): StubScripts {
  const idle = [PLUGIN_SCRIPTS.notes, ...(needsHighlight(html) ? [] : [PLUGIN_SCRIPTS.highlight])];
  return new Map(idle.map((plugin) => [pathToFileURL(join(outDir, plugin.target)).href, emptyPlugin(plugin.global, plugin.id)]));
}
