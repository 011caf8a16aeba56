/**
 * The times and columns of the rehearsal reports: clock times rounded to the second, signed differences, the
 * on-time band (10 % of the plan or 2 s, whichever is more) at its edges, and columns that line up with wide
 * (CJK) characters, cut with "…" only when the text does not fit.
 */
import { describe, expect, it } from 'vitest';
import { clock, displayWidth, fitColumns, signedClock, verdict } from '../../src/rehearse/format.js';

describe('clock', () => {
  it('minutes and seconds under an hour, hours beyond, rounded to the second, never negative', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(59.4)).toBe('00:59');
    expect(clock(59.5)).toBe('01:00');
    expect(clock(600)).toBe('10:00');
    expect(clock(3599)).toBe('59:59');
    expect(clock(3600)).toBe('1:00:00');
    expect(clock(36_061)).toBe('10:01:01');
    expect(clock(-5)).toBe('00:00');
  });
});

describe('signedClock', () => {
  it('a sign for over and under, ± for none, after rounding', () => {
    expect(signedClock(0)).toBe('±00:00');
    expect(signedClock(0.4)).toBe('±00:00');
    expect(signedClock(-0.4)).toBe('±00:00');
    expect(signedClock(0.6)).toBe('+00:01');
    expect(signedClock(-0.6)).toBe('-00:01');
    expect(signedClock(3725)).toBe('+1:02:05');
  });
});

describe('verdict', () => {
  it('on time within 10 % of a long slide’s plan, edges included', () => {
    expect(verdict(100, 110)).toBe('on time');
    expect(verdict(100, 110.5)).toBe('over');
    expect(verdict(100, 90)).toBe('on time');
    expect(verdict(100, 89.5)).toBe('under');
  });

  it('on time within 2 s of a short slide’s plan, edges included', () => {
    expect(verdict(10, 12)).toBe('on time');
    expect(verdict(10, 12.5)).toBe('over');
    expect(verdict(10, 8)).toBe('on time');
    expect(verdict(10, 7.5)).toBe('under');
  });

  it('a slide never shown is skipped, whatever its time; shown once by default', () => {
    expect(verdict(10, 10, 0)).toBe('skipped');
    expect(verdict(10, 0, 0)).toBe('skipped');
    expect(verdict(10, 10)).toBe('on time');
    expect(verdict(10, 0)).toBe('under');
  });
});

describe('columns', () => {
  it('counts CJK and full-width characters as two columns, others as one', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('カタカナ')).toBe(8);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('：')).toBe(2);
    expect(displayWidth('é—')).toBe(2);
  });

  it('pads a text that fits, and cuts only a text that does not', () => {
    expect(fitColumns('abcd', 4)).toBe('abcd');
    expect(fitColumns('ab', 4)).toBe('ab  ');
    expect(fitColumns('abcde', 4)).toBe('abc…');
    expect(fitColumns('中文', 4)).toBe('中文');
    expect(fitColumns('中文字', 5)).toBe('中文…');
    expect(fitColumns('中文字', 4)).toBe('中… ');
    expect(fitColumns('', 3)).toBe('   ');
    for (const [text, width] of [
      ['開場：GPT 是什麼？', 7],
      ['abc中def', 5],
      ['中a', 2],
    ] as const) {
      expect(displayWidth(fitColumns(text, width)), text).toBe(width);
    }
  });
});
