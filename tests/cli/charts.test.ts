/**
 * Chart options as the README lists them, through `deck build` on a deck whose own layout (its `templates`
 * folder) calls the chart helpers: label, x, value and caption name the fields; title, id, width, height and lang
 * are honoured; barChart also takes unit, max and labels.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCompiled, ROOT, runCli } from './run.js';

const DECK = join(ROOT, 'tests', 'fixtures', 'charts', 'options');
let out: string;
let html: HTMLElement;

beforeAll(async () => {
  await ensureCompiled();
  out = mkdtempSync(join(tmpdir(), 'deck-chart-options-'));
  const result = await runCli(['build', DECK, '-o', out]);
  expect(result.code, result.stderr).toBe(0);
  html = parse(readFileSync(join(out, 'index.html'), 'utf8'));
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

const svg = (id: string) => {
  const found = html.querySelector(`svg#${id}`);
  expect(found, `an <svg id="${id}">`).not.toBeNull();
  return found!;
};
const texts = (element: HTMLElement, selector: string) => element.querySelectorAll(selector).map((t) => t.textContent.trim());
const number = (element: HTMLElement | null, attribute: string) => Number(element?.getAttribute(attribute));

describe('chart options in a deck’s own layout (deck build)', () => {
  it('id and title: the <svg> has the given id, its <title> the given text; without title, the slide’s title', () => {
    const chart = svg('sales-max');
    expect(chart.querySelector('title')?.getAttribute('id')).toBe('sales-max-title');
    expect(chart.querySelector('title')?.textContent).toBe('Sales against the target');
    expect(chart.getAttribute('aria-labelledby')).toBe('sales-max-title sales-max-desc');
    expect(svg('stars').querySelector('title')?.textContent).toBe('Every chart option');
  });

  it('width and height: the drawing’s size and viewBox; without them, the chart’s own default', () => {
    expect([svg('sales-max').getAttribute('width'), svg('sales-max').getAttribute('height')]).toEqual(['600', '200']);
    expect(svg('sales-max').getAttribute('viewBox')).toBe('0 0 600 200');
    expect([svg('stars').getAttribute('width'), svg('stars').getAttribute('height')]).toEqual(['500', '260']);
    expect(svg('sales-zh').getAttribute('width')).toBe('720');
  });

  it('label and value name the fields; unit follows each value; a missing value is not invented', () => {
    const bars = svg('sales-max').querySelectorAll('g.bar');
    expect(bars.map((g) => [g.getAttribute('data-label'), g.getAttribute('data-value')])).toEqual([
      ['North', '120'],
      ['South', '80'],
      ['West', ''],
    ]);
    expect(texts(svg('sales-max'), 'g.bar text.value')).toEqual(['120 units', '80 units', 'not disclosed']);
  });

  it('max sets the end of the scale: the last tick is 400 and a bar of 120 reaches 120/400 of it', () => {
    const chart = svg('sales-max');
    const ticks = chart.querySelectorAll('g.grid');
    expect(texts(chart, 'g.grid text.tick-label').at(-1)).toBe('400');
    const axis = number(chart.querySelector('line.axis'), 'x1');
    const end = number(ticks.at(-1)!.querySelector('line'), 'x1');
    const north = number(chart.querySelector('g.bar[data-label="North"] rect'), 'width');
    expect(north / (end - axis)).toBeCloseTo(120 / 400, 2);
    // Without max the scale ends near the largest value, so the same bar is longer than a third of the axis.
    const auto = svg('sales-zh');
    const autoEnd = number(auto.querySelectorAll('g.grid').at(-1)!.querySelector('line'), 'x1');
    const autoAxis = number(auto.querySelector('line.axis'), 'x1');
    expect(number(auto.querySelector('g.bar[data-label="North"] rect'), 'width') / (autoEnd - autoAxis)).toBeGreaterThan(0.5);
  });

  it('lang: one chart in Chinese in an English deck (its missing value says 未公開)', () => {
    expect(texts(svg('sales-zh'), 'g.bar.undisclosed text.value')).toEqual(['未公開']);
    expect(texts(svg('sales-max'), 'g.bar.undisclosed text.value')).toEqual(['not disclosed']);
  });

  it('labels name the keys of a map, and the unit comes from the keys (fastest_ms → ms)', () => {
    const bars = svg('latency').querySelectorAll('g.bar');
    expect(bars.map((g) => [g.getAttribute('data-key'), g.getAttribute('data-label'), g.getAttribute('data-value')])).toEqual([
      ['fastest_ms', 'Fastest', '232'],
      ['average_ms', 'On average', '320'],
    ]);
    expect(texts(svg('latency'), 'g.bar text.name')).toEqual(['Fastest', 'On average']);
    expect(texts(svg('latency'), 'g.bar text.value').every((value) => /^\d+ ms$/.test(value))).toBe(true);
  });

  it('x and caption: the timeline places each point by its year and prints its caption under its name', () => {
    const points = svg('releases').querySelectorAll('g.point');
    expect(points.map((g) => [g.getAttribute('data-label'), g.getAttribute('data-x'), g.getAttribute('data-caption')])).toEqual([
      ['v1', '2021', 'first release'],
      ['v2', '2022', 'the rewrite'],
      ['v3', '2023', 'plugins'],
    ]);
    expect(texts(svg('releases'), 'text.caption')).toEqual(['first release', 'the rewrite', 'plugins']);
    const xs = points.map((g) => number(g.querySelector('circle.dot'), 'cx'));
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!, 0); // one year apart each: evenly spaced
    expect(texts(svg('stars'), 'text.value')).toEqual(['900', '12K', '50K']);
  });
});
