import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import {
  countSpeech,
  countVisuals,
  estimateSeconds,
  isTimingSettings,
  matchApplied,
  parseAppliedTimings,
  parseTime,
  planDeck,
  readAppliedTimings,
  slideTiming,
  speakingSeconds,
  speechText,
  timingsFileFor,
} from '../../src/content/timing.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { DeckError, ErrorCode, isDeckError } from '../../src/core/errors.js';
import { buildDeck } from '../../src/render/index.js';

const fixture = join(import.meta.dirname, '../fixtures/rehearse/plan');
const rates = defaultConfig().timing;

// 120 Han characters (the full-width punctuation is not counted), and 70 English words.
const ZH =
  '故事從二零一八年開始，研究團隊推出了第一代模型。它最關鍵的創新，是把轉換器架構和無監督學習、轉移學習結合在一起。這個組合讓它在自然語言生成的任務上表現相當亮眼，也替後面每一代定下了基本路線。可以說，後面所有的飛躍都是從這個起點出發的，我們接著一代一代看下去吧。';
const EN =
  'The story starts in twenty eighteen when the team released the first model. Its key idea was to combine the transformer with unsupervised pretraining and transfer learning. That pairing made it strong at generating natural language and set the course for every later generation. Everything after it started from this point, so let us walk through them one by one and see what each one added to the family today.';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'deck-timing-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh copy of the plan fixture, to add timings.json to. */
