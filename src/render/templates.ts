import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { DeckError, ErrorCode } from '../core/errors.js';
import { templateHelpers } from './helpers.js';
import { chartHelpers } from './charts/index.js';

export interface TemplateSet {
  readonly handlebars: typeof Handlebars;
  readonly page: Handlebars.TemplateDelegate;
  readonly layouts: ReadonlyMap<string, Handlebars.TemplateDelegate>;
  /** Where each template came from, for error messages. */
  readonly origins: ReadonlyMap<string, string>;
}

async function listTemplates(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.hbs')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function compile(handlebars: typeof Handlebars, text: string, file: string): Handlebars.TemplateDelegate {
  try {
    // Parse now so syntax errors surface at load time, naming the file; compile lazily on first use.
    handlebars.parse(text);
    return handlebars.compile(text, { strict: false, preventIndent: true });
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
 * Load the page template, layouts and partials: the built-in folder first, then each override folder, where a
 * file of the same name replaces the built-in one. Layout: layouts/<name>.hbs; partial: partials/<name>.hbs.
 */
export async function loadTemplates(dirs: readonly string[]): Promise<TemplateSet> {
  const handlebars = Handlebars.create();
  handlebars.registerHelper(templateHelpers());
  handlebars.registerHelper(chartHelpers());
  const files = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of await listTemplates(dir)) files.set(name, join(dir, name));
    for (const kind of ['layouts', 'partials']) {
      for (const name of await listTemplates(join(dir, kind))) files.set(`${kind}/${name}`, join(dir, kind, name));
    }
  }
  const texts = new Map<string, string>();
  await Promise.all([...files].map(async ([key, path]) => texts.set(key, await readFile(path, 'utf8'))));
  const layouts = new Map<string, Handlebars.TemplateDelegate>();
  let page: Handlebars.TemplateDelegate | undefined;
  for (const [key, path] of files) {
    const text = texts.get(key)!;
    const name = basename(key, '.hbs');
    if (key.startsWith('partials/')) {
      compile(handlebars, text, path);
      handlebars.registerPartial(name, text);
    } else if (key.startsWith('layouts/')) layouts.set(name, compile(handlebars, text, path));
    else if (name === 'page') page = compile(handlebars, text, path);
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
