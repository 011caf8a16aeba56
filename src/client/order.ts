/**
 * One order everywhere: slides are numbered 1..N in the order they are shown (vertical slides included, as
 * reveal.js's getSlides() lists them), and a slide with fragments has steps 1..k+1 (all hidden, then each one).
 */

/** The step a slide is at (1-based) and how many it has, from the shown fragment index and the slide's indices. */
export function stepOf(fragment: number, fragmentIndices: readonly number[]): { at: number; of: number } {
  const distinct = [...new Set(fragmentIndices)].sort((a, b) => a - b);
  const shown = fragment < 0 ? 0 : distinct.filter((index) => index <= fragment).length;
  return { at: shown + 1, of: distinct.length + 1 };
}

/** The fragment indices of a slide, as reveal.js numbered them (data-fragment-index). */
export function fragmentIndices(slide: Element): number[] {
  return [...slide.querySelectorAll('.fragment')]
    .map((element) => Number(element.getAttribute('data-fragment-index')))
    .filter((value) => Number.isInteger(value));
}

/**
 * "3 / 24" and, on a slide with fragments, "· step 2 / 4". A slide outside the numbering (index -1: reveal.js's
 * data-visibility="uncounted", for backup slides after the end) says so, rather than a bare "–".
 */
export function positionLabel(index: number, count: number, step: { at: number; of: number }): string {
  if (count <= 0) return '–';
  const slide = index < 0 ? 'uncounted slide' : `${index + 1} / ${count}`;
  return `${slide}${step.of > 1 ? ` · step ${step.at} / ${step.of}` : ''}`;
}

/** A slide number as the user typed it (1..count), or undefined. */
export function parseSlideNumber(text: string, count: number): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return number >= 1 && number <= count ? number : undefined;
}
