import { join } from 'node:path';
import { parse, type HTMLElement as Node } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { buildDeck } from '../../src/render/build.js';
import { barChartSvg, logChartSvg, timelineSvg, toPoints } from '../../src/render/charts/index.js';
import { logScale, niceLinear } from '../../src/render/charts/scale.js';
import { wrapText } from '../../src/render/charts/svg.js';
import { formatCount } from '../../src/render/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'charts', 'deck');

type Doc = Node;
type Element = Node;
interface ModelData {
  model: string;
  year: number;
  params: number | null;
  tagline: string;
  innovation: string;
  inputs: string[];
  outputs: string[];
  latency?: { fastest_ms: number; average_ms: number };
}

let doc: Doc;
let models: ModelData[];

beforeAll(async () => {
  const { rendered } = await buildDeck(join(ROOT, 'slides'));
  doc = parse(rendered.html);
  // The front matter, read independently of the renderer.
  const deck = await loadDeck(join(ROOT, 'slides'));
  models = deck.sections.filter((s) => s.data.model !== undefined).map((s) => s.data as unknown as ModelData);
});

const chart = (kind: string) => {
  const svgs = doc.querySelectorAll(`svg[data-chart="${kind}"]`);
  expect(svgs.length, `one ${kind} chart in the default deck`).toBe(1);
  return svgs[0]!;
};
const points = (svg: Element, selector = 'g.point') => [...svg.querySelectorAll(selector)];
const texts = (el: Element, selector: string) => [...el.querySelectorAll(selector)].map((t) => t.textContent!.trim());

