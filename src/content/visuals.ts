import type { DeckWarning } from '../core/warnings.js';
import type { Section } from './types.js';

const namesIn = (visuals: unknown): string[] =>
  visuals && typeof visuals === 'object' && !Array.isArray(visuals) ? Object.keys(visuals) : [];

/**
 * Slides that name a visual (`data-visual`) neither their section's front matter nor the deck's data describes
 * under `visuals:`: the layouts would draw nothing there (a misspelt name is a missing diagram), one warning each.
 */
export function unknownVisuals(sections: readonly Section[], data: Readonly<Record<string, unknown>>): DeckWarning[] {
  const shared = namesIn(data.visuals);
  return sections.flatMap((section) => {
    const known = [...new Set([...namesIn(section.data.visuals), ...shared])];
    return section.stacks.flat().flatMap((slide) => {
      const name = slide.attributes['data-visual'];
      if (name === undefined || known.includes(name)) return [];
      const choices = known.length > 0 ? `known here: ${known.join(', ')}` : 'this section and the deck describe none';
      return [
        {
          file: slide.file,
          line: slide.origins.visual ?? slide.line,
          message: `data-visual="${name}": no visual of that name under \`visuals:\` in the section's front matter or the deck's data (${choices}); the slide shows none`,
        },
      ];
    });
  });
}
