/**
 * Marp's image syntax, read in a deck written for Marp: keywords in an image's alt text. `![bg](a.jpg)` is the
 * slide's background (`contain`/`fit`, `cover`, `auto` or a percentage its size; `left` / `right`, with or without
 * `:40%`, place it on that side, where Marp splits the slide), and `![w:200 h:100](a.png)` sizes an image
 * (`w`/`width`, `h`/`height`, in px unless a unit is given). Marp's image filters (`blur`, `sepia`, …) are dropped.
 * Only the first `bg` image of a slide is its background, as reveal.js has one; the others are dropped too, and
 * `extra` says so.
 */
import { escapeHtml } from './escape.js';
import { fencedRanges } from './split.js';

export interface MarpImages {
  /** The slide's Markdown with background images taken out and sized images written as <img>. */
  readonly body: string;
  /** Attributes for the slide's <section> (its background). */
  readonly attributes: Record<string, string>;
  /** Background images after the first, which reveal.js cannot show. */
  readonly extra: number;
}

const IMAGE = /!\[([^\]\n]*)\]\(\s*([^)\s]+)(?:\s+"[^"\n]*")?\s*\)/g;
const FILTER = /^(blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)(:.*)?$/;
const SIZE = /^(w|width|h|height):(\d+(?:\.\d+)?)([a-z%]*)$/;

/** The slide's Markdown with Marp's image keywords applied. */
export function marpImages(text: string): MarpImages {
  const code = fencedRanges(text);
  const attributes: Record<string, string> = {};
  let backgrounds = 0;
  const body = text.replace(IMAGE, (whole, alt: string, src: string, offset: number) => {
    if (code.some(([start, end]) => offset >= start && offset < end)) return whole;
    const words = alt.split(/\s+/).filter(Boolean);
    const keywords = words.filter((word) => word === 'bg' || FILTER.test(word) || SIZE.test(word));
    if (keywords.length === 0) return whole;
    if (words.includes('bg')) {
      if (backgrounds++ > 0) return '';
      attributes['data-background-image'] = src;
      for (const word of words) {
        if (word === 'contain' || word === 'fit') attributes['data-background-size'] = 'contain';
        else if (word === 'cover' || word === 'auto') attributes['data-background-size'] = word;
        else if (/^\d+(\.\d+)?%$/.test(word)) attributes['data-background-size'] = word;
        else if (/^(left|right)(:\d+(\.\d+)?%)?$/.test(word)) {
          // Marp gives the image that side of the slide; here it is drawn there, whole, behind the text.
          attributes['data-background-position'] = word.split(':')[0]!;
          attributes['data-background-size'] ??= 'contain';
        }
      }
      return '';
    }
    const style = words
      .map((word) => SIZE.exec(word))
      .filter((match) => match !== null)
      .map((match) => `${match[1]!.startsWith('w') ? 'width' : 'height'}:${match[2]}${match[3] || 'px'}`);
    const rest = words.filter((word) => !keywords.includes(word)).join(' ');
    return `<img src="${escapeHtml(src)}" alt="${escapeHtml(rest)}"${style.length > 0 ? ` style="${style.join(';')}"` : ''}>`;
  });
  return { body, attributes, extra: Math.max(0, backgrounds - 1) };
}
