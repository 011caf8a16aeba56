/**
 * The timing plan: how many seconds each slide should take. Precedence, highest first:
 *
 * 1. `attribute`    – `<!-- .slide: data-timing="30" -->` on the slide (seconds, or "1m30s"-style text).
 * 2. `front-matter` – a `timing: 30` key in a section's front matter: the time of *each* slide of that section
 *                     that has no attribute of its own (a number, not a mapping: `timing: {wordsPerMinute: …}`
 *                     in the first section is the deck setting, as in a config file).
 * 3. `rehearsal`    – `timings.json` beside the slides, written by `deck rehearse --apply` from the last rehearsal.
 *                     It loses to the author's explicit timings and wins over everything computed.
 * 4. `duration`     – the deck-wide `duration` ("20m") minus the time already fixed by 1–3, spread over the
 *                     remaining slides in proportion to their estimates (so a slide with twice the notes gets
 *                     twice the time).
 * 5. `estimate`     – from the length of the notes: CJK characters at `timing.cjkCharsPerMinute` (default 250:
 *                     a calm presenting pace in Mandarin; newsreaders reach 300) plus other words at
 *                     `timing.wordsPerMinute` (default 140: the usual presenting pace in English, slower than
 *                     conversation's ~160), plus what reading time leaves out: `timing.secondsPerStep` (default 2:
 *                     the click and the beat while the room reads the new line) for each fragment step, and
 *                     `timing.secondsPerVisual` (default 8: a chart, diagram, table or picture is read by the room
 *                     before the words about it land) for each visual; never under `timing.minSeconds` (default
 *                     15: a slide needs a moment even without notes). Reading time alone made the GPT talk's plan
 *                     9:08 where a delivery takes 11–13 minutes.
 *
 * All plan times are whole seconds ≥ 1 (reveal.js reads data-timing with parseInt and treats 0 as "unset").
 */
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import type { DeckConfig } from '../config/schema.js';
import { DeckError, ErrorCode } from '../core/errors.js';

export type TimingSource = 'attribute' | 'front-matter' | 'rehearsal' | 'duration' | 'estimate';

export interface SlideTiming {
  readonly seconds: number;
  readonly source: TimingSource;
}

const TIME = /^\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?\s*(?:(\d+(?:\.\d+)?)\s*s?)?\s*$/i;

/**
 * Parse a time: a number, or text like "90", "90s", "1m30s", "20m", "20min", "1h". A bare number is in
 * `bareUnit` (seconds for a slide's timing, minutes for a talk's duration). Undefined when it is not a time.
 */
export function parseTime(value: unknown, bareUnit: 's' | 'm' = 's'): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value * (bareUnit === 'm' ? 60 : 1) : undefined;
  if (typeof value !== 'string' || !/\d/.test(value)) return undefined;
  const match = TIME.exec(value);
  if (!match) return undefined;
  const [, h, m, s] = match;
  const bare = !h && !m && s !== undefined && !/s\s*$/i.test(value);
  if (bare) return Number(s) * (bareUnit === 'm' ? 60 : 1);
  return Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The spoken text of notes HTML: tags dropped, entities decoded. */
export function speechText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITY[name]!);
}

/** How much there is to say: CJK characters, and words in the other scripts (a number counts as a word). */
export function countSpeech(text: string): { cjk: number; words: number } {
  const cjk = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { cjk, words };
}

export type TimingRates = DeckConfig['timing'];

/** Seconds it takes to say the text at the configured rates, unrounded and without the minimum. */
export function speakingSeconds(text: string, rates: TimingRates): number {
  const { cjk, words } = countSpeech(text);
  return (cjk * 60) / rates.cjkCharsPerMinute + (words * 60) / rates.wordsPerMinute;
}

/** What a slide shows besides text that takes time in the room: fragment steps and visuals. */
export interface SlideLoad {
  readonly steps: number;
  readonly visuals: number;
}

/** Built-in layouts that draw a chart, diagram or table from data (src/render, templates/layouts). */
const VISUAL_LAYOUTS = new Set(['timeline', 'growth', 'comparison', 'latency', 'overview', 'diagram']);
const VISUAL_TAG = /<(table|img|svg|pre|video|iframe)\b/gi;

/**
 * The visuals of a slide: one for a chart layout or a named visual (`data-visual`), plus each table, image,
 * inline SVG, code block, video or embed in its Markdown.
 */
