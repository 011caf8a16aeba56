/**
 * The built-in templates compiled ahead of time (src/render/precompile.ts, used by the CLI bundle): a deck renders
 * the same with them as with templates compiled at run time, a precompiled template is used only for the very text
 * it was compiled from, and a user's --templates are compiled at run time as before.
 */
import Handlebars from 'handlebars';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type TemplateSet } from '../../src/render/index.js';
import { builtinTemplatesDir } from '../../src/render/paths.js';
import { precompiledTemplatesModule } from '../../src/render/precompile.js';
import { COMPILE_OPTIONS, loadTemplates, templateFiles, type PrecompiledTemplates } from '../../src/render/templates.js';

const ROOT = join(import.meta.dirname, '..', '..');
const fixtures = join(ROOT, 'tests', 'fixtures');
const DECKS = [join(ROOT, 'slides'), join(fixtures, 'render', 'deck'), join(fixtures, 'charts', 'deck')];
const work = mkdtempSync(join(tmpdir(), 'deck-precompile-'));
let precompiled: PrecompiledTemplates;

/** The page a deck builds into with the built-in templates loaded as `templates` loads them. */
async function pageWith(deck: string, templates: (dirs: readonly string[]) => Promise<TemplateSet>, overrides?: string) {
  const dirs = [builtinTemplatesDir(), ...(overrides ? [overrides] : [])];
  const templateCache = new Map([[dirs.join('\0'), templates(dirs)]]);
  return (await buildDeck(deck, { templateCache, templates: overrides })).rendered.html;
}

beforeAll(async () => {
  const module = join(work, 'precompiled.mjs');
  writeFileSync(module, await precompiledTemplatesModule(builtinTemplatesDir()));
  ({ PRECOMPILED_TEMPLATES: precompiled } = (await import(pathToFileURL(module).href)) as { PRECOMPILED_TEMPLATES: PrecompiledTemplates });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('precompiled templates', () => {
  it('hold every built-in template with the text it was compiled from', async () => {
    const files = await templateFiles([builtinTemplatesDir()]);
    expect([...precompiled.keys()].sort()).toEqual([...files.keys()].sort());
    expect(files.size).toBeGreaterThan(10);
    expect(precompiled.get('page.hbs')!.text).toContain('<html');
  });

  it('render each deck exactly as the templates compiled at run time do', async () => {
    for (const deck of DECKS) {
      const compiled = await pageWith(deck, (dirs) => loadTemplates(dirs, undefined));
      expect(compiled).toContain('<section');
      expect(await pageWith(deck, (dirs) => loadTemplates(dirs, precompiled))).toBe(compiled);
    }
  });

  it('are used for the text they were compiled from, and not for any other text', async () => {
    // precompile() gives the spec as the source of an object literal, as the bundle holds it.
    const spec = new Function(`return ${Handlebars.precompile('FORGED {{{content}}}', COMPILE_OPTIONS)}`)();
    const forged = (text: string) => new Map([...precompiled, ['layouts/default.hbs', { text, spec }]]);
    const current = precompiled.get('layouts/default.hbs')!.text;
    const deck = join(fixtures, 'render', 'deck');
    // The same text: the precompiled spec is what runs (here a forged one, to see it).
    expect(await pageWith(deck, (dirs) => loadTemplates(dirs, forged(current)))).toContain('FORGED');
    // templates/ changed since the bundle was made: the file's text is compiled, the stale spec is not used.
    const stale = await pageWith(deck, (dirs) => loadTemplates(dirs, forged(`${current}<!-- older -->`)));
    expect(stale).not.toContain('FORGED');
    expect(stale).toBe(await pageWith(deck, (dirs) => loadTemplates(dirs, undefined)));
  });

  it("leave a user's --templates (layouts and partials) to run-time compiling", async () => {
    const override = join(fixtures, 'render', 'override');
    const deck = join(fixtures, 'render', 'deck');
    const html = await pageWith(deck, (dirs) => loadTemplates(dirs, precompiled), override);
    expect(html).toContain('CUSTOM Model-X / 1.5B');
    expect(html).toContain('<meta name="custom-partial" content="yes">');
    expect(html).toBe(await pageWith(deck, (dirs) => loadTemplates(dirs, undefined), override));
  });
});
