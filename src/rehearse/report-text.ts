/** The rehearsal report as terminal text: per slide planned, actual, difference and verdict; then the total. */
import { clock, fitColumns, signedClock, verdict } from './format.js';
import type { Rehearsal } from './model.js';

const TITLE_WIDTH = 30;

export function reportText(rehearsal: Rehearsal): string {
  const when = new Date(rehearsal.startedAt).toLocaleString('sv-SE').slice(0, 16);
  const status = rehearsal.complete
    ? `ended by ${rehearsal.endedBy === 'button' ? 'the Finish button' : 'Ctrl+C'}`
    : 'interrupted, kept up to the last event';
  const lines = [
    `Rehearsal of ${rehearsal.deck} — ${when} (${status})`,
    '',
    `  ${'#'.padStart(5)}  ${fitColumns('slide', TITLE_WIDTH)}  ${'planned'.padStart(7)}  ${'actual'.padStart(7)}  ${'diff'.padStart(7)}`,
  ];
  for (const slide of rehearsal.slides) {
    // One numbering everywhere: slides 1..N in the order they are shown, as in the deck and the presenter view.
    const number = String(slide.index + 1);
    const diff = slide.actual - slide.planned;
    const v = verdict(slide.planned, slide.actual, slide.visits);
    lines.push(
      `  ${number.padStart(5)}  ${fitColumns(slide.title, TITLE_WIDTH)}  ${clock(slide.planned).padStart(7)}  ` +
        `${(slide.visits === 0 ? '—' : clock(slide.actual)).padStart(7)}  ${(slide.visits === 0 ? '' : signedClock(diff)).padStart(7)}  ${v}`,
    );
  }
  const diff = rehearsal.actual - rehearsal.planned;
  const percent = rehearsal.planned > 0 ? ` (${Math.round((rehearsal.actual / rehearsal.planned) * 100)} % of the plan)` : '';
  lines.push(
    '',
    `  ${' '.repeat(5)}  ${fitColumns('total', TITLE_WIDTH)}  ${clock(rehearsal.planned).padStart(7)}  ${clock(rehearsal.actual).padStart(7)}  ${signedClock(diff).padStart(7)}  ${diff > 0 ? 'over' : diff < 0 ? 'under' : 'on time'}${percent}`,
  );
  if (rehearsal.paused > 0) lines.push(`  paused for ${clock(rehearsal.paused)} (not counted)`);
  const skipped = rehearsal.slides.filter((s) => s.visits === 0).length;
  if (skipped > 0) lines.push(`  ${skipped} slide${skipped === 1 ? '' : 's'} not shown`);
  return `${lines.join('\n')}\n`;
}