export function countVisuals(html: string, layout: string, attributes: Readonly<Record<string, string>>): number {
  const drawn = VISUAL_LAYOUTS.has(layout) || attributes['data-visual'] !== undefined ? 1 : 0;
  return drawn + (html.match(VISUAL_TAG)?.length ?? 0);
}

/**
 * The estimate for a slide: saying its notes, plus its clicks and visuals (see the top of this file); whole
 * seconds, at least `minSeconds` (and at least 1).
 */
export function estimateSeconds(notesHtml: string, rates: TimingRates, load: SlideLoad = { steps: 0, visuals: 0 }): number {
  const extra = load.steps * rates.secondsPerStep + load.visuals * rates.secondsPerVisual;
  return Math.max(1, Math.round(rates.minSeconds), Math.round(speakingSeconds(speechText(notesHtml), rates) + extra));
}

function wholeSeconds(value: number): number {
  return Math.max(1, Math.round(value));
}

/** The 1-based line of a top-level `timing:` key in a file's front matter (for error messages). */
function frontMatterLine(text: string): number {
  const before = /^timing\s*:/m.exec(text);
  return before ? text.slice(0, before.index).split('\n').length : 1;
}

export interface SlideTimingInput {
  attributes: Readonly<Record<string, string>>;
  notesHtml: string;
  /** The section's front matter, its file name (relative) and text, and the line the slide starts on. */
  sectionData: Readonly<Record<string, unknown>>;
  file: string;
  fileText: string;
  line: number;
  rates: TimingRates;
  /** Fragment steps and visuals on the slide (none when not given). */
  load?: SlideLoad;
}

/** A slide's own timing: its attribute, else its section's front matter, else the estimate from its notes. */
export function slideTiming(input: SlideTimingInput): SlideTiming {
  const attribute = input.attributes['data-timing'];
  if (attribute !== undefined) {
    const seconds = parseTime(attribute, 's');
    if (seconds === undefined || seconds <= 0) {
      throw new DeckError(ErrorCode.BadInput, `data-timing="${attribute}" is not a time`, {
        file: input.file,
        line: input.line,
        hint: 'give seconds ("45") or a time like "1m30s"',
      });
    }
    return { seconds: wholeSeconds(seconds), source: 'attribute' };
  }
  const front = input.sectionData.timing;
  if (front !== undefined && !isTimingSettings(front)) {
    const seconds = parseTime(front, 's');
    if (seconds === undefined || seconds <= 0) {
      throw new DeckError(ErrorCode.BadInput, `timing: ${JSON.stringify(front)} is not a time`, {
        file: input.file,
        line: frontMatterLine(input.fileText),
        hint: 'give seconds per slide (`timing: 45`) or a time like "1m30s"',
      });
    }
    return { seconds: wholeSeconds(seconds), source: 'front-matter' };
  }
  return { seconds: estimateSeconds(input.notesHtml, input.rates, input.load), source: 'estimate' };
}