function copyFixture(name: string): string {
  const dir = join(work, name);
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

describe('estimates from the notes', () => {
  it('counts Chinese characters and English words', () => {
    expect(countSpeech(ZH)).toEqual({ cjk: 120, words: 0 });
    expect(countSpeech(EN)).toEqual({ cjk: 0, words: 70 });
    expect(countSpeech('GPT-4o 在 2024 年發表')).toEqual({ cjk: 4, words: 2 });
  });

  it('speaks Chinese at 250 characters and English at 140 words a minute by default', () => {
    expect(speakingSeconds(ZH, rates)).toBeCloseTo((120 * 60) / 250, 6); // 28.8
    expect(speakingSeconds(EN, rates)).toBeCloseTo(30, 6);
    expect(estimateSeconds(`<p>${ZH}</p>`, rates)).toBe(29);
    expect(estimateSeconds(`<p>${EN}</p>`, rates)).toBe(30);
    expect(estimateSeconds(`<p>${ZH}</p><p>${EN}</p>`, rates)).toBe(59);
  });

  it('follows configured rates, and never goes under the minimum', () => {
    expect(estimateSeconds(`<p>${ZH}</p>`, { ...rates, cjkCharsPerMinute: 120 })).toBe(60);
    expect(estimateSeconds(`<p>${EN}</p>`, { ...rates, wordsPerMinute: 70 })).toBe(60);
    expect(estimateSeconds('', rates)).toBe(15);
    expect(estimateSeconds('<p>Hi.</p>', { ...rates, minSeconds: 0 })).toBe(1);
  });

  it('adds time for each click and each chart, diagram or table, as the config sets it', () => {
    const speaking = estimateSeconds(`<p>${ZH}</p>`, rates);
    expect(estimateSeconds(`<p>${ZH}</p>`, rates, { steps: 3, visuals: 1 })).toBe(speaking + 3 * 2 + 8);
    expect(estimateSeconds(`<p>${ZH}</p>`, { ...rates, secondsPerStep: 5, secondsPerVisual: 0 }, { steps: 2, visuals: 4 })).toBe(
      speaking + 10,
    );
    // The minimum is for the whole slide, not added on top.
    expect(estimateSeconds('', rates, { steps: 1, visuals: 0 })).toBe(15);
    expect(estimateSeconds('', rates, { steps: 2, visuals: 2 })).toBe(20);
  });

  it('counts a chart layout or named visual, and each table, image, SVG and code block, as a visual', () => {
    expect(countVisuals('<h2>x</h2><ul><li>a</li></ul>', 'default', {})).toBe(0);
    expect(countVisuals('<h2>x</h2>', 'timeline', {})).toBe(1);
    expect(countVisuals('<h2>x</h2>', 'two-columns', { 'data-visual': 'omni' })).toBe(1);
    expect(countVisuals('<table><tr><td>1</td></tr></table><p><img src="a.png"></p><pre><code>x</code></pre>', 'default', {})).toBe(3);
  });

  it('plans the default talk at a delivery pace, not reading time: 11 to 14 minutes', async () => {
    const deck = await loadDeck(join(import.meta.dirname, '../../slides'));
    const reading = deck.slides.reduce((sum, s) => sum + estimateSeconds(s.notesHtml, rates), 0);
    expect(deck.totalTime).toBeGreaterThan(reading + 60);
    expect(deck.totalTime).toBeGreaterThanOrEqual(11 * 60);
    expect(deck.totalTime).toBeLessThanOrEqual(14 * 60);
  });

  it('reads the spoken text of notes HTML', () => {
    expect(speechText('<p>A &amp; B <code>x&lt;y</code></p>').replace(/\s+/g, ' ').trim()).toBe('A & B x<y');
  });
});

describe('times', () => {
  it('parses seconds, minutes and hours', () => {
    expect(parseTime('45')).toBe(45);
    expect(parseTime(45)).toBe(45);
    expect(parseTime('90s')).toBe(90);
    expect(parseTime('1m30s')).toBe(90);
    expect(parseTime('20m')).toBe(1200);
    expect(parseTime('20min')).toBe(1200);
    expect(parseTime('1h')).toBe(3600);
    expect(parseTime('20', 'm')).toBe(1200);
    expect(parseTime('soon')).toBeUndefined();
    expect(parseTime('')).toBeUndefined();
    expect(parseTime('-5')).toBeUndefined();
  });

  it('takes only a number or text: a list or a mapping holding digits is not a time', () => {
    expect(parseTime([90])).toBeUndefined();
    expect(parseTime({ seconds: 90 })).toBeUndefined();
    expect(parseTime(true)).toBeUndefined();
  });
});

describe('the plan', () => {
  it('takes the slide attribute, then the front matter, then the estimate', async () => {
    const deck = await loadDeck(fixture);
    expect(deck.slides.map((s) => [s.title, s.timing, s.timingSource])).toEqual([
      ['Plan fixture', 40, 'front-matter'],
      ['Set on the slide', 25, 'attribute'],
      ['Chinese notes', 29, 'estimate'],
      ['English notes', 30, 'estimate'],
      ['No notes', 15, 'estimate'],
    ]);
    expect(deck.totalTime).toBe(40 + 25 + 29 + 30 + 15);
    // A number in the first section's front matter is a slide time, not the `timing` setting.
    expect(deck.config.timing).toEqual(rates);
  });

  it('spreads a duration over the estimated slides by weight, keeping explicit times', async () => {
    const deck = await loadDeck(fixture, { flags: { duration: '3m' } });
    const times = deck.slides.map((s) => s.timing);
    expect(times.slice(0, 2)).toEqual([40, 25]);
    expect(deck.totalTime).toBe(180);
    const spread = deck.slides.slice(2);
    expect(spread.every((s) => s.timingSource === 'duration')).toBe(true);
    const weights = [29, 30, 15];
    spread.forEach((s, i) => expect(Math.abs(s.timing - (115 * weights[i]!) / 74)).toBeLessThan(1));
  });

  it('uses timings.json over the duration and the estimate but under the author, and survives edits', async () => {
    const dir = copyFixture('applied');
    writeFileSync(
      join(dir, 'timings.json'),
      JSON.stringify({
        version: 1,
        slides: [
          // A rehearsal time for a slide whose section sets `timing: 40`: the author wins.
          { id: 'slide-1', title: 'Plan fixture', seconds: 77 },
          { id: 'slide-3', title: 'Chinese notes', seconds: 50 },
          { id: 'slide-2', title: 'Set on the slide', seconds: 99 },
          // Moved: found by its (unique) title.
          { id: 'slide-9', title: 'English notes', seconds: 33 },
          // Gone from the deck: ignored.
          { id: 'slide-5', title: 'Renamed since', seconds: 70 },
        ],
      }),
    );
    const deck = await loadDeck(dir, { flags: { duration: '3m' } });
    expect(deck.slides.map((s) => [s.timing, s.timingSource])).toEqual([
      [40, 'front-matter'],
      [25, 'attribute'],
      [50, 'rehearsal'],
      [33, 'rehearsal'],
      [180 - 40 - 25 - 50 - 33, 'duration'],
    ]);
    expect(deck.files).toContain(join(dir, 'timings.json'));
  });

  it('keeps the estimates when explicit times leave no room for the duration', () => {
    const slides = [
      { id: 'a', title: 'A', timing: 100, timingSource: 'attribute' as const },
      { id: 'b', title: 'B', timing: 20, timingSource: 'estimate' as const },
    ];
    expect(planDeck(slides, { duration: '1m' })).toEqual([
      { seconds: 100, source: 'attribute' },
      { seconds: 20, source: 'estimate' },
    ]);
  });

  it('gives the seconds left by rounding to the earlier slides when their shares are equal', () => {
    const slides = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id, timing: 20, timingSource: 'estimate' as const }));
    expect(planDeck(slides, { duration: '102s' }).map((t) => t.seconds)).toEqual([26, 26, 25, 25]);
  });

  it('reads a duration without a unit as minutes', () => {
    const slides = [
      { id: 'a', title: 'A', timing: 30, timingSource: 'estimate' as const },
      { id: 'b', title: 'B', timing: 30, timingSource: 'estimate' as const },
    ];
    const minutes = [
      { seconds: 60, source: 'duration' },
      { seconds: 60, source: 'duration' },
    ];
    expect(planDeck(slides, { duration: '2' })).toEqual(minutes);
    expect(planDeck(slides, { duration: '2m' })).toEqual(minutes);
  });

  it('puts timings.json beside the slides, or <name>.timings.json beside a one-file deck', () => {
    expect(timingsFileFor('/x/slides', '/x/slides')).toBe('/x/slides/timings.json');
    expect(timingsFileFor('/x/talk.md', '/x')).toBe('/x/talk.timings.json');
  });

  it('names the file and line of a bad timing', async () => {
    const dir = join(work, 'bad');
    cpSync(fixture, dir, { recursive: true });
    writeFileSync(join(dir, '03-bad.md'), '## Fine\n\n---\n\n<!-- .slide: data-timing="soon" -->\n\n## Bad\n');
    const error = await loadDeck(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).file).toBe('03-bad.md');
    expect((error as DeckError).line).toBe(5);
    expect((error as DeckError).message).toContain('data-timing="soon"');

    writeFileSync(join(dir, '03-bad.md'), '---\ntitle: x\ntiming: later\n---\n\n## Bad\n');
    const front = await loadDeck(dir).catch((e: unknown) => e);
    expect((front as DeckError).file).toBe('03-bad.md');
    expect((front as DeckError).line).toBe(3);

    rmSync(join(dir, '03-bad.md'));
    writeFileSync(join(dir, 'timings.json'), '{"version": 1, "slides": [\n{"id": 3}]}');
    const broken = await loadDeck(dir).catch((e: unknown) => e);
    expect((broken as DeckError).file).toBe(join(dir, 'timings.json'));
  });
});