describe('charts in the default deck', () => {
  it('reads six model sections from the front matter, in year order', () => {
    expect(models.map((m) => m.model)).toEqual(['GPT-1', 'GPT-2', 'GPT-3', 'InstructGPT', 'GPT-4', 'GPT-4o']);
  });

  it('are inline, accessible SVG with a title and real text', () => {
    for (const kind of ['timeline', 'log', 'bar']) {
      const svg = chart(kind);
      expect(svg.getAttribute('role')).toBe('img');
      const titleId = svg.getAttribute('aria-labelledby')!.split(' ')[0]!;
      const title = svg.querySelector('title')!;
      expect(title.getAttribute('id')).toBe(titleId);
      expect(title.textContent!.length).toBeGreaterThan(2);
      expect(svg.querySelectorAll('text').length).toBeGreaterThan(3);
      expect(svg.closest('section')).not.toBeNull();
    }
  });

  it('draws the timeline 2018 → 2024 in year order with each tagline', () => {
    const svg = chart('timeline');
    const marks = points(svg);
    const years = marks.map((g) => Number(g.getAttribute('data-x')));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years).toEqual(models.map((m) => m.year));
    expect(marks.map((g) => g.getAttribute('data-label'))).toEqual(models.map((m) => m.model));
    marks.forEach((g, i) => {
      expect(texts(g, 'text.name')).toEqual([models[i]!.model]);
      expect(texts(g, 'text.year')).toEqual([String(models[i]!.year)]);
      expect(texts(g, 'text.caption tspan').join('').replace(/\s/g, '')).toBe(models[i]!.tagline.replace(/\s/g, ''));
    });
    const xs = marks.map((g) => Number(g.querySelector('circle')!.getAttribute('cx')));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    // 2021 had no model: it is a tick, not a mark.
    expect(texts(svg, 'g.tick text')).toEqual(['2021']);
  });

  it('draws parameters on a log scale equal to the front matter, undisclosed ones as 未公開', () => {
    const svg = chart('log');
    const marks = points(svg);
    expect(marks.map((g) => g.getAttribute('data-label'))).toEqual(models.map((m) => m.model));
    marks.forEach((g, i) => {
      const params = models[i]!.params;
      if (params === null) {
        expect(g.hasAttribute('data-undisclosed')).toBe(true);
        expect(g.getAttribute('data-value')).toBe('');
        expect(texts(g, 'text.value')).toEqual(['未公開']);
        expect(g.querySelectorAll('circle.dot:not(.hollow)').length).toBe(0);
        expect(g.querySelectorAll('circle.hollow').length).toBe(1);
      } else {
        expect(g.hasAttribute('data-undisclosed')).toBe(false);
        expect(Number(g.getAttribute('data-value'))).toBe(params);
        expect(texts(g, 'text.value')).toEqual([formatCount(params, 'zh-Hant')]);
      }
    });
    expect(marks.filter((g) => g.hasAttribute('data-undisclosed')).map((g) => g.getAttribute('data-label'))).toEqual([
      'InstructGPT',
      'GPT-4',
      'GPT-4o',
    ]);
    expect(texts(svg, 'text.value').slice(0, 3)).toEqual(['1.17 億', '15 億', '1750 億']);
    // Log scale: equal ratios are equal distances. y(v) = a - b·log10(v), same b for every pair.
    const known = marks.filter((g) => g.getAttribute('data-value'));
    const ys = known.map((g) => Number(g.querySelector('circle.dot')!.getAttribute('cy')));
    const logs = known.map((g) => Math.log10(Number(g.getAttribute('data-value'))));
    const slope01 = (ys[0]! - ys[1]!) / (logs[1]! - logs[0]!);
    const slope12 = (ys[1]! - ys[2]!) / (logs[2]! - logs[1]!);
    expect(slope01).toBeGreaterThan(0);
    expect(slope12).toBeCloseTo(slope01, 0);
    // The undisclosed markers sit on the x axis, below the lowest decade: off the scale, not at a value.
    const axisY = Number(svg.querySelector('line.axis')!.getAttribute('y1'));
    const lowest = Math.max(...[...svg.querySelectorAll('g.grid line')].map((l) => Number(l.getAttribute('y1'))));
    for (const hollow of svg.querySelectorAll('circle.hollow')) {
      expect(Number(hollow.getAttribute('cy'))).toBe(axisY);
      expect(axisY).toBeGreaterThan(lowest + 20);
    }
  });

  it('draws GPT-4o’s audio response time from its front matter, bars in proportion', () => {
    const latency = models.find((m) => m.model === 'GPT-4o')!.latency!;
    const svg = chart('bar');
    const bars = points(svg, 'g.bar');
    expect(bars.map((g) => [g.getAttribute('data-key'), Number(g.getAttribute('data-value'))])).toEqual([
      ['fastest_ms', latency.fastest_ms],
      ['average_ms', latency.average_ms],
    ]);
    expect(bars.map((g) => texts(g, 'text.value')[0])).toEqual([`${latency.fastest_ms} 毫秒`, `${latency.average_ms} 毫秒`]);
    expect(bars.map((g) => texts(g, 'text.name')[0])).toEqual(['最快', '平均']);
    const widths = bars.map((g) => Number(g.querySelector('rect')!.getAttribute('width')));
    expect(widths[0]! / widths[1]!).toBeCloseTo(latency.fastest_ms / latency.average_ms, 2);
    expect(svg.closest('section')!.querySelector('h2')!.textContent).toContain('即時');
  });

  it('puts the comparison table in year order with the front matter’s values', () => {
    const tables = doc.querySelectorAll('table.comparison-table');
    expect(tables.length).toBe(1);
    const rows = [...tables[0]!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => Number(r.getAttribute('data-year')))).toEqual(models.map((m) => m.year));
    rows.forEach((row, i) => {
      const m = models[i]!;
      expect(texts(row, '.model')).toEqual([m.model]);
      expect(texts(row, '.params')).toEqual([formatCount(m.params, 'zh-Hant')]);
      expect(texts(row, '.innovation')).toEqual([m.innovation]);
      expect(texts(row, '.inputs .modality')).toEqual(m.inputs);
      expect(texts(row, '.outputs .modality')).toEqual(m.outputs);
    });
    expect(texts(tables[0]!, '.params.undisclosed')).toEqual(['未公開', '未公開', '未公開']);
  });
});