/** `timing: {wordsPerMinute: …}` is the deck setting; any other `timing` value is a slide time. */
export function isTimingSettings(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `timings.json`: an applied rehearsal, keyed by slide id and title so that it survives edits to the deck. */
export interface AppliedTimings {
  readonly version: 1;
  /** The rehearsal file it came from (its name) and when it was applied (ISO time). */
  readonly rehearsal?: string;
  readonly appliedAt?: string;
  readonly slides: readonly { readonly id: string; readonly title: string; readonly seconds: number }[];
}

interface PlannedSlide {
  readonly id: string;
  readonly title: string;
  readonly timing: number;
  readonly timingSource: TimingSource;
}

/**
 * Match applied timings to the deck's slides: by id and title; then, for slides that moved, by a title that is
 * unique among both the unmatched slides and the unmatched entries. A slide whose title changed and that moved
 * keeps its plan from the lower layers. Returns seconds per slide index.
 */
export function matchApplied(slides: readonly PlannedSlide[], applied: AppliedTimings): Map<number, number> {
  const result = new Map<number, number>();
  const used = new Set<number>();
  const key = (id: string, title: string) => `${id}\u0000${title}`;
  const byKey = new Map<string, number>();
  applied.slides.forEach((entry, i) => {
    if (!byKey.has(key(entry.id, entry.title))) byKey.set(key(entry.id, entry.title), i);
  });
  slides.forEach((slide, index) => {
    const i = byKey.get(key(slide.id, slide.title));
    if (i !== undefined && !used.has(i)) {
      used.add(i);
      result.set(index, applied.slides[i]!.seconds);
    }
  });
  const count = <T>(items: T[], title: (item: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(title(item), (counts.get(title(item)) ?? 0) + 1);
    return counts;
  };
  const openSlides = slides.map((slide, index) => ({ slide, index })).filter(({ index }) => !result.has(index));
  const openEntries = applied.slides.map((entry, i) => ({ entry, i })).filter(({ i }) => !used.has(i));
  const slideTitles = count(openSlides, ({ slide }) => slide.title);
  const entryTitles = count(openEntries, ({ entry }) => entry.title);
  for (const { slide, index } of openSlides) {
    if (slideTitles.get(slide.title) !== 1 || entryTitles.get(slide.title) !== 1) continue;
    const found = openEntries.find(({ entry }) => entry.title === slide.title)!;
    result.set(index, found.entry.seconds);
  }
  return result;
}

/**
 * Apply the deck-level layers (an applied rehearsal, then the deck's duration) on top of each slide's own
 * timing. Returns the plan for each slide, in the order given.
 */
export function planDeck(slides: readonly PlannedSlide[], config: Pick<DeckConfig, 'duration'>, applied?: AppliedTimings): SlideTiming[] {
  const fromRehearsal = applied ? matchApplied(slides, applied) : new Map<number, number>();
  const plan: SlideTiming[] = slides.map((slide, index) => {
    const explicit = slide.timingSource === 'attribute' || slide.timingSource === 'front-matter';
    const rehearsed = fromRehearsal.get(index);
    if (!explicit && rehearsed !== undefined) return { seconds: wholeSeconds(rehearsed), source: 'rehearsal' };
    return { seconds: slide.timing, source: slide.timingSource };
  });
  const duration = parseTime(config.duration, 'm');
  if (duration === undefined) return plan;
  const flexible = plan.map((t, index) => ({ t, index })).filter(({ t }) => t.source === 'estimate');
  const fixed = plan.reduce((sum, t) => sum + (t.source === 'estimate' ? 0 : t.seconds), 0);
  const remaining = Math.round(duration) - fixed;
  // Too little time left to give every remaining slide a second: the duration cannot be met; keep the estimates.
  if (flexible.length === 0 || remaining < flexible.length) return plan;
  const weight = flexible.reduce((sum, { t }) => sum + t.seconds, 0);
  const shares = flexible.map(({ t }) => (remaining * t.seconds) / weight);
  const seconds = shares.map((share) => Math.max(1, Math.floor(share)));
  // Largest remainder: hand out the seconds lost to rounding down so the total is exactly the duration.
  let left = remaining - seconds.reduce((a, b) => a + b, 0);
  const order = shares.map((share, i) => ({ i, rest: share - Math.floor(share) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let k = 0; left > 0 && order.length > 0; k = (k + 1) % order.length, left--) seconds[order[k]!.i]!++;
  flexible.forEach(({ index }, i) => {
    plan[index] = { seconds: seconds[i]!, source: 'duration' };
  });
  return plan;
}

const appliedSchema = z
  .object({
    version: z.literal(1),
    rehearsal: z.string().optional(),
    appliedAt: z.string().optional(),
    slides: z.array(z.object({ id: z.string(), title: z.string(), seconds: z.number().positive() })),
  })
  .passthrough();

/**
 * Where the applied plan lives: `timings.json` in a deck folder; `<name>.timings.json` beside a one-file deck
 * (so two one-file decks in one folder keep separate plans).
 */
export function timingsFileFor(input: string, root: string): string {
  const absolute = resolve(input);
  if (absolute === resolve(root)) return join(root, 'timings.json');
  return join(root, `${basename(absolute).replace(/\.(md|markdown)$/i, '')}.timings.json`);
}

/** Read an applied plan; undefined when there is none. A broken file is a BadInput error naming it. */
export async function readAppliedTimings(path: string): Promise<AppliedTimings | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DeckError(ErrorCode.Io, `cannot read ${path}`, { file: path, cause: error });
  }
  return parseAppliedTimings(text, path);
}

export function parseAppliedTimings(text: string, file: string): AppliedTimings {
  const hint = 'it is written by `deck rehearse --apply`; delete it to go back to the computed plan';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : text.slice(0, Number(position)).split('\n').length;
    throw new DeckError(ErrorCode.BadInput, `not valid JSON: ${(error as Error).message}`, { file, line, hint });
  }
  const result = appliedSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DeckError(ErrorCode.BadInput, `not a timings file: "${issue.path.join('.')}": ${issue.message}`, { file, hint });
  }
  return result.data as AppliedTimings;
}