describe('pacing in the built deck', () => {
  it('puts data-timing on every slide and totalTime in the reveal.js config', async () => {
    const { deck, rendered } = await buildDeck(fixture);
    const sections = [...rendered.html.matchAll(/<section\b([^>]*)>/g)].map((m) => m[1]!);
    const slides = sections.filter((attrs) => !/class="stack"/.test(attrs));
    expect(slides).toHaveLength(deck.slides.length);
    slides.forEach((attrs, i) => expect(attrs).toContain(`data-timing="${deck.slides[i]!.timing}"`));
    const config = JSON.parse(/<script id="deck-config" type="application\/json">(.*?)<\/script>/.exec(rendered.html)![1]!);
    expect(config.totalTime).toBe(deck.totalTime);
    expect(config.totalTime).toBe(deck.slides.reduce((sum, s) => sum + s.timing, 0));
  });
});

describe('times at their edges', () => {
  it('takes numbers in the bare unit, zero included, and refuses negative or endless ones', () => {
    expect(parseTime(2.5, 'm')).toBe(150);
    expect(parseTime(0)).toBe(0);
    expect(parseTime(-1)).toBeUndefined();
    expect(parseTime(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(parseTime(Number.NaN)).toBeUndefined();
  });

  it('reads a number after hours or minutes as seconds, and "s" as seconds whatever the bare unit', () => {
    expect(parseTime('1m30', 'm')).toBe(90);
    expect(parseTime('1h30', 'm')).toBe(3630);
    expect(parseTime('90s', 'm')).toBe(90);
    expect(parseTime('90s ', 'm')).toBe(90);
    expect(parseTime(' 2 ', 'm')).toBe(120);
  });

  it('counts words on both sides of a tag or of CJK text apart', () => {
    expect(countSpeech(speechText('<ul><li>alpha</li><li>beta</li></ul>'))).toEqual({ cjk: 0, words: 2 });
    expect(countSpeech('GPT中文model')).toEqual({ cjk: 2, words: 2 });
  });

  it('tells the timing settings (a mapping) from a slide time', () => {
    expect(isTimingSettings({ secondsPerStep: 3 })).toBe(true);
    expect([null, [], 45, '45s', undefined].map(isTimingSettings)).toEqual([false, false, false, false, false]);
  });
});

describe('bad slide timings', () => {
  const input = (attributes: Record<string, string>, sectionData: Record<string, unknown>, fileText: string) => ({
    attributes,
    notesHtml: '',
    sectionData,
    file: '02.md',
    fileText,
    line: 7,
    rates,
  });
  const errorOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error as DeckError;
    }
    throw new Error('expected a bad timing to be refused');
  };

  it('data-timing="0" is not a time: named at the slide’s line, with a hint', () => {
    expect(errorOf(() => slideTiming(input({ 'data-timing': '0' }, {}, '')))).toMatchObject({
      message: 'data-timing="0" is not a time',
      file: '02.md',
      line: 7,
      hint: 'give seconds ("45") or a time like "1m30s"',
    });
  });

  it('timing: 0 in front matter is not a time: named at the timing key’s own line', () => {
    const text = '---\nnote: my timing: tight\ntiming : 0\n---\n# A\n';
    expect(errorOf(() => slideTiming(input({}, { timing: 0 }, text)))).toMatchObject({
      message: 'timing: 0 is not a time',
      file: '02.md',
      line: 3,
      hint: 'give seconds per slide (`timing: 45`) or a time like "1m30s"',
    });
  });

  it('a slide’s own time beats its section’s, and both round to whole seconds', () => {
    expect(slideTiming(input({ 'data-timing': '1m0.6s' }, { timing: 30 }, ''))).toEqual({ seconds: 61, source: 'attribute' });
    expect(slideTiming(input({}, { timing: '0.4' }, ''))).toEqual({ seconds: 1, source: 'front-matter' });
  });
});

