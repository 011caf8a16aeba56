/**
 * reveal.js plugins with nothing to do in an export page, answered with an empty plugin instead of their script:
 * the speaker-notes window (a PDF has no speaker view; the handout takes the notes from the deck), 68 KB of script
 * the print page would parse for nothing. The highlight plugin, the other 920 KB, is not in the page
 * at all when the deck has no code block (src/render/code-blocks.ts), and colours the code when it has one. The
 * user's index.html keeps the notes plugin (tests/export/idle-plugins.test.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PLUGIN_SCRIPTS } from '../render/vendor.js';

/** Script URLs to answer, with the script that answers each. */
export type StubScripts = ReadonlyMap<string, string>;

/** An empty plugin under the global the plugin's script defines, so the page's `plugins: [...]` still works. */
function emptyPlugin(global: string, id: string): string {
  return `window.${global} = () => ({ id: ${JSON.stringify(id)}, init() {} });\n`;
}

/** The plugin scripts of a deck built into `outDir` that an export skips. */
export function idlePlugins(outDir: string): StubScripts {
  const idle = [PLUGIN_SCRIPTS.notes];
  return new Map(idle.map((plugin) => [pathToFileURL(join(outDir, plugin.target)).href, emptyPlugin(plugin.global, plugin.id)]));
}
