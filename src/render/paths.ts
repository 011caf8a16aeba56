import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (the one holding templates/ and themes/), two folders up from the running file:
 * src/render, lib/render, or the CLI bundle's lib/cli-bundle (scripts/build-cli.mjs keeps its chunks there).
 */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function builtinTemplatesDir(): string {
  return join(packageRoot(), 'templates');
}

export function builtinThemesDir(): string {
  return join(packageRoot(), 'themes');
}

/** node_modules/reveal.js/dist, found through Node's resolution so it works wherever the package is installed. */
export function revealDistDir(): string {
  return dirname(createRequire(import.meta.url).resolve('reveal.js'));
}
