/**
 * The speaker script (`deck notes`): every slide in reading order with its title, its notes, its planned time
 * and the running clock, as Markdown for printing or reading on a tablet.
 */
import type { Deck } from '../content/types.js';
import { clock } from './format.js';
import { plural } from '../core/warnings.js';

const SOURCE_LABEL: Record<string, string> = {
  attribute: 'set on the slide',
  'front-matter': 'set for the section',
  rehearsal: 'from the applied rehearsal',
  duration: 'share of the duration',
  estimate: 'estimated from the notes',
};

function slideNumber(deck: Deck, index: number): string {
  const slide = deck.slides[index]!;
  const stacked = deck.slides.some((s) => s.h === slide.h && s.v > 0);
  return stacked ? `${slide.h + 1}.${slide.v + 1}` : `${slide.h + 1}`;
}

export function notesScript(deck: Deck): string {
  const lines: string[] = [
    `# ${deck.config.title} — speaker script`,
    '',
    `${plural(deck.slides.length, 'slide')} · planned ${clock(deck.totalTime)}${deck.config.duration ? ` · duration ${deck.config.duration}` : ''}`,
    '',
  ];
  let elapsed = 0;
  deck.slides.forEach((slide, index) => {
    const start = elapsed;
    elapsed += slide.timing;
    lines.push(
      '---',
      '',
      `## ${slideNumber(deck, index)} · ${slide.title}`,
      '',
      `**${clock(start)} → ${clock(elapsed)}** · ${clock(slide.timing)} planned (${SOURCE_LABEL[slide.timingSource] ?? slide.timingSource})`,
      '',
      slide.notes.trim() || '_(no notes)_',
      '',
    );
  });
  lines.push('---', '', `**End: ${clock(elapsed)}**`, '');
  return lines.join('\n');
}
