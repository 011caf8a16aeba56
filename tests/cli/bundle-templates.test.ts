/**
 * The CLI bundle carries the built-in templates compiled ahead of time (scripts/build-cli.mjs, src/render/precompile.ts):
 * those of templates/ as they are now, rendering as templates compiled at run time do; and a user's --templates
 * still build through the bundle as they do in-process.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/render/index.js';
import { builtinTemplatesDir } from '../../src/render/paths.js';
import { loadTemplates, templateFiles, type PrecompiledTemplates } from '../../src/render/templates.js';
import { ensureCompiled, OUT, ROOT, runCli } from './run.js';

const WORK = join(OUT, 'bundle-templates');
const BUNDLE = join(ROOT, 'lib', 'cli-bundle');
const RENDER = join(ROOT, 'tests', 'fixtures', 'render');
const START = 'var PRECOMPILED_TEMPLATES = /* @__PURE__ */ new Map([';

/** The precompiled templates as the bundle holds them, evaluated. */
function bundledTemplates(): PrecompiledTemplates {
  const chunks = readdirSync(BUNDLE)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(BUNDLE, name), 'utf8'))
    .filter((text) => text.includes(START));
  expect(chunks).toHaveLength(1);
  const text = chunks[0]!;
  const start = text.indexOf(START) + START.length;
  const end = text.indexOf('\n]);\n', start);
  return new Function(`return new Map([${text.slice(start, end)}\n]);`)() as PrecompiledTemplates;
}

beforeAll(async () => {
  await ensureCompiled();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
});

describe('the bundle’s precompiled templates', () => {
  it('are every template of templates/, compiled from its current text, and render as run-time compiled ones', async () => {
    const bundled = bundledTemplates();
    const files = await templateFiles([builtinTemplatesDir()]);
    expect([...bundled.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [key, path] of files) expect(bundled.get(key)!.text, key).toBe(readFileSync(path, 'utf8'));
    const dirs = [builtinTemplatesDir()];
    const page = async (precompiled: PrecompiledTemplates | undefined) =>
      (await buildDeck(join(ROOT, 'slides'), { templateCache: new Map([[dirs.join('\0'), loadTemplates(dirs, precompiled)]]) })).rendered
        .html;
    expect(await page(bundled)).toBe(await page(undefined));
  });

  it("build a deck with a user's --templates (a layout and a partial) as the in-process build does", async () => {
    const out = join(WORK, 'override');
    const overrides = join(RENDER, 'override');
    const result = await runCli(['build', join(RENDER, 'deck'), '--templates', overrides, '-o', out, '-q']);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('CUSTOM Model-X / 1.5B');
    expect(html).toContain('<meta name="custom-partial" content="yes">');
    expect(html).toBe((await buildDeck(join(RENDER, 'deck'), { templates: overrides })).rendered.html);
  });
});
