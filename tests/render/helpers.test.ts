import { describe, expect, it } from 'vitest';
import { formatCount, formatDate } from '../../src/render/helpers.js';

describe('formatCount', () => {
  it('writes counts in 億 for Chinese, never inventing a value', () => {
    expect(formatCount(117_000_000, 'zh-Hant')).toBe('1.17 億');
    expect(formatCount(1_500_000_000, 'zh-Hant')).toBe('15 億');
    expect(formatCount(175_000_000_000, 'zh-Hant')).toBe('1750 億');
    expect(formatCount(null, 'zh-Hant')).toBe('未公開');
    expect(formatCount(undefined, 'zh-Hant')).toBe('未公開');
    expect(formatCount(35_000, 'zh-Hant')).toBe('3.5 萬');
  });
  it('writes K/M/B for English', () => {
    expect(formatCount(117_000_000, 'en')).toBe('117M');
    expect(formatCount(1_500_000_000, 'en-US')).toBe('1.5B');
    expect(formatCount(175_000_000_000, 'en')).toBe('175B');
    expect(formatCount(null, 'en')).toBe('not disclosed');
  });
});

describe('formatDate', () => {
  it('formats ISO dates in the deck language', () => {
    expect(formatDate('2024-05-14', 'zh-Hant')).toBe('2024 年 5 月 14 日');
    expect(formatDate('2024-05', 'zh-Hant')).toBe('2024 年 5 月');
    expect(formatDate('2024-05-14', 'en-US')).toBe('May 14, 2024');
    expect(formatDate('sometime', 'en')).toBe('sometime');
  });
});
