/**
 * The speaker script (`deck notes`): every slide numbered 1..N in the order shown, what is on it (title, bullets
 * with their click steps, visuals) beside what to say, its planned time and the running clock, as Markdown for
 * printing or reading on a tablet.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import type { Deck, Slide } from '../content/types.js';
import { clock } from './format.js';
import { plural } from '../core/warnings.js';

const SOURCE_LABEL: Record<string, string> = {
  attribute: 'set on the slide',
  'front-matter': 'set for the section',
  rehearsal: 'from the applied rehearsal',
  duration: 'share of the duration',
  estimate: 'estimated',
};

/**
 * When the plan is (partly) an estimate because the deck sets no `duration`: one sentence saying so and how to
 * set one. Undefined when every slide's time was set or rehearsed, or a duration is given.
 */
export function estimateNote(deck: Deck): string | undefined {
  if (deck.config.duration) return undefined;
  const estimated = deck.slides.filter((slide) => slide.timingSource === 'estimate').length;
  if (estimated === 0) return undefined;
  const t = deck.config.timing;
  return (
    `The plan is an estimate${estimated < deck.slides.length ? ` for ${estimated} of ${deck.slides.length} slides` : ''}: ` +
    `speaking the notes at ${t.cjkCharsPerMinute} characters or ${t.wordsPerMinute} words a minute, plus ${t.secondsPerStep} s ` +
    `a click and ${t.secondsPerVisual} s a chart, diagram or table. Set the talk's length with \`duration: 12m\` ` +
    "in deck.config.yaml or the first file's front matter, or rehearse (`deck rehearse`) and apply it (`deck rehearse --apply`)."
  );
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function visualTitle(deck: Deck, slide: Slide): string | undefined {
  const name = slide.attributes['data-visual'];
  if (!name) return undefined;
  const visuals = deck.sections[slide.section]?.data.visuals as Record<string, { title?: unknown }> | undefined;
  const title = visuals?.[name]?.title;
  return typeof title === 'string' ? title : name;
}

/**
 * What the audience sees, as lines for the script: the headings, each list item (a fragment marked with its
 * click, ▶1, ▶2 …), paragraphs, quotes, and a line for each table, image and the slide's chart or diagram.
 */
export function slideOutline(deck: Deck, slide: Slide): { lines: string[]; clicks: number } {
  const root = parse(slide.html);
  const lines: string[] = [];
  const steps = new Map<string, number>();
  let nextStep = 0;
  const stepOf = (element: HTMLElement): number | undefined => {
    const fragment = element.classList.contains('fragment') ? element : element.querySelector('.fragment');
    if (!fragment) return undefined;
    const key = fragment.getAttribute('data-fragment-index') ?? `auto-${nextStep}`;
    if (!steps.has(key)) steps.set(key, ++nextStep);
    return steps.get(key);
  };
  const mark = (element: HTMLElement) => {
    const step = stepOf(element);
    return step === undefined ? '' : `▶${step} `;
  };
  for (const element of root.childNodes.filter((node): node is HTMLElement => node.nodeType === 1)) {
    const tag = element.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) lines.push(`${mark(element)}**${cell(element.text)}**`);
    else if (tag === 'ul' || tag === 'ol') {
      for (const item of element.querySelectorAll(':scope > li')) lines.push(`${mark(item)}• ${cell(item.text)}`);
    } else if (tag === 'blockquote') lines.push(`${mark(element)}“${cell(element.text)}”`);
    else if (tag === 'table') lines.push(`${mark(element)}(table: ${cell(element.querySelector('tr')?.text ?? '')})`);
    else if (tag === 'pre') lines.push(`${mark(element)}(code)`);
    else if (element.querySelector('img') || tag === 'img') {
      const image = tag === 'img' ? element : element.querySelector('img')!;
      lines.push(`${mark(element)}(image${image.getAttribute('alt') ? `: ${cell(image.getAttribute('alt')!)}` : ''})`);
    } else if (cell(element.text)) lines.push(`${mark(element)}${cell(element.text)}`);
  }
  const visual = visualTitle(deck, slide);
  if (visual) lines.push(`(diagram: ${cell(visual)})`);
  else if (['timeline', 'growth', 'comparison', 'latency', 'overview'].includes(slide.layout)) lines.push(`(chart: ${slide.layout})`);
  if (lines.length === 0) lines.push(`**${cell(slide.title)}**`);
  return { lines, clicks: Math.max(nextStep, slide.fragments) };
}

export function notesScript(deck: Deck): string {
  const note = estimateNote(deck);
  const lines: string[] = [
    `# ${deck.config.title} — speaker script`,
    '',
    `${plural(deck.slides.length, 'slide')} · planned ${clock(deck.totalTime)}${deck.config.duration ? ` · duration ${deck.config.duration}` : ''}`,
    '',
    ...(note ? [`_${note}_`, ''] : []),
    '▶1, ▶2 … mark the clicks that bring up each step (fragment) of a slide.',
    '',
  ];
  let elapsed = 0;
  deck.slides.forEach((slide, index) => {
    const start = elapsed;
    elapsed += slide.timing;
    const { lines: outline, clicks } = slideOutline(deck, slide);
    // Say where a time comes from only when it is not the estimate the header already explains.
    const source = slide.timingSource === 'estimate' ? '' : ` (${SOURCE_LABEL[slide.timingSource] ?? slide.timingSource})`;
    const say = slide.notes.trim()
      ? slide.notes
          .trim()
          .split(/\n\s*\n/)
          .map(cell)
          .join('<br><br>')
      : '_(no notes)_';
    lines.push(
      '---',
      '',
      `## ${index + 1} · ${slide.title}`,
      '',
      `**${clock(start)} → ${clock(elapsed)}** · ${clock(slide.timing)} planned${source}${clicks ? ` · ${clicks} click${clicks > 1 ? 's' : ''}` : ''}`,
      '',
      '| On the slide | Say |',
      '|---|---|',
      `| ${outline.join('<br>')} | ${say} |`,
      '',
    );
  });
  lines.push('---', '', `**End: ${clock(elapsed)}**`, '');
  return lines.join('\n');
}
