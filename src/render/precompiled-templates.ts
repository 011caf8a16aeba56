/**
 * The built-in templates compiled ahead of time, or none. In tsc's lib/ this module is empty, and every template is
 * compiled when a deck is built; the CLI bundle (scripts/build-cli.mjs) replaces it with the output of
 * `precompiledTemplatesModule` (precompile.ts), so `deck` skips Handlebars' parser and compiler for them.
 */
import type { PrecompiledTemplates } from './templates.js';

export const PRECOMPILED_TEMPLATES: PrecompiledTemplates | undefined = undefined;
