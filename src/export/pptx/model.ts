/** What the PPTX export reads from a rendered slide: its blocks, placed in CSS pixels of the slide. */
import type { ElementSignature } from '../source-line.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A run of text with one style. Colours are CSS colours as computed (`rgb(…)`/`rgba(…)`). */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  href?: string;
  color: string;
  fontSizePx: number;
  fontFamily: string;
  /** A line break after this run (a <br>). */
  breakAfter?: boolean;
}

export interface TextParagraph {
  runs: TextRun[];
  /** 0 for top-level text, 1 for a list item, 2 for a nested one, … */
  level: number;
  bullet: 'none' | 'bullet' | 'number';
  /** Indent of the bullet's text from the box's left edge, px (the list's padding). */
  indentPx: number;
  align: 'left' | 'center' | 'right' | 'justify';
  lineHeightPx: number;
  spaceBeforePx: number;
}

export interface TextBlock {
  kind: 'text';
  box: Box;
  /** h1…h6 give 1…6; 0 for body text. */
  heading: number;
  paragraphs: TextParagraph[];
  /** Background colour of the block (code blocks, call-outs), if not transparent. */
  fill?: string;
  /** Monospace text whose spaces and line breaks matter (a code block). */
  preformatted: boolean;
}

export interface TableCell {
  runs: TextRun[];
  header: boolean;
  align: TextParagraph['align'];
  fill?: string;
  /** Bottom border, if any: width px and colour. */
  borderBottom?: { widthPx: number; color: string };
}

export interface TableBlock {
  kind: 'table';
  box: Box;
  rows: TableCell[][];
  columnWidths: number[];
  rowHeights: number[];
}

export interface PictureBlock {
  kind: 'picture';
  box: Box;
  /** Alt text: the image's alt, the SVG's <title>, an aria-label, or the element's text. */
  alt: string;
  /** The SVG itself, its computed styles inlined, when the picture is an <svg>. */
  svg?: string;
  /** Why this element became a picture when it is not an image: custom HTML, CSS effects, … */
  unmapped?: string;
  /** An <img> the browser could not load or decode (missing, unreadable or not an image). */
  broken?: string;
  /** What the element (or its broken image) was written with, to find its line in the slide's Markdown. */
  source: ElementSignature;
}

export type Block = TextBlock | TableBlock | PictureBlock;

export interface ExtractedSlide {
  id: string;
  /** The slide's background colour, and whether it has more (an image or gradient) that needs a picture. */
  background: string;
  backgroundPicture: boolean;
  blocks: Block[];
}
