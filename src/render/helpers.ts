import type { HelperDelegate } from 'handlebars';

/** Words the built-in templates print, per language (the deck's `lang`, matched by prefix). */
const WORDS: Record<string, Record<string, string>> = {
  zh: {
    params: '參數',
    undisclosed: '未公開',
    model: '模型',
    year: '年份',
    tagline: '定位',
    innovation: '創新',
    inputs: '輸入',
    outputs: '輸出',
    notes: '講者備註',
    page: '頁',
    skipped: '略過',
    current: '現在',
    progress: '講到哪裡',
  },
  en: {
    params: 'parameters',
    undisclosed: 'not disclosed',
    model: 'Model',
    year: 'Year',
    tagline: 'Tagline',
    innovation: 'What was new',
    inputs: 'Inputs',
    outputs: 'Outputs',
    notes: 'Speaker notes',
    page: 'Page',
    skipped: 'skipped',
    current: 'now',
    progress: 'Where we are',
  },
};

function wordsFor(lang: string): Record<string, string> {
  return WORDS[lang.toLowerCase().split('-')[0]!] ?? WORDS.en!;
}

export function translate(key: string, lang: string): string {
  return wordsFor(lang)[key] ?? key;
}

function trimNumber(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toString();
}

/**
 * A count in the deck's language: 117000000 → "1.17 億" (zh) or "117M" (en); null or missing → "未公開" /
 * "not disclosed", never an invented figure.
 */
export function formatCount(value: unknown, lang: string): string {
  if (value === null || value === undefined || value === '') return translate('undisclosed', lang);
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (lang.toLowerCase().startsWith('zh')) {
    if (Math.abs(n) >= 1e12) return `${trimNumber(n / 1e12, 2)} 兆`;
    if (Math.abs(n) >= 1e8) return `${trimNumber(n / 1e8, 2)} 億`;
    if (Math.abs(n) >= 1e4) return `${trimNumber(n / 1e4, 2)} 萬`;
    return n.toLocaleString('zh-Hant');
  }
  if (Math.abs(n) >= 1e12) return `${trimNumber(n / 1e12, 2)}T`;
  if (Math.abs(n) >= 1e9) return `${trimNumber(n / 1e9, 2)}B`;
  if (Math.abs(n) >= 1e6) return `${trimNumber(n / 1e6, 2)}M`;
  if (Math.abs(n) >= 1e3) return `${trimNumber(n / 1e3, 2)}K`;
  return n.toLocaleString('en');
}

/** A date (YYYY-MM-DD, or YYYY-MM) in the deck's language: "2024 年 5 月 14 日" / "May 14, 2024". */
export function formatDate(value: unknown, lang: string): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (!match) return text;
  const [, y, m, d] = match;
  if (lang.toLowerCase().startsWith('zh')) return `${Number(y)} 年 ${Number(m)} 月${d ? ` ${Number(d)} 日` : ''}`;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, d ? Number(d) : 1));
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    ...(d ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

interface HelperOptions {
  data?: { root?: { deck?: { lang?: string } } };
  hash?: Record<string, unknown>;
}

function langOf(options: HelperOptions): string {
  return (options.hash?.lang as string | undefined) ?? options.data?.root?.deck?.lang ?? 'en';
}

/** Handlebars helpers available to every template. The language comes from the root context's deck.lang. */
export function templateHelpers(): Record<string, HelperDelegate> {
  return {
    count: (value: unknown, options: HelperOptions) => formatCount(value, langOf(options)),
    date: (value: unknown, options: HelperOptions) => formatDate(value, langOf(options)),
    t: (key: string, options: HelperOptions) => translate(key, langOf(options)),
    eq: (a: unknown, b: unknown) => a === b,
    /** Whether any item of a list has a non-empty `key`: lets a table leave out a column no row fills. */
    some: (list: unknown, key: unknown) =>
      Array.isArray(list) &&
      list.some((item) => {
        const value = (item as Record<string, unknown> | null)?.[String(key)];
        return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
      }),
    join: (list: unknown, separator: unknown) =>
      Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : '、') : (list ?? ''),
    json: (value: unknown) => JSON.stringify(value ?? null).replace(/</g, '\\u003c'),
  };
}
