import { describe, expect, it } from 'vitest';
import type { Rehearsal } from '../../src/rehearse/model.js';
import { reportHtml } from '../../src/rehearse/report-html.js';
import { reportText } from '../../src/rehearse/report-text.js';
import { clock, displayWidth, fitColumns, signedClock, verdict } from '../../src/rehearse/format.js';
import { appliedFrom } from '../../src/rehearse/apply.js';
import { savedRehearsal } from '../helpers/rehearsal.js';

const TITLES = ['開場：GPT 是什麼？', 'Two', 'Three'];

function rehearsal(startedAt: string, actuals: number[], planned = [20, 30, 15]): Rehearsal {
  return savedRehearsal(
    startedAt,
    planned.map((seconds, i) => ({ title: TITLES[i]!, planned: seconds, actual: actuals[i]! })),
  );
}

describe('formatting', () => {
  it('writes clock times and differences', () => {
    expect(clock(225)).toBe('03:45');
    expect(clock(3725)).toBe('1:02:05');
    expect(signedClock(7)).toBe('+00:07');
    expect(signedClock(-65)).toBe('-01:05');
    expect(verdict(30, 40)).toBe('over');
    expect(verdict(30, 31)).toBe('on time');
    expect(verdict(30, 20)).toBe('under');
    expect(verdict(30, 0, 0)).toBe('skipped');
  });

  it('lines up columns with Chinese titles', () => {
    expect(displayWidth('GPT 是什麼')).toBe(10);
    expect(displayWidth(fitColumns('開場：GPT 是什麼？而且標題很長很長很長', 20))).toBe(20);
    expect(fitColumns('short', 8)).toBe('short   ');
  });
});

describe('the text report', () => {
  it('gives per slide planned, actual and over/under, and the total against the plan', () => {
    const text = reportText(rehearsal('2024-06-01T10:15:00.000Z', [26, 29.5, 0]));
    const lines = text.split('\n');
    const row = (title: string) => lines.find((l) => l.includes(title))!;
    expect(row('開場')).toMatch(/00:20\s+00:26\s+\+00:06\s+over$/);
    expect(row('Two')).toMatch(/00:30\s+00:30\s+±00:00\s+on time$/);
    expect(row('Three')).toMatch(/00:15\s+—\s+skipped$/);
    expect(row('total')).toMatch(/01:05\s+00:56\s+-00:09\s+under \(85 % of the plan\)/);
    // Columns line up although the first title is in wide characters.
    expect(displayWidth(row('開場').split('00:20')[0]!)).toBe(displayWidth(row('Two').split('00:30')[0]!));
  });
});

describe('slide numbers in the reports', () => {
  it('number slides 1..N in the order shown, vertical slides included (never h.v)', () => {
    const stacked = rehearsal('2024-06-01T10:15:00.000Z', [10, 10, 10]);
    const slides = stacked.slides.map((slide, i) => ({ ...slide, h: i === 0 ? 0 : 1, v: i === 0 ? 0 : i - 1 }));
    const withStack = { ...stacked, slides };
    const numbers = reportText(withStack)
      .split('\n')
      .filter((line) => /Two|Three|開場/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(numbers).toEqual(['1', '2', '3']);
    const html = reportHtml(withStack, { history: [] });
    expect([...html.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
  });
});

describe('the HTML report', () => {
  const history = [rehearsal('2024-05-01T10:00:00.000Z', [40, 50, 20]), rehearsal('2024-05-15T10:00:00.000Z', [30, 40, 18])];
  const current = rehearsal('2024-06-01T10:15:00.000Z', [26, 29.5, 12]);
  const html = reportHtml(current, { history });
  const svg = (cls: string) => new RegExp(`<svg class="chart ${cls}"[\\s\\S]*?</svg>`).exec(html)![0];
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)![1]!;

  it('draws planned against actual for every slide, to scale', () => {
    const groups = [...svg('slides-chart').matchAll(/<g class="slide" data-id="([^"]+)">([\s\S]*?)<\/g>/g)];
    expect(groups.map((g) => g[1])).toEqual(['slide-1', 'slide-2', 'slide-3']);
    for (const [i, g] of groups.entries()) {
      const slide = current.slides[i]!;
      const planned = /<rect class="planned"[^>]*>/.exec(g[2]!)![0];
      const actual = /<rect class="actual[^"]*"[^>]*>/.exec(g[2]!)![0];
      expect(Number(attr(actual, 'data-seconds'))).toBe(slide.actual);
      expect(Number(attr(actual, 'height')) / Number(attr(planned, 'height'))).toBeCloseTo(slide.actual / slide.planned, 2);
    }
    expect(attr(/<rect class="actual[^"]*"[^>]*>/.exec(groups[0]![2]!)![0], 'class')).toContain('over');
  });

  it('shows the trend over earlier rehearsals, oldest first', () => {
    const circles = [...svg('trend-chart').matchAll(/<circle[^>]*>/g)].map((m) => m[0]);
    expect(circles.map((c) => Number(attr(c, 'data-seconds')))).toEqual([110, 88, 67.5]);
    const ys = circles.map((c) => Number(attr(c, 'cy')));
    expect(ys[0]!).toBeLessThan(ys[1]!); // longer is higher up
    expect(ys[1]!).toBeLessThan(ys[2]!);
    expect(html).toContain('<strong class="total-actual">01:08</strong>');
    expect(html).toContain('<strong class="total-planned">01:05</strong>');
    expect(html.match(/<tr class="[^"]*" data-id=/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|src=|href=/); // self-contained
  });
});

describe('applying', () => {
  it('takes the shown slides, rounded, over what an earlier apply gave', () => {
    const previous = {
      version: 1 as const,
      slides: [
        { id: 'slide-3', title: 'Three', seconds: 44 },
        { id: 'slide-1', title: '開場：GPT 是什麼？', seconds: 99 },
      ],
    };
    const applied = appliedFrom(rehearsal('2024-06-01T10:15:00.000Z', [26.4, 29.5, 0]), '/x/talk-1.json', new Date(0), previous);
    expect(applied.slides).toEqual([
      { id: 'slide-1', title: '開場：GPT 是什麼？', seconds: 26 },
      { id: 'slide-2', title: 'Two', seconds: 30 },
      { id: 'slide-3', title: 'Three', seconds: 44 },
    ]);
    expect(applied.rehearsal).toBe('talk-1.json');
  });
});
