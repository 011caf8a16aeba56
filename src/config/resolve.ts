import type { z } from 'zod';
import { DeckError, ErrorCode } from '../core/errors.js';
import { combineProblems } from '../core/problems.js';
import type { DeckWarning } from '../core/warnings.js';
import { defaultConfig } from './defaults.js';
import {
  didYouMean,
  foreignThemeOf,
  foreignToolOf,
  isMarpDirective,
  isSlidevFrontMatter,
  REVEAL_OPTION_KEYS,
  SLIDEV_TRANSITIONS,
} from './foreign.js';
import { configSchema, partialConfigSchema, type DeckConfig, type PartialConfig } from './schema.js';

/** Where a layer of settings came from, for error messages. */
export interface ConfigLayer {
  source: string;
  values: Record<string, unknown>;
  /** Line of the layer's start in its file (front matter and config files), for error messages. */
  line?: number;
  /** The line of each key, by dotted path ("pdf.paper"), so messages point at the key's own line. */
  lines?: Record<string, number>;
  /**
   * A config file holds only settings (an unknown key is an error); front matter also holds section data (an
   * unknown key is data); flags are settings. Default: file.
   */
  kind?: 'file' | 'front-matter' | 'flags';
}

const SETTINGS = Object.keys(configSchema.shape);
/** Other tools' spellings of settings, read as this tool's: Pandoc's `slide-level: 2` is `slideLevel: 2`. */
const ALIASES: Record<string, string> = { 'slide-level': 'slideLevel' };

/** The layer with aliased keys renamed, their lines too (a bad `slide-level` is reported on its own line). */
function unaliased(layer: ConfigLayer): ConfigLayer {
  if (!Object.keys(layer.values).some((key) => key in ALIASES)) return layer;
  const rename = (key: string) => ALIASES[key] ?? key;
  const values = Object.fromEntries(Object.entries(layer.values).map(([key, value]) => [rename(key), value]));
  const lines = layer.lines && Object.fromEntries(Object.entries(layer.lines).map(([key, line]) => [rename(key), line]));
  return { ...layer, values, lines };
}
/** revealOptions that are deck settings too: lifted out, so the PDF and the checks use the author's values. */
const LIFTED = ['width', 'height', 'margin', 'transition', 'controls', 'progress', 'slideNumber', 'hash', 'center'];

function lineOf(layer: ConfigLayer, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const line = layer.lines?.[path.slice(0, length).map(String).join('.')];
    if (line !== undefined) return line;
  }
  return layer.line;
}

/** What a bad value should have been: the allowed values when there is a list of them. */
function allowedValues(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_value') return `allowed values: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  if (issue.code === 'invalid_union') {
    const values = issue.errors
      .flat()
      .flatMap((inner) => (inner.code === 'invalid_value' ? inner.values : inner.code === 'invalid_type' ? [inner.expected] : []));
    return values.length
      ? `allowed: ${values.map((value) => (typeof value === 'string' && value !== 'boolean' ? JSON.stringify(value) : String(value))).join(', ')}`
      : undefined;
  }
  if (issue.code === 'invalid_type') return `expected ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
    return `unknown key ${keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${path ? `"${path}"` : 'value'}: ${issue.message}`;
}

/**
 * Sort a layer's keys: settings stay; reveal.js options at the top level go into revealOptions; keys other
 * tools define are dropped with a warning; unknown keys are a problem each in a config file (with "did you
 * mean"), added to `problems` and dropped, and section data in front matter (a near miss gets a warning).
 */
export function prepareLayer(layer: ConfigLayer, warnings: DeckWarning[], problems: DeckError[]): Record<string, unknown> {
  const kind = layer.kind ?? 'file';
  const values: Record<string, unknown> = {};
  const revealOptions: Record<string, unknown> = {};
  const unknown: string[] = [];
  // Another tool's theme (Marp's `gaia`, Slidev's `seriph`) is a warning, and in a layer with Slidev's keys its
  // transition names (`slide-left`) are read as reveal.js's: neither fails the build.
  // In front matter a value of Slidev's (`transition: slide-left`) tells too; in a config file it is a mistake.
  const slidevDeck =
    kind === 'front-matter' ? isSlidevFrontMatter(layer.values) : Object.keys(layer.values).some((key) => foreignToolOf(key) === 'Slidev');
  for (const [key, value] of Object.entries(layer.values)) {
    const themeTool = key === 'theme' && kind !== 'flags' && typeof value === 'string' ? foreignThemeOf(value, slidevDeck) : undefined;
    if (themeTool) {
      warnings.push({
        file: layer.source,
        line: lineOf(layer, [key]),
        message: `theme "${String(value)}" is a ${themeTool} theme, not one of this tool's; the deck uses the default theme (choose gpt, gpt-dark, a reveal.js theme or a .css file)`,
      });
    } else if (key === 'transition' && slidevDeck && typeof value === 'string' && SLIDEV_TRANSITIONS[value]) {
      values[key] = SLIDEV_TRANSITIONS[value];
    } else if (SETTINGS.includes(key) || kind === 'flags') values[key] = value;
    else if (isMarpDirective(key)) {
      // Front matter's Marp directives are read with the slides (src/content/marp-directives.ts).
      if (kind === 'file') {
        warnings.push({
          file: layer.source,
          line: lineOf(layer, [key]),
          message: `"${key}" is a Marp directive: it is read in a Marp deck's front matter or in a <!-- ${key}: … --> comment, not in a config file; here it is ignored`,
        });
      }
    } else if (REVEAL_OPTION_KEYS.has(key)) revealOptions[key] = value;
    else if (foreignToolOf(key)) {
      warnings.push({
        file: layer.source,
        line: lineOf(layer, [key]),
        message: `"${key}" is a ${foreignToolOf(key)} setting that this tool does not support; it is ignored`,
      });
    } else if (kind === 'file') unknown.push(key);
    else {
      const near = didYouMean(key, SETTINGS);
      if (near && near !== key) {
        warnings.push({
          file: layer.source,
          line: lineOf(layer, [key]),
          message: `"${key}" is not a setting (did you mean "${near}"?); it is kept as section data`,
        });
      }
    }
  }
  for (const key of unknown) {
    const near = didYouMean(key, [...SETTINGS, ...REVEAL_OPTION_KEYS]);
    problems.push(
      new DeckError(ErrorCode.BadConfig, `invalid settings: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}`, {
        file: layer.source,
        line: lineOf(layer, [key]),
        hint: `allowed keys: ${SETTINGS.join(', ')}; reveal.js options go under revealOptions`,
      }),
    );
  }
  const given = values.revealOptions;
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) return values;
  const merged = { ...revealOptions, ...((given as Record<string, unknown> | undefined) ?? {}) };
  for (const key of LIFTED) {
    if (key in merged) {
      if (!(key in values)) values[key] = merged[key];
      delete merged[key];
    }
  }
  if (Object.keys(merged).length > 0 || given !== undefined) values.revealOptions = merged;
  return values;
}