describe('matching a rehearsal to the slides', () => {
  const slide = (id: string, title: string) => ({ id, title, timing: 15, timingSource: 'estimate' as const });
  const entry = (id: string, title: string, seconds: number) => ({ id, title, seconds });
  const match = (slides: ReturnType<typeof slide>[], entries: ReturnType<typeof entry>[]) =>
    Object.fromEntries(matchApplied(slides, { version: 1, slides: entries }));

  it('matches by id and title, in any order', () => {
    expect(match([slide('s1', 'A'), slide('s2', 'B')], [entry('s2', 'B', 20), entry('s1', 'A', 10)])).toEqual({ 0: 10, 1: 20 });
  });

  it('matches slides with the same title by their ids', () => {
    expect(match([slide('s1', 'Same'), slide('s2', 'Same')], [entry('s1', 'Same', 10), entry('s2', 'Same', 20)])).toEqual({ 0: 10, 1: 20 });
  });

  it('takes the first of two entries for the same slide', () => {
    expect(match([slide('s1', 'A')], [entry('s1', 'A', 10), entry('s1', 'A', 30)])).toEqual({ 0: 10 });
  });

  it('matches a moved slide by a title unique among what is left on both sides', () => {
    expect(match([slide('s1', 'Same'), slide('s9', 'Same')], [entry('s1', 'Same', 10), entry('s5', 'Same', 20)])).toEqual({ 0: 10, 1: 20 });
    expect(match([slide('s1', 'A'), slide('s9', 'B')], [entry('s1', 'A', 10), entry('s2', 'C', 5), entry('s3', 'B', 20)])).toEqual({
      0: 10,
      1: 20,
    });
  });

  it('leaves a moved slide unmatched when its title is not unique', () => {
    expect(match([slide('s8', 'X'), slide('s9', 'X')], [entry('s5', 'X', 20)])).toEqual({});
    expect(match([slide('s9', 'X')], [entry('s5', 'X', 20), entry('s6', 'X', 30)])).toEqual({});
  });
});

