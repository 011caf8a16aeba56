/**
 * A short copy of the default talk (12 slides instead of 32), for tests where the talk's length is not what they
 * check: its first six slides, then one slide per model section.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SLIDES_DIR = join(import.meta.dirname, '..', '..', 'slides');
/** The talk's opening files whole; the overview cut to its first two slides (timeline and growth chart). */
const WHOLE_FILES = ['00-title.md', '01-what-is-gpt.md'];
const OVERVIEW = { file: '02-overview.md', slides: 2 };
/** The model sections cut to their front matter, which feeds the agenda, the title's strip and the charts. */
const MODEL_FILES = ['03-gpt-1.md', '04-gpt-2.md', '05-gpt-3.md', '06-instructgpt.md', '07-gpt-4.md', '08-gpt-4o.md'];

/**
 * How many of the copy's first slides are the talk's (title and layout, charts and slide numbers; the agenda lists
 * only the sections the copy has). Slides 3 and 4 are the talk's as drawn, word for word.
 */
export const TALK_SAMPLE_OPENING = 6;

/** Write the copy into `dir` (an empty folder). */
export function writeTalkSample(dir: string): void {
  for (const file of WHOLE_FILES) copyFileSync(join(SLIDES_DIR, file), join(dir, file));
  // A file's front matter and its slides, split at the `---` lines.
  const parts = readFileSync(join(SLIDES_DIR, OVERVIEW.file), 'utf8').split(/\n---\n/);
  writeFileSync(join(dir, OVERVIEW.file), `${parts.slice(0, OVERVIEW.slides + 1).join('\n---\n')}\n`);
  for (const file of MODEL_FILES) {
    const [frontMatter] = readFileSync(join(SLIDES_DIR, file), 'utf8').split(/\n---\n/);
    writeFileSync(join(dir, file), `${frontMatter}\n---\n`);
  }
}
