import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { DeckError, ErrorCode } from '../core/errors.js';
import { templateHelpers } from './helpers.js';
import { chartHelpers } from './charts/index.js';
import { PRECOMPILED_TEMPLATES } from './precompiled-templates.js';

export interface TemplateSet {
  readonly handlebars: typeof Handlebars;
  readonly page: Handlebars.TemplateDelegate;
  readonly layouts: ReadonlyMap<string, Handlebars.TemplateDelegate>;
  /** Where each template came from, for error messages. */
  readonly origins: ReadonlyMap<string, string>;
}

/** A template compiled ahead of time (precompile.ts), with the text it was compiled from. */
export interface PrecompiledTemplate {
  readonly text: string;
  readonly spec: ReturnType<typeof Handlebars.precompile>;
}

/** Precompiled templates by key: `page.hbs`, `layouts/<name>.hbs`, `partials/<name>.hbs`. */
export type PrecompiledTemplates = ReadonlyMap<string, PrecompiledTemplate>;

/** How every template is compiled, at run time or ahead of time (precompile.ts). */
export const COMPILE_OPTIONS = { strict: false, preventIndent: true } as const;

async function listTemplates(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function compile(
  handlebars: typeof Handlebars,
  text: string,
  file: string,
  precompiled: PrecompiledTemplate | undefined,
): Handlebars.TemplateDelegate {
  if (precompiled?.text === text) return handlebars.template(precompiled.spec);
  try {
    // Parse now so syntax errors surface at load time, naming the file; compile lazily on first use.
    handlebars.parse(text);
    return handlebars.compile(text, COMPILE_OPTIONS);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1];
    throw new DeckError(ErrorCode.BadTemplate, `template error: ${message.split('\n')[0]}`, {
      file,
      line: line ? Number(line) : undefined,
    });
  }
}

/**
 * The template files of `dirs` by key (`page.hbs`, `layouts/<name>.hbs`, `partials/<name>.hbs`): the built-in
 * folder first, then each override folder, where a file of the same name replaces the built-in one.
 */
export async function templateFiles(dirs: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of await listTemplates(dir)) files.set(name, join(dir, name));
    for (const kind of ['layouts', 'partials']) {
      for (const name of await listTemplates(join(dir, kind))) files.set(`${kind}/${name}`, join(dir, kind, name));
    }
  }
  return files;
}

/**
 * Load the page template, layouts and partials (`templateFiles`). Layout: layouts/<name>.hbs; partial:
 * partials/<name>.hbs. A template whose text is one of `precompiled` (the CLI bundle's built-in templates) is
 * not compiled again; any other, a user's --templates included, is compiled here.
 */
export async function loadTemplates(
  dirs: readonly string[],
  precompiled: PrecompiledTemplates | undefined = PRECOMPILED_TEMPLATES,
): Promise<TemplateSet> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(templateHelpers());
  handlebars.registerHelper(chartHelpers());
  const files = await templateFiles(dirs);
  const texts = new Map<string, string>();
  await Promise.all([...files].map(async ([key, path]) => texts.set(key, await readFile(path, 'utf8'))));
  const layouts = new Map<string, Handlebars.TemplateDelegate>();
  let page: Handlebars.TemplateDelegate | undefined;
  for (const [key, path] of files) {
    const text = texts.get(key)!;
    const name = basename(key, '.hbs');
    const compiled = compile(handlebars, text, path, precompiled?.get(key));
    // A partial is registered compiled, with the options of every template (as a text, Handlebars would compile
    // it on first use with the options of the template calling it, which a precompiled one does not carry).
    if (key.startsWith('partials/')) handlebars.registerPartial(name, compiled);
    else if (key.startsWith('layouts/')) layouts.set(name, compiled);
    else if (name === 'page') page = compiled;
  }
  if (!page) {
    throw new DeckError(ErrorCode.BadTemplate, 'no page template (page.hbs) found', { file: dirs.join(', ') });
  }
  return { handlebars, page, layouts, origins: files };
}

/** Run a template, turning Handlebars' runtime errors (a missing partial, a partial that includes itself) into
 * BadTemplate errors that name what was being rendered. */
export function runTemplate(template: Handlebars.TemplateDelegate, context: unknown, what: string, file?: string, line?: number): string {
  try {
    return template(context, { allowProtoPropertiesByDefault: false });
  } catch (error) {
    const message =
      error instanceof RangeError ? 'a partial includes itself (endless recursion)' : (error as Error).message.split('\n')[0]!;
    throw new DeckError(ErrorCode.BadTemplate, `cannot render ${what}: ${message}`, { file, line, cause: error });
  }
}