describe('spreading a duration', () => {
  const estimates = (...seconds: number[]) =>
    seconds.map((timing, i) => ({ id: `s${i}`, title: `S${i}`, timing, timingSource: 'estimate' as const }));
  const spread = (slides: ReturnType<typeof estimates>, duration: string) => planDeck(slides, { duration }).map((t) => t.seconds);

  it('hands the seconds lost to rounding to the largest remainders, so the total is the duration', () => {
    expect(spread(estimates(1, 2, 4), '10s')).toEqual([1, 3, 6]);
    expect(spread(estimates(5, 1, 1), '10s')).toEqual([7, 2, 1]);
    expect(spread(estimates(1, 1, 1), '10s')).toEqual([4, 3, 3]);
  });

  it('gives each estimated slide one second when that is all the time left', () => {
    const slides = [{ id: 'a', title: 'A', timing: 58, timingSource: 'attribute' as const }, ...estimates(20, 10)];
    expect(planDeck(slides, { duration: '1m' })).toEqual([
      { seconds: 58, source: 'attribute' },
      { seconds: 1, source: 'duration' },
      { seconds: 1, source: 'duration' },
    ]);
  });
});

describe('the applied rehearsal file', () => {
  it('is <name>.timings.json for a one-file deck, even with .md inside the name', () => {
    expect(timingsFileFor('/x/v1.md-notes.md', '/x')).toBe('/x/v1.md-notes.timings.json');
    expect(timingsFileFor('/x/Talk.MARKDOWN', '/x')).toBe('/x/Talk.timings.json');
  });

  it('is undefined when missing, and an I/O error naming it when it cannot be read', async () => {
    expect(await readAppliedTimings(join(work, 'none.json'))).toBeUndefined();
    const error = await readAppliedTimings(work).catch((e: unknown) => e);
    expect(isDeckError(error) && error.code === ErrorCode.Io).toBe(true);
    expect(error).toMatchObject({ message: `cannot read ${work}`, file: work });
  });

  it('names the line of a JSON error and says where the file comes from', () => {
    const hint = 'it is written by `deck rehearse --apply`; delete it to go back to the computed plan';
    const bad = (() => {
      try {
        parseAppliedTimings('{\n "version": 1,\n oops}', 'timings.json');
      } catch (error) {
        return error as DeckError;
      }
    })();
    expect(bad).toMatchObject({ code: ErrorCode.BadInput, file: 'timings.json', line: 3, hint });
    expect(bad?.message).toMatch(/^not valid JSON: /);
    // The line of the error, not of the file's end.
    expect(() => parseAppliedTimings('{\n"version": 1,,\n"slides": []\n}\n', 'mid.json')).toThrow(
      expect.objectContaining({ file: 'mid.json', line: 2 }),
    );
    // A file cut short: Node's message may give no position, and it is still an error naming the file.
    expect(() => parseAppliedTimings('{"version": 1, "slides": [', 'cut.json')).toThrow(
      expect.objectContaining({ code: ErrorCode.BadInput, file: 'cut.json', message: expect.stringMatching(/^not valid JSON: /) }),
    );
    expect(() => parseAppliedTimings('{"version": 1, "slides": [{"id": "a", "title": "A", "seconds": 0}]}', 't.json')).toThrow(
      /^not a timings file: "slides\.0\.seconds": /,
    );
  });
});
