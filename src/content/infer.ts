/**
 * What a deck that does not say its title or language gets: its first heading, and the language its slides are
 * written in, told by script (Han, kana, Hangul, Latin, …) as reveal.js, Marp and Slidev authors would expect, not
 * the built-in talk's Traditional Chinese.
 */
import { basename, extname, resolve } from 'node:path';
import { firstHeading } from './slides.js';
import type { Slide } from './types.js';

/** Characters only one of the two Chinese scripts writes, among the commonest (們/们, 這/这, …). */
const TRADITIONAL = '們這說時國會對發經過還沒讓進問學習與為樣點見長開關東車實現電話個來後';
const SIMPLIFIED = '们这说时国会对发经过还没让进问学习与为样点见长开关东车实现电话个来后';

/** Scripts with one language that their slides almost always are; Latin, Cyrillic and the rest by count. */
const SCRIPTS: readonly (readonly [lang: string, pattern: RegExp])[] = [
  ['en', /\p{Script=Latin}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['th', /\p{Script=Thai}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
];

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** The text a reader sees: slides and notes, without code (whose keywords are English whatever the talk's language). */
function readableText(slides: readonly Slide[]): string {
  return slides
    .map((slide) => `${slide.html}\n${slide.notesHtml}`)
    .join('\n')
    .replace(/<(pre|code|script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
}

/**
 * The language of the slides' text as a BCP 47 tag: Chinese (zh-Hant or zh-Hans, by the characters only one of
 * them uses), Japanese (kana), Korean (Hangul) when those scripts carry a fifth of the letters, since a CJK talk
 * is full of Latin names (GPT-4, OpenAI); else the language of the commonest other script (Latin: en). `fallback`
 * when there is no letter at all.
 */
export function inferLang(slides: readonly Slide[], fallback: string): string {
  const text = readableText(slides);
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  const others = SCRIPTS.map(([lang, pattern]) => [lang, count(text, pattern)] as const);
  const letters = han + kana + hangul + others.reduce((sum, [, n]) => sum + n, 0);
  if (letters === 0) return fallback;
  if ((han + kana + hangul) * 5 >= letters) {
    if (hangul > han + kana) return 'ko';
    if (kana * 10 > han + kana) return 'ja';
    const traditional = count(text, new RegExp(`[${TRADITIONAL}]`, 'g'));
    const simplified = count(text, new RegExp(`[${SIMPLIFIED}]`, 'g'));
    return simplified > traditional ? 'zh-Hans' : 'zh-Hant';
  }
  return others.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * The deck's first heading; a deck without one is named by its file (or folder) name, resolved: `deck build .`
 * names it by the folder, not ".".
 */
export function inferTitle(slides: readonly Slide[], input: string): string {
  for (const slide of slides) {
    const heading = firstHeading(slide.html);
    if (heading) return heading;
  }
  const path = resolve(input);
  return basename(path, extname(path)) || 'Untitled deck';
}