describe('charts from another deck’s data files', () => {
  let fixture: Doc;
  beforeAll(async () => {
    fixture = parse((await buildDeck(FIXTURE)).rendered.html);
  });

  it('charts a YAML list with its own field names, a missing value as not disclosed', () => {
    const bars = [...fixture.querySelectorAll('svg[data-chart="bar"] g.bar')];
    expect(bars.map((g) => [g.getAttribute('data-label'), g.getAttribute('data-value')])).toEqual([
      ['North', '120'],
      ['South', '80'],
      ['West', ''],
    ]);
    expect(texts(bars[2]!, 'text.value')).toEqual(['not disclosed']);
    expect(bars[2]!.querySelector('rect')).toBeNull();
    expect(texts(bars[0]!, 'text.value')).toEqual(['120 units']);
    expect(fixture.querySelector('svg[data-chart="bar"] title')!.textContent).toBe('Sales by region');
  });

  it('orders a JSON series by year and formats in the deck’s language', () => {
    const svg = fixture.querySelector('svg[data-chart="log"]')!;
    expect(points(svg).map((g) => g.getAttribute('data-label'))).toEqual(['v1', 'v2', 'v3']);
    expect(texts(svg, 'text.value')).toEqual(['900', 'not disclosed', '50K']);
    expect(points(fixture.querySelector('svg[data-chart="timeline"]')!).map((g) => g.getAttribute('data-x'))).toEqual([
      '2021',
      '2022',
      '2023',
    ]);
  });

  it('gives each chart on a slide its own id', () => {
    const ids = [...fixture.querySelectorAll('svg.deck-chart')].map((svg) => svg.getAttribute('id'));
    expect(new Set(ids).size).toBe(3);
  });
});

describe('chart functions', () => {
  const base = { id: 'c', title: 'T', lang: 'zh-Hant' };

  it('escape labels and titles', () => {
    const svg = barChartSvg(toPoints([{ label: '<b>&', value: 1 }]), { ...base, title: '"x" <y>' });
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).toContain('<title id="c-title">&quot;x&quot; &lt;y&gt;</title>');
    expect(svg).not.toContain('<b>');
  });

  it('never invent a value: non-numbers and null become undisclosed', () => {
    const pts = toPoints([{ label: 'a', value: 'n/a' }, { label: 'b', value: null }, { label: 'c' }, { label: 'd', value: '5' }]);
    expect(pts.map((p) => p.value)).toEqual([null, null, null, 5]);
    const svg = logChartSvg(pts, base);
    expect(svg.match(/未公開/g)!.length).toBeGreaterThanOrEqual(3);
    expect(svg.match(/data-undisclosed/g)!.length).toBe(3);
  });

  it('sort timeline points by year whatever the input order', () => {
    const svg = timelineSvg(
      toPoints([
        { label: 'b', x: 2020 },
        { label: 'a', x: 2018 },
        { label: 'c', x: 2019 },
      ]),
      base,
    );
    expect([...svg.matchAll(/data-label="(\w)"/g)].map((m) => m[1])).toEqual(['a', 'c', 'b']);
  });

  it('take a map of key → number for bars, with labels and unit from the keys', () => {
    const pts = toPoints({ fastest_ms: 232, average_ms: 320 });
    expect(pts.map((p) => [p.key, p.value])).toEqual([
      ['fastest_ms', 232],
      ['average_ms', 320],
    ]);
  });

  it('scale by whole decades and round numbers', () => {
    expect(logScale([1.17e8, 1.75e11], [400, 0]).ticks).toEqual([1e8, 1e9, 1e10, 1e11, 1e12]);
    const s = logScale([1e2, 1e4], [100, 0]);
    expect(s(1e3)).toBeCloseTo(50);
    expect(niceLinear(320, [0, 400]).ticks).toEqual([0, 100, 200, 300, 400]);
  });

  it('wrap text without leaving one character alone on the last line', () => {
    const lines = wrapText('從 GPT-3 到 GPT-3.5 的進化', 300, 28);
    expect(lines.length).toBe(2);
    for (const text of ['一二三四五六七八九', '擴大規模、免微調的多任務', '程式碼訓練與 RLHF 對齊']) {
      for (let width = 60; width < 400; width += 10) {
        const wrapped = wrapText(text, width, 26);
        expect(wrapped.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        if (wrapped.length > 1) expect([...wrapped.at(-1)!].length, `${text} at ${width}: ${wrapped.join('|')}`).toBeGreaterThan(1);
      }
    }
  });
});