/** The keys allowed in the object at `path` of the settings ("pdf" → fragments, handout, …). */
function keysAt(path: readonly PropertyKey[]): string[] {
  const nested = path.length > 0 ? (configSchema.shape as Record<string, unknown>)[String(path[0])] : undefined;
  const shape = (nested as { shape?: Record<string, unknown> } | undefined)?.shape;
  return Object.keys(shape ?? configSchema.shape);
}

/** Remove the value at `path` (a bad setting) so the rest of the layer can still be checked and used. */
function dropAt(values: Record<string, unknown>, path: readonly PropertyKey[], keys: readonly string[] = []): void {
  let target: unknown = values;
  const full = [...path.map(String), ...keys];
  const parentPath = keys.length > 0 ? path.map(String) : full.slice(0, -1);
  for (const key of parentPath) target = (target as Record<string, unknown> | undefined)?.[key];
  if (typeof target !== 'object' || target === null) return;
  for (const key of keys.length > 0 ? keys : full.slice(-1)) delete (target as Record<string, unknown>)[key];
}

/** One problem per bad key or value, each on the key's own line, with the allowed keys or values as its hint. */
function issueProblem(layer: ConfigLayer, issue: z.core.$ZodIssue): DeckError {
  return new DeckError(ErrorCode.BadConfig, `invalid settings: ${describeIssue(issue)}`, {
    file: layer.source,
    line: lineOf(layer, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path),
    hint: issue.code === 'unrecognized_keys' ? `allowed keys: ${keysAt(issue.path).join(', ')}` : allowedValues(issue),
  });
}

/** The most passes a layer needs: each pass drops the keys zod reported, and nesting is at most two deep. */
const MAX_PASSES = 4;

/**
 * Validate one layer on its own, so each problem names the file and line its key is on. Every bad key is a
 * problem (added to `problems`) and is left out, so the rest of the layer still applies and one run reports
 * them all.
 */
export function checkLayer(given: ConfigLayer, warnings: DeckWarning[], problems: DeckError[]): PartialConfig {
  const layer = unaliased(given);
  const values = structuredClone(prepareLayer(layer, warnings, problems));
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = partialConfigSchema.safeParse(values);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      problems.push(issueProblem(layer, issue));
      dropAt(values, issue.path, issue.code === 'unrecognized_keys' ? issue.keys : []);
    }
  }
  return {};
}

/** Validate one layer on its own; its problems are thrown as one error naming each key's file and line. */
export function validateLayer(layer: ConfigLayer, warnings: DeckWarning[] = []): PartialConfig {
  const problems: DeckError[] = [];
  const values = checkLayer(layer, warnings, problems);
  const failure = combineProblems(problems);
  if (failure) throw failure;
  return values;
}

function merge(base: DeckConfig, layer: PartialConfig): DeckConfig {
  const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined));
  return {
    ...base,
    ...defined,
    timing: { ...base.timing, ...(layer.timing ?? {}) },
    pdf: { ...base.pdf, ...(layer.pdf ?? {}) },
    revealOptions: { ...base.revealOptions, ...(layer.revealOptions ?? {}) },
  } as DeckConfig;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Merge layers in precedence order (defaults < config file < front matter < flags), validate once, freeze.
 * Layers are given lowest first. Warnings (keys of other tools, near misses) are added to `warnings`. With
 * `problems`, each bad key is added there and left out (the build goes on to find the rest); else they throw.
 */
export function resolveConfig(layers: ConfigLayer[], warnings: DeckWarning[] = [], problems?: DeckError[]): Readonly<DeckConfig> {
  const found: DeckError[] = [];
  let config = defaultConfig();
  for (const layer of layers) config = merge(config, checkLayer(layer, warnings, found));
  if (problems) problems.push(...found);
  else {
    const failure = combineProblems(found);
    if (failure) throw failure;
  }
  const final = configSchema.safeParse(config);
  if (!final.success) {
    throw new DeckError(ErrorCode.BadConfig, `invalid settings: ${final.error.issues.map(describeIssue).join('; ')}`);
  }
  return deepFreeze(final.data);
}

/** Pick only the keys that are deck settings out of a front matter block (the rest is section data). */
export function configKeysOf(values: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set(Object.keys(configSchema.shape));
  return Object.fromEntries(
    Object.entries(values)
      .map(([key, value]) => [ALIASES[key] ?? key, value] as const)
      .filter(([key]) => keys.has(key)),
  );
}
