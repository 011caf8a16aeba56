/** Words for chart labels made from data keys (e.g. `fastest_ms` → 最快, unit 毫秒), per language prefix. */
const WORDS: Record<string, Record<string, string>> = {
  zh: { fastest: '最快', slowest: '最慢', average: '平均', median: '中位數', min: '最小', max: '最大', ms: '毫秒', s: '秒' },
  en: { fastest: 'Fastest', slowest: 'Slowest', average: 'Average', median: 'Median', min: 'Minimum', max: 'Maximum', ms: 'ms', s: 's' },
};

export function chartWord(word: string, lang: string): string | undefined {
  const table = WORDS[lang.toLowerCase().split('-')[0]!] ?? WORDS.en!;
  return table[word];
}

/** A data key read as <name>_<unit>: `fastest_ms` → { name: 'fastest', unit: 'ms' }; no known unit → whole key. */
export function splitKey(key: string): { name: string; unit?: string } {
  const match = /^(.+?)_(ms|s)$/.exec(key);
  return match ? { name: match[1]!, unit: match[2]! } : { name: key };
}
