/**
 * `deck rehearse --apply`: the last rehearsal's actual times become the plan, written to `timings.json` beside
 * the slides (see src/content/timing.ts for where that sits in the plan's precedence). The Markdown is never
 * touched. Slides the rehearsal did not show keep what an earlier apply gave them.
 */
import { basename } from 'node:path';
import type { AppliedTimings } from '../content/timing.js';
import type { Deck } from '../content/types.js';
import { writeFileAtomic } from '../core/fs.js';
import { clock } from './format.js';
import type { Rehearsal } from './model.js';

/** A rehearsal shorter than this share of its plan is not a run-through (a 1:27 click-through of a 9:08 talk). */
export const SHORT_RUN_SHARE = 0.5;
/** A slide shown for less than this was flicked past, not presented. */
export const FLICKED_SECONDS = 3;

/**
 * Why a rehearsal should not become the plan without a second thought: slides it never showed (they would keep
 * an older plan while the others change), and a run far shorter than the plan, which would plan slides of a
 * second or two. Empty when it looks like a real run-through.
 */
export function applyConcerns(rehearsal: Rehearsal): string[] {
  const concerns: string[] = [];
  const skipped = rehearsal.slides.filter((slide) => slide.visits === 0);
  if (skipped.length > 0) {
    const names = skipped.slice(0, 3).map((slide) => `${slide.index + 1} ${slide.title}`);
    concerns.push(
      `it skipped ${skipped.length} of ${rehearsal.slides.length} slides (${names.join('; ')}${skipped.length > 3 ? '; …' : ''})`,
    );
  }
  if (rehearsal.planned > 0 && rehearsal.actual < rehearsal.planned * SHORT_RUN_SHARE) {
    const flicked = rehearsal.slides.filter((slide) => slide.visits > 0 && slide.actual < FLICKED_SECONDS).length;
    concerns.push(
      `it ran ${clock(rehearsal.actual)} against a ${clock(rehearsal.planned)} plan (${Math.round((rehearsal.actual / rehearsal.planned) * 100)} %)` +
        (flicked > 0 ? `, ${flicked} slides under ${FLICKED_SECONDS} s` : ''),
    );
  }
  return concerns;
}

/** The applied plan from a rehearsal, merged over an earlier one (entries for slides it showed replace theirs). */
export function appliedFrom(rehearsal: Rehearsal, source: string, appliedAt: Date, previous?: AppliedTimings): AppliedTimings {
  const shown = rehearsal.slides
    .filter((slide) => slide.visits > 0 && slide.source !== 'none')
    .map((slide) => ({ id: slide.id, title: slide.title, seconds: Math.max(1, Math.round(slide.actual)) }));
  const key = (s: { id: string; title: string }) => `${s.id}\u0000${s.title}`;
  const replaced = new Set(shown.map(key));
  const kept = (previous?.slides ?? []).filter((s) => !replaced.has(key(s)));
  return { version: 1, rehearsal: basename(source), appliedAt: appliedAt.toISOString(), slides: [...shown, ...kept] };
}

export interface PlanChange {
  readonly id: string;
  readonly title: string;
  readonly before: number;
  readonly after: number;
  /** The author's attribute or front matter still decides this slide's time. */
  readonly kept: boolean;
}

/** What applying changes, slide by slide: the deck before, and the deck as rebuilt after. */
export function planChanges(before: Deck, after: Deck): PlanChange[] {
  return after.slides.map((slide) => {
    const old = before.slides.find((s) => s.id === slide.id && s.title === slide.title);
    return {
      id: slide.id,
      title: slide.title,
      before: old?.timing ?? slide.timing,
      after: slide.timing,
      kept: slide.timingSource === 'attribute' || slide.timingSource === 'front-matter',
    };
  });
}

export async function writeApplied(path: string, applied: AppliedTimings): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(applied, null, 2)}\n`);
}
