import type { z } from 'zod';
import { DeckError, ErrorCode } from '../core/errors.js';
import type { DeckWarning } from '../core/warnings.js';
import { defaultConfig } from './defaults.js';
import { configSchema, partialConfigSchema, type DeckConfig, type PartialConfig } from './schema.js';

/** Where a layer of settings came from, for error messages. */
export interface ConfigLayer {
  source: string;
  values: Record<string, unknown>;
  /** Line of the layer's start in its file (front matter and config files), for error messages. */
  line?: number;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
    return `unknown key ${keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${path ? `"${path}"` : 'value'}: ${issue.message}`;
}

/** Validate one layer on its own, so the error names the file the bad key is in. */
export function validateLayer(layer: ConfigLayer): PartialConfig {
  const result = partialConfigSchema.safeParse(layer.values);
  if (!result.success) {
    const problems = result.error.issues.map(describeIssue);
    throw new DeckError(ErrorCode.BadConfig, `invalid settings: ${problems.join('; ')}`, {
      file: layer.source,
      line: layer.line,
      hint: `allowed keys: ${Object.keys(configSchema.shape).join(', ')}`,
    });
  }
  return result.data;
}

function merge(base: DeckConfig, layer: PartialConfig): DeckConfig {
  const defined = Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined));
  return {
    ...base,
    ...defined,
    timing: { ...base.timing, ...(layer.timing ?? {}) },
    pdf: { ...base.pdf, ...(layer.pdf ?? {}) },
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
 * Layers are given lowest first.
 */
export function resolveConfig(layers: ConfigLayer[], warnings: DeckWarning[] = []): Readonly<DeckConfig> {
  void warnings;
  let config = defaultConfig();
  for (const layer of layers) config = merge(config, validateLayer(layer));
  const final = configSchema.safeParse(config);
  if (!final.success) {
    throw new DeckError(ErrorCode.BadConfig, `invalid settings: ${final.error.issues.map(describeIssue).join('; ')}`);
  }
  return deepFreeze(final.data);
}

/** Pick only the keys that are deck settings out of a front matter block (the rest is section data). */
export function configKeysOf(values: Record<string, unknown>): Record<string, unknown> {
  const keys = new Set(Object.keys(configSchema.shape));
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.has(key)));
}
