import type { HelperDelegate } from 'handlebars';
import { translate } from '../helpers.js';
import { barChartSvg } from './bar-chart.js';
import { flowSvg, toFlowRows } from './flow.js';
import { generationsSvg } from './generations.js';
import { ioSvg, toLabels } from './io.js';
import { logChartSvg } from './log-chart.js';
import { toPoints, type FieldNames, type Point } from './series.js';
import { timelineSvg } from './timeline.js';
import { chartWord, splitKey } from './words.js';

interface HelperOptions {
  hash?: Record<string, unknown>;
  data?: {
    root?: {
      deck?: { lang?: string };
      slide?: { id?: string; title?: string };
      section?: Record<string, unknown>;
      sections?: readonly { model?: unknown; current?: boolean; done?: boolean }[];
      data?: Record<string, unknown>;
    };
  };
}

const CANDIDATES: Record<keyof FieldNames, string[]> = {
  label: ['label', 'model', 'name'],
  x: ['x', 'year'],
  value: ['value', 'params'],
  caption: ['caption', 'tagline'],
};

/** Field names: the hash's, else the first candidate present in the first record. */
function fieldsFor(data: unknown, hash: Record<string, unknown>): FieldNames {
  const first = Array.isArray(data) && data[0] && typeof data[0] === 'object' ? (data[0] as Record<string, unknown>) : {};
  const pick = (field: keyof FieldNames) =>
    typeof hash[field] === 'string' ? (hash[field] as string) : (CANDIDATES[field].find((name) => name in first) ?? CANDIDATES[field][0]);
  return { label: pick('label'), x: pick('x'), value: pick('value'), caption: pick('caption') };
}

function common(kind: string, options: HelperOptions) {
  const hash = options.hash ?? {};
  const root = options.data?.root ?? {};
  const lang = typeof hash.lang === 'string' ? hash.lang : (root.deck?.lang ?? 'en');
  const number = (key: string) => (typeof hash[key] === 'number' ? (hash[key] as number) : undefined);
  return {
    hash,
    lang,
    id: typeof hash.id === 'string' ? hash.id : `${root.slide?.id ?? 'deck'}-${kind}`,
    title: typeof hash.title === 'string' ? hash.title : (root.slide?.title ?? kind),
    width: number('width'),
    height: number('height'),
  };
}

/** Labels for map keys: the `labels` hash (an object, e.g. from `dict` or front matter), else words from the key. */
function labelled(points: Point[], labels: unknown, lang: string): { points: Point[]; unit?: string } {
  const given = labels && typeof labels === 'object' ? (labels as Record<string, unknown>) : {};
  const units = new Set<string>();
  const out = points.map((point) => {
    if (point.key === undefined) return point;
    const { name, unit } = splitKey(point.key);
    if (unit) units.add(unit);
    const label = typeof given[point.key] === 'string' ? (given[point.key] as string) : (chartWord(name, lang) ?? name);
    return { ...point, label };
  });
  const unit = units.size === 1 ? [...units][0]! : undefined;
  return { points: out, unit: unit ? (chartWord(unit, lang) ?? unit) : undefined };
}

/**
 * Chart helpers for templates. Each takes its series as the first argument (a list of records such as `models`
 * or a data file's list, or for `barChart` also a map of key → number) and returns inline SVG, so use triple
 * braces: `{{{timeline models}}}`, `{{{logChart models value="params"}}}`, `{{{barChart section.latency}}}`.
 * Hash options: label, x, value, caption (field names), title, id, width, height, lang; barChart also unit, max,
 * labels (an object: `labels=(dict fastest_ms="最快")`).
 */
export function chartHelpers(): Record<string, HelperDelegate> {
  return {
    timeline(data: unknown, options: HelperOptions) {
      const c = common('timeline', options);
      return timelineSvg(toPoints(data, fieldsFor(data, c.hash)), c);
    },
    logChart(data: unknown, options: HelperOptions) {
      const c = common('log', options);
      return logChartSvg(toPoints(data, fieldsFor(data, c.hash)), c);
    },
    barChart(data: unknown, options: HelperOptions) {
      const c = common('bar', options);
      const { points, unit } = labelled(toPoints(data, fieldsFor(data, c.hash)), c.hash.labels, c.lang);
      const max = typeof c.hash.max === 'number' ? c.hash.max : undefined;
      return barChartSvg(points, { ...c, unit: typeof c.hash.unit === 'string' ? c.hash.unit : unit, max });
    },
    flow(data: unknown, options: HelperOptions) {
      return flowSvg(toFlowRows(data), common('flow', options));
    },
    /** `{{{io section.inputs section.outputs center=section.model note="任意組合"}}}` */
    io(inputs: unknown, outputs: unknown, options: HelperOptions) {
      const c = common('io', options);
      const center = typeof c.hash.center === 'string' ? c.hash.center : '';
      const note = typeof c.hash.note === 'string' ? c.hash.note : undefined;
      return ioSvg({ inputs: toLabels(inputs), outputs: toLabels(outputs), center, note }, c);
    },
    /**
     * `{{{generations models}}}`: the strip of generations, the slide's own marked current and those of earlier
     * sections done (from the rendering slide's place in the deck; `current="GPT-2"` overrides).
     */
    generations(data: unknown, options: HelperOptions) {
      const c = common('generations', options);
      const sections = options.data?.root?.sections ?? [];
      const own = sections.find((s) => s.current)?.model;
      const current = typeof c.hash.current === 'string' ? c.hash.current : own === undefined ? undefined : String(own);
      const done = new Set(sections.filter((s) => s.done && s.model !== undefined).map((s) => String(s.model)));
      const title = typeof c.hash.title === 'string' ? c.hash.title : `${translate('progress', c.lang)}${current ? `：${current}` : ''}`;
      return generationsSvg(toPoints(data, fieldsFor(data, c.hash)), { ...c, title, current, done });
    },
    /**
     * A visual described in data, by name: the section's `visuals.<name>`, else the deck's data `visuals.<name>`.
     * `{type: flow, rows|steps}`, `{type: io, inputs, outputs, center, note}`. Unknown names draw nothing.
     */
    visual(name: unknown, options: HelperOptions) {
      const root = options.data?.root ?? {};
      const key = typeof name === 'string' ? name : '';
      const pick = (source: unknown) =>
        source && typeof source === 'object'
          ? ((source as Record<string, unknown>)[key] as Record<string, unknown> | undefined)
          : undefined;
      const spec = pick(root.section?.visuals) ?? pick(root.data?.visuals);
      if (!key || !spec || typeof spec !== 'object') return '';
      const c = common(`visual-${key}`, {
        ...options,
        hash: { title: spec.title, width: spec.width, height: spec.height, ...options.hash },
      });
      if (spec.type === 'io') {
        const center = typeof spec.center === 'string' ? spec.center : '';
        const note = typeof spec.note === 'string' ? spec.note : undefined;
        return ioSvg({ inputs: toLabels(spec.inputs), outputs: toLabels(spec.outputs), center, note }, c);
      }
      // One row may be given as `steps` (with its `loop`) instead of `rows`.
      const rows = spec.rows ?? (spec.loop === undefined ? spec.steps : [{ steps: spec.steps, loop: spec.loop }]);
      return flowSvg(toFlowRows(rows), c);
    },
    /** An object from the hash: `(dict fastest_ms="最快" average_ms="平均")`. */
    dict(options: HelperOptions) {
      return { ...(options.hash ?? {}) };
    },
  };
}
