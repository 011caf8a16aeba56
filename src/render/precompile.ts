/**
 * The built-in templates compiled ahead of time: the source of a module for the CLI bundle (scripts/build-cli.mjs
 * puts it in place of precompiled-templates.ts). Compiling templates/ took about a tenth of a cold 200-slide build
 * (Handlebars' parser and code generator running cold, docs/speed.md); templates/ stays the source, each compiled
 * template carries the text it was compiled from, and a text that differs at run time is compiled then.
 */
import Handlebars from 'handlebars';
import { readFile } from 'node:fs/promises';
import { COMPILE_OPTIONS, templateFiles } from './templates.js';

/** An ES module exporting `PRECOMPILED_TEMPLATES`: each template of `dir` (page, layouts, partials) compiled. */
export async function precompiledTemplatesModule(dir: string): Promise<string> {
  const entries: string[] = [];
  for (const [key, path] of await templateFiles([dir])) {
    const text = await readFile(path, 'utf8');
    const spec = Handlebars.precompile(text, COMPILE_OPTIONS) as unknown as string;
    entries.push(`[${JSON.stringify(key)}, { text: ${JSON.stringify(text)}, spec: ${spec} }]`);
  }
  return `export const PRECOMPILED_TEMPLATES = new Map([\n${entries.join(',\n')}\n]);\n`;
}
