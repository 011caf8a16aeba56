/**
 * Diagram helpers (flow, io, the strip of generations, named visuals): inline SVG with a <title>, the data's words
 * as real text, and the states a slide relies on (a skipped step struck, the current generation marked).
 */
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/render/build.js';
import { flowSvg, toFlowRows } from '../../src/render/charts/flow.js';
import { generationsSvg } from '../../src/render/charts/generations.js';
import { ioSvg } from '../../src/render/charts/io.js';

const options = { id: 'd', title: 'A diagram', lang: 'zh-Hant' };
const texts = (svg: string) =>
  parse(svg)
    .querySelectorAll('text')
    .map((t) => t.text.trim());

describe('flow', () => {
  it('reads one row from a list of steps, and rows from {label, steps, loop}', () => {
    expect(toFlowRows(['a', { label: 'b', note: 'n', state: 'focus' }, { note: 'no label' }])).toEqual([
      { steps: [{ label: 'a' }, { label: 'b', note: 'n', state: 'focus' }] },
    ]);
    const rows = toFlowRows([{ label: 'R', steps: ['x', 'y', 'z'], loop: { label: 'again', from: 9, to: 1 } }]);
    expect(rows[0]!.loop).toEqual({ label: 'again', from: 3, to: 1 });
    expect(toFlowRows('not a list')).toEqual([]);
  });

  it('draws every step as a box with its label and note as text, arrows between, a title first', () => {
    const svg = flowSvg(toFlowRows([{ label: '預訓練', note: '大量文字' }, '微調', '任務']), options);
    const doc = parse(svg);
    expect(doc.querySelector('svg > title')!.text).toBe('A diagram');
    expect(doc.querySelectorAll('g.step')).toHaveLength(3);
    expect(doc.querySelectorAll('g.arrow')).toHaveLength(2);
    expect(texts(svg)).toEqual(expect.arrayContaining(['預訓練', '大量文字', '微調', '任務']));
    expect(doc.querySelector('desc')!.text).toBe('預訓練（大量文字） → 微調 → 任務');
  });

  it('strikes a skipped step and says so in the description; draws a loop with its label', () => {
    const svg = flowSvg(
      toFlowRows([{ label: 'GPT-2', steps: ['預訓練', { label: '微調', state: 'skip' }, '多種任務'], loop: '六個月' }]),
      options,
    );
    const doc = parse(svg);
    expect(doc.querySelector('g.step.skip')!.getAttribute('data-label')).toBe('微調');
    expect(doc.querySelectorAll('g.step.skip line.strike').length).toBeGreaterThan(0);
    expect(doc.querySelector('desc')!.text).toContain('微調 [略過]');
    expect(doc.querySelector('.loop-label')!.text).toBe('六個月');
    expect(texts(svg)).toContain('GPT-2');
  });

  it('keeps long labels inside their boxes by wrapping them', () => {
    const svg = flowSvg(toFlowRows(['一個非常非常非常非常非常長的步驟名稱', 'b', 'c', 'd']), { ...options, width: 900 });
    const step = parse(svg).querySelector('g.step')!;
    const box = step.querySelector('rect')!;
    expect(step.querySelectorAll('.label tspan').length).toBeGreaterThan(1);
    const height = Number(box.getAttribute('height'));
    expect(Number(parse(svg).querySelector('svg')!.getAttribute('height'))).toBeGreaterThanOrEqual(height);
  });
});

describe('io', () => {
  it('joins every input to the model and the model to every output', () => {
    const svg = ioSvg({ inputs: ['文字', '音訊', '影像'], outputs: ['文字', '音訊'], center: 'GPT-4o', note: '任意組合' }, options);
    const doc = parse(svg);
    expect(doc.querySelectorAll('g.chip.in').map((g) => g.getAttribute('data-label'))).toEqual(['文字', '音訊', '影像']);
    expect(doc.querySelectorAll('g.chip.out')).toHaveLength(2);
    expect(doc.querySelectorAll('g.arrow')).toHaveLength(5);
    expect(doc.querySelector('.center .name')!.text).toBe('GPT-4o');
    expect(doc.querySelector('desc')!.text).toBe('輸入：文字、音訊、影像 → GPT-4o → 輸出：文字、音訊');
  });
});

describe('generations', () => {
  const points = [
    { label: 'B', x: 2019, value: null },
    { label: 'A', x: 2018, value: null },
    { label: 'C', x: 2020, value: null },
  ];
  it('orders by year, marks the current one and the ones covered', () => {
    const doc = parse(generationsSvg(points, { ...options, current: 'B', done: new Set(['A']) }));
    expect(doc.querySelectorAll('g.point').map((g) => [g.getAttribute('data-label'), g.getAttribute('data-state')])).toEqual([
      ['A', 'done'],
      ['B', 'current'],
      ['C', 'todo'],
    ]);
    expect(doc.querySelector('g.current .tag')!.text).toBe('現在');
  });
});

describe('the layouts of the default deck', () => {
  let html: ReturnType<typeof parse>;
  beforeAll(async () => {
    html = parse((await buildDeck(join(import.meta.dirname, '../../slides'))).rendered.html);
  });

  it('give every model section a visual besides its text, drawn from its front matter', () => {
    for (const model of ['GPT-1', 'GPT-2', 'GPT-3', 'InstructGPT', 'GPT-4', 'GPT-4o']) {
      const card = html.querySelectorAll('section[data-layout="model"]').find((s) => s.querySelector('.model-name')?.text === model)!;
      expect(card.querySelector('g.point.current')!.getAttribute('data-label')).toBe(model);
    }
    const visuals = html.querySelectorAll('section[data-visual]');
    const kinds = visuals.map((s) => s.querySelector('svg')?.getAttribute('data-chart'));
    expect(kinds).not.toContain(undefined);
    const io = html.querySelectorAll('svg[data-chart="io"]').find((svg) => svg.querySelector('.center .name')?.text === 'GPT-4o')!;
    expect(io.querySelectorAll('g.chip.in').map((g) => g.getAttribute('data-label'))).toEqual(['文字', '音訊', '影像']);
    const skipped = html.querySelector('svg[data-chart="flow"] g.step.skip');
    expect(skipped!.getAttribute('data-label')).toBe('針對任務微調');
    expect(html.querySelector('svg[data-chart="flow"] .loop-label')).not.toBeNull();
  });

  it('mark the current section in the agenda, and where the talk is on each divider', () => {
    const agenda = html.querySelector('section[data-layout="agenda"]')!;
    expect(agenda.querySelector('.agenda-item.current .agenda-title')!.text).toBe('GPT 是什麼');
    expect(agenda.querySelectorAll('.agenda-item').map((li) => li.querySelector('.agenda-title')!.text)).not.toContain('謝謝');
    const dividers = html.querySelectorAll('section[data-layout="section"]');
    expect(dividers.length).toBeGreaterThan(0);
    for (const divider of dividers) {
      const states = divider.querySelectorAll('g.point').map((g) => g.getAttribute('data-state'));
      expect(states).toEqual(Array(6).fill('done'));
    }
  });
});
