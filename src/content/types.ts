import type { DeckConfig } from '../config/schema.js';
import type { TimingSource } from './timing.js';
import type { DeckWarning } from '../core/warnings.js';

/** One slide: a leaf of reveal.js's slide tree (a horizontal slide, or one slide of a vertical stack). */
export interface Slide {
  /**
   * The section's id in the HTML: the author's own (`<!-- .slide: id="intro" -->`), else "slide-<h>" or
   * "slide-<h>-<v>".
   */
  readonly id: string;
  /** reveal.js indices: horizontal and vertical (0 for a slide that is not in a stack). */
  readonly h: number;
  readonly v: number;
  /** Position in reading order, 0-based. */
  readonly index: number;
  /** Source file, relative to the deck's root, and the 1-based line the slide starts on. */
  readonly file: string;
  readonly line: number;
  /** The layout that places it (templates/layouts/<layout>.hbs). */
  readonly layout: string;
  /**
   * The file lines that set its layout (a `data-layout` attribute, or its file's front matter `layout:`), its own id,
   * its `data-timing` and its `data-visual`, for messages about them; absent where nothing sets it.
   */
  readonly origins: SlideOrigins;
  /** Plain-text title: the first heading, else the section's `title`, else "Slide N". */
  readonly title: string;
  /** Markdown of the slide body (notes and attribute comments removed), and its HTML. */
  readonly markdown: string;
  readonly html: string;
  /** Speaker notes, as Markdown and as HTML ('' when none). */
  readonly notes: string;
  readonly notesHtml: string;
  /** Attributes for the slide's <section> from `<!-- .slide: ... -->` comments. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Number of fragment steps on the slide (distinct fragment indices). */
  readonly fragments: number;
  /** Index of the section (source file) in deck.sections. */
  readonly section: number;
  /** Whether this is the first slide of its section. */
  readonly first: boolean;
  /** Planned time in whole seconds (≥ 1) and where it came from (see src/content/timing.ts). */
  readonly timing: number;
  readonly timingSource: TimingSource;
  /** Its header, footer and page number, as a Marp deck's directives set them (src/content/marp-look.ts). */
  readonly marginals?: SlideMarginals;
}

/** What a slide shows in its margins: Marp's `header` and `footer` (inline Markdown, as HTML) and `paginate`. */
export interface SlideMarginals {
  readonly header?: string;
  readonly footer?: string;
  /** Show the slide's page number, bottom right as Marp shows it. */
  readonly paginate: boolean;
  /**
   * The slide does not count as a page (Marp's `paginate: hold`, shown with the number before it, and `skip`):
   * page numbers count the slides without it, from 1.
   */
  readonly uncounted?: boolean;
}

/** Where a slide's settings are written: file lines (see Slide.origins). */
export interface SlideOrigins {
  readonly layout?: number;
  readonly id?: number;
  readonly timing?: number;
  readonly visual?: number;
}

/** One source file: a section of the talk, with its front matter. */
export interface Section {
  readonly index: number;
  readonly file: string;
  readonly title: string;
  /** The file's front matter (deck settings included), as parsed. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Horizontal slides; a stack of more than one is a vertical stack. */
  readonly stacks: readonly (readonly Slide[])[];
}

/** A file the deck refers to (an image, a background) that the build copies beside index.html. */
export interface Asset {
  /** Absolute path of the file on disk. */
  readonly source: string;
  /** Path relative to the output folder, as written in the HTML. */
  readonly target: string;
}

export interface Deck {
  /** Absolute path of the deck's folder (for a single-file deck, the file's folder). */
  readonly root: string;
  /** The input as given: a folder or one Markdown file. */
  readonly input: string;
  readonly config: Readonly<DeckConfig>;
  readonly sections: readonly Section[];
  /** All slides in reading order. */
  readonly slides: readonly Slide[];
  readonly assets: readonly Asset[];
  /** Data files beside the slides (data.yaml, <name>.data.json, …), for templates and charts. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Source files read, absolute paths (for watching). */
  readonly files: readonly string[];
  /** The planned length of the talk: the sum of the slides' timings, in seconds. */
  readonly totalTime: number;
  /** The applied rehearsal plan's path (timings.json), whether or not it exists (for watching and --apply). */
  readonly timingsFile: string;
  /** What the build could go on with but the author should know (e.g. an unclosed code fence), with file:line. */
  readonly warnings: readonly DeckWarning[];
  /** Stylesheets and scripts the deck adds (config `css:` / `scripts:`), as URLs relative to index.html. */
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
  /** CSS written in the deck itself (Marp's `style` directive), for its slides, after the theme and the stylesheets. */
  readonly inlineStyles: readonly string[];
  /** Where each setting given in the deck was written (front matter or config file), for later errors. */
  readonly settingOrigins: Readonly<Record<string, { readonly file?: string; readonly line?: number }>>;
}
