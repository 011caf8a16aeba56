import type { Marked } from 'marked';
import { DEFAULT_SEPARATOR } from '../config/defaults.js';
import type { DeckConfig } from '../config/schema.js';
import { DeckError, ErrorCode } from '../core/errors.js';
import { unclosedDivs } from './fenced-divs.js';
import { MathError } from './math.js';
import { collecting } from '../core/problems.js';
import type { DeckWarning } from '../core/warnings.js';
import { applyAttributes } from './attributes.js';
import { collectAssets, collectAttributeAssets, SLIDE_FILE_ATTRIBUTE, type AssetContext } from './assets.js';
import { renderInlineMarkdown, renderMarkdown } from './markdown.js';
import { LineIndex, lineMatching } from './lines.js';
import { takeOwnNotes } from './own-notes.js';
import { splitPandocSlides } from './pandoc-slides.js';
import type { PandocSlides } from './pandoc-style.js';
import { rawSections } from './sections.js';
import { foldSlideFrontMatter, headmatterSlide, type SlidevLayoutCall } from './slidev-front-matter.js';
import { slidevSlide } from './slidev-slide.js';
import { commentNotes, type CommentNotesStyle } from './comment-notes.js';
import { marpImages } from './marp-images.js';
import { scopeMarpStyles } from './marp-scoped-style.js';
import { type DirectiveEntry, directiveComments, directiveEntries, withoutComments } from './marp-directives.js';
import { type MarpCursor, type MarpLook, marginalsOf } from './marp-look.js';
import { divideAtHeadings } from './heading-divider.js';
import { type Chunk, scanFences, splitNotes, splitSlides } from './split.js';
import { countVisuals, slideTiming } from './timing.js';
import type { Asset, Section, Slide, SlideMarginals, SlideOrigins } from './types.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The text of some HTML: tags dropped, marked's entities decoded (headings; notes for what reads them as text). */
const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .trim();

/** Plain text of the first heading in the HTML, or undefined. */
export function firstHeading(html: string): string | undefined {
  const match = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/i.exec(html);
  if (!match) return undefined;
  // A line break is a space between words (`Building a<br/>Bullshit Language`), not nothing.
  const text = plainText(match[2]!.replace(/<br\s*\/?>/gi, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

export interface SectionInput {
  index: number;
  /** Absolute path and name relative to the deck root. */
  path: string;
  name: string;
  /** The whole file text (for line lookups), its front matter and its body. */
  text: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** The file line of each front matter key. */
  keyLines: Record<string, number>;
}

export interface SectionContext {
  config: Readonly<DeckConfig>;
  markdown: Marked;
  /** The Markdown of speaker notes: the slides' without `incremental` (notes never step). */
  notesMarkdown?: Marked;
  /** How headings split a Pandoc-style deck (src/content/pandoc-style.ts); undefined for any other deck. */
  pandoc?: PandocSlides;
  /**
   * The deck is written for Marp or Slidev: a slide with no notes takes them from its HTML comments
   * (src/content/comment-notes.ts), and in Marp its images' keywords apply (src/content/marp-images.ts).
   */
  writtenFor?: CommentNotesStyle;
  /**
   * A Marp deck's directives: the cursor that carries local ones from slide to slide (one for the deck, across
   * its files), and the heading levels that start slides (src/content/heading-divider.ts).
   */
  marp?: { cursor: MarpCursor; headingDivider?: readonly number[] };
  /** The deck sets its notesSeparator (config, front matter or flag): a Marp or Slidev deck then has a marker too. */
  ownNotesSeparator?: boolean;
  root: string;
  assets: Map<string, Asset>;
  /** Index of the first horizontal slide of this section in the whole deck, and of its first slide. */
  h: number;
  index: number;
  /** Warnings and problems of the whole build: each problem is collected so one run reports them all. */
  warnings: DeckWarning[];
  problems: DeckError[];
}

const SEPARATOR_KEYS = ['separator', 'verticalSeparator', 'notesSeparator'] as const;

/**
 * The section's separators: its own front matter's, else the deck's. The first file's front matter is already
 * in the deck's settings (checked there, a bad one left out), so only later files' are checked here; a bad
 * regular expression is a problem on its key's line, and the deck's separator is used instead.
 */
function separatorsOf(input: SectionInput, ctx: SectionContext) {
  const pick = (key: (typeof SEPARATOR_KEYS)[number]) => {
    const own = input.data[key];
    if (input.index === 0 || typeof own !== 'string') return ctx.config[key];
    try {
      new RegExp(own, 'mg');
      return own;
    } catch (error) {
      ctx.problems.push(
        new DeckError(ErrorCode.BadInput, `${key} is not a valid regular expression: ${(error as Error).message}`, {
          file: input.name,
          line: input.keyLines[key],
        }),
      );
      return ctx.config[key];
    }
  };
  const notesSeparator = ctx.writtenFor && !ctx.ownNotesSeparator && input.data.notesSeparator === undefined ? '' : pick('notesSeparator');
  return { separator: pick('separator'), verticalSeparator: pick('verticalSeparator'), notesSeparator };
}

/** What a Slidev front matter (or a Slidev deck's headmatter, for a file's first slide) gives its slide. */
interface SlidevSettings {
  readonly attributes: Record<string, string>;
  readonly layout?: SlidevLayoutCall;
  /** The line of the front matter, for messages about its layout. */
  readonly layoutLine?: number;
}

/** Attributes of both, the second's winning, their classes joined. */
function mergeClasses(first: Readonly<Record<string, string>>, second: Readonly<Record<string, string>>): Record<string, string> {
  const classes = [first.class, second.class].filter(Boolean).join(' ');
  return { ...first, ...second, ...(classes ? { class: classes } : {}) };
}

/** A slide before it is numbered: what one chunk of Markdown (or one raw <section> in it) gives. */
interface Draft {
  line: number;
  html: string;
  markdown: string;
  notes: string;
  notesHtml: string;
  attributes: Record<string, string>;
  fragments: number;
  marginals?: SlideMarginals;
}

/** Turn one chunk into drafts: normally one; one per raw top-level <section> when it is made of them. */
function draftsOf(
  chunkText: string,
  line: number,
  canStack: boolean,
  input: SectionInput,
  ctx: SectionContext,
  notesSeparator: string,
  /** Slidev's front matter of the slide: attributes (the slide's own win) and its layout. */
  settings: SlidevSettings = { attributes: {} },
  /** Marp's directives in the file's front matter, for its first slide. */
  front: readonly DirectiveEntry[] = [],
): Draft[] {
  // `line` is the chunk's first line with text; blank lines before it are not counted in it.
  const blankLines = /^(?:[ \t]*\r?\n)*/.exec(chunkText)![0].split('\n').length - 1;
  const where = (offset: number) => line - blankLines + (chunkText.slice(0, offset).match(/\n/g)?.length ?? 0);
  // Marp and Slidev have no notes marker: there a `Note:` line is text on the slide, unless the deck sets one.
  const marked = notesSeparator ? splitNotes(chunkText, notesSeparator) : { body: chunkText, notes: '', extraMarkers: [] };
  const fromComments = !marked.notes && ctx.writtenFor ? commentNotes(marked.body, ctx.writtenFor) : undefined;
  const noted = fromComments?.notes ? { ...marked, ...fromComments } : marked;
  let look: MarpLook | undefined;
  let body = noted.body;
  if (ctx.marp) {
    const entries = [...front, ...directiveComments(chunkText, line - blankLines).flatMap((comment) => comment.entries)];
    look = ctx.marp.cursor(entries, input.name, ctx.warnings);
    body = withoutComments(body, directiveComments(body, line));
  }
  // Marp's <style scoped> styles its own slide only: the slide is named for it by file and line, unique in the deck.
  const scopeKey = `${input.name}:${line}`.replace(/[^\w.:/-]/g, '_');
  const scopedStyles = ctx.writtenFor === 'marp' ? scopeMarpStyles(body, scopeKey) : undefined;
  if (scopedStyles) body = scopedStyles.body;
  const images = ctx.writtenFor === 'marp' ? marpImages(body) : undefined;
  const split = { ...noted, body: images ? images.body : body };
  if (images?.extra) {
    ctx.warnings.push({
      file: input.name,
      line,
      message: `${images.extra} more Marp background image${images.extra > 1 ? 's' : ''} (![bg]) on this slide: reveal.js shows one background, the first; the others are left out`,
    });
  }
  // A slide of a Slidev deck, or one with Slidev's front matter, is read as Slidev reads it: layout, slots, clicks.
  const slidev =
    ctx.writtenFor === 'slidev' || settings.layout
      ? slidevSlide(split.body, settings.layout, (markdown) => renderMarkdown(ctx.markdown, markdown))
      : undefined;
  const slidevWarnings = (slidev?.warnings ?? []).map((warning) => {
    const at = warning.at === undefined ? -1 : chunkText.indexOf(warning.at);
    return { file: input.name, line: at === -1 ? (settings.layoutLine ?? line) : where(at), message: warning.message };
  });
  ctx.warnings.push(...slidevWarnings.sort((a, b) => a.line - b.line));
  const given = slidev ? mergeClasses(settings.attributes, slidev.attributes) : settings.attributes;
  // Marp draws a ![bg] image over the backgroundImage directive's: here it is the slide's background instead.
  const before = {
    ...look?.attributes,
    ...images?.attributes,
    ...given,
    ...(scopedStyles?.scoped ? { 'data-marp-scope': scopeKey } : {}),
  };
  if (split.extraMarkers.length > 0) {
    ctx.warnings.push({
      file: input.name,
      line: where(split.extraMarkers[1]!),
      message: `${split.extraMarkers.length} notes markers in one slide (lines ${split.extraMarkers.map(where).join(', ')}): as in reveal.js, all of it stays on the slide and it has no notes; keep one per slide`,
    });
  }
  for (const offset of unclosedDivs(chunkText)) {
    ctx.warnings.push({
      file: input.name,
      line: where(offset),
      message: 'this fenced div (:::) is never closed on its slide: its lines show as text, as in Pandoc; close it with a line of only :::',
    });
  }
  const assetContext: AssetContext = {
    root: ctx.root,
    file: input.path,
    fileName: input.name,
    text: input.text,
    line,
    problems: ctx.problems,
    warnings: ctx.warnings,
  };
  const marginals = look && marginalsOf(look, (text) => collectAssets(renderInlineMarkdown(ctx.markdown, text), assetContext, ctx.assets));
  let inherited: Record<string, string> | undefined = before;
  const draft = (html: string, attributes: Record<string, string>, fragments: number, notes: string, draftLine: number): Draft => {
    const ownAttributes = { ...inherited, ...attributes };
    inherited = undefined;
    for (const [key, value] of Object.entries(ownAttributes)) {
      if (SLIDE_FILE_ATTRIBUTE.test(key)) ownAttributes[key] = collectAttributeAssets(key, value, assetContext, ctx.assets);
    }
    let body = collectAssets(html, { ...assetContext, line: draftLine }, ctx.assets);
    let notesHtml = notes ? renderMarkdown(ctx.notesMarkdown ?? ctx.markdown, notes).trim() : '';
    let ownNotes = notes;
    if (!notesHtml) {
      // Every <aside class="notes"> of the slide itself (Pandoc's `::: notes` divs among them) is its notes, in order.
      const own = takeOwnNotes(body);
      body = own.html;
      notesHtml = own.asides.join('\n');
      ownNotes = own.asides.map(plainText).join('\n\n');
    }
    return {
      line: draftLine,
      html: body.trim(),
      markdown: '',
      notes: ownNotes,
      notesHtml,
      attributes: ownAttributes,
      fragments,
      ...(marginals ? { marginals } : {}),
    };
  };
  const rendered = slidev ? slidev.html : renderMarkdown(ctx.markdown, split.body);
  const raw = canStack ? rawSections(rendered) : undefined;
  if (!raw) {
    const applied = applyAttributes(rendered);
    return [{ ...draft(applied.html, applied.slide, applied.fragments, split.notes, line), markdown: split.body.trim() }];
  }
  const drafts: Draft[] = [];
  if (raw.loose) {
    ctx.warnings.push({
      file: input.name,
      line,
      message:
        'text outside the <section> elements of a slide made of sections: reveal.js shows it behind every one of them; here it is a slide of its own before them',
    });
    const applied = applyAttributes(raw.loose);
    drafts.push(draft(applied.html, applied.slide, applied.fragments, split.notes, line));
  }
  // Each section's line: the next opening tag in the chunk, in any case (<SECTION> is a section too).
  const openingTag = /<section[\s>]/gi;
  raw.sections.forEach((section, i) => {
    const found = openingTag.exec(chunkText)?.index ?? -1;
    const inner = applyAttributes(section.html);
    const notes = i === 0 && !raw.loose ? split.notes : '';
    drafts.push(draft(inner.html, { ...section.attributes, ...inner.slide }, inner.fragments, notes, found === -1 ? line : where(found)));
  });
  return drafts;
}

/** Where the slide sets its layout, id, timing and visual: searched from its first line, for messages about them. */
function originsOf(input: SectionInput, line: number, attributes: Record<string, string>, first: boolean): SlideOrigins {
  const written = (name: string) => lineMatching(input.text, line, new RegExp(`(?:^|[\\s{;])${name}\\s*=`, 'm')) ?? line;
  const own = attributes.id?.trim();
  const frontLayout = first && typeof input.data.layout === 'string' ? input.keyLines.layout : undefined;
  return {
    ...(attributes['data-layout'] !== undefined ? { layout: written('data-layout') } : frontLayout ? { layout: frontLayout } : {}),
    ...(own ? { id: idLine(input.text, line, own) } : {}),
    ...(attributes['data-timing'] !== undefined ? { timing: written('data-timing') } : {}),
    ...(attributes['data-visual'] !== undefined ? { visual: written('data-visual') } : {}),
  };
}

/** The line of a slide's own id: reveal.js's `id="intro"` or Pandoc's `{#intro}`, the first on or after its first line. */
function idLine(text: string, line: number, id: string): number {
  const found = [`id="${id}"`, `id='${id}'`, `id=${id}`, `#${id}`].map(
    (written) => lineMatching(text, line, written) ?? Number.POSITIVE_INFINITY,
  );
  const first = Math.min(...found);
  return Number.isFinite(first) ? first : line;
}

/**
 * Pandoc splits slides at any horizontal rule: `---` with spaces after it (sc137/reveal_pres_template's `--- `),
 * `- - -` (tverbeiren/BigDataBe-Spark), `***`, `* * *`, `___`, up to three spaces in. With reveal.js's default
 * separators a Pandoc-style deck splits at all of them, except `----`, reveal.js's vertical separator, which
 * keeps its meaning. A separator the deck sets is used as written.
 */
const PANDOC_RULE =
  '\\r?\\n {0,3}(?:(?:---|-{5,})[ \\t]*|-(?:[ \\t]+-){2,}[ \\t]*|\\*(?:[ \\t]*\\*){2,}[ \\t]*|_(?:[ \\t]*_){2,}[ \\t]*)\\r?\\n';

function pandocRule(separator: string): { separator?: string } {
  return separator === DEFAULT_SEPARATOR ? { separator: PANDOC_RULE } : {};
}

/** An id for the slide's <section>: the author's own (`<!-- .slide: id="intro" -->`), else a generated one. */
function slideIdOf(attributes: Record<string, string>, generated: string): string {
  const own = attributes.id?.trim();
  return own && !/\s/.test(own) ? own : generated;
}

/** Run a step; a formula KaTeX cannot read is reported at its own file and line. */
function locatingMath<T>(step: () => T, file: string, lineOf: (formula: string) => number): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof MathError) || error.file) throw error;
    throw new DeckError(error.code, error.message, { file, line: lineOf(error.formula), hint: error.hint, cause: error.cause });
  }
}

/** Turn one source file into a section of slides. */
export function buildSection(input: SectionInput, ctx: SectionContext): Section {
  const separators = separatorsOf(input, ctx);
  const bodyLines = new LineIndex(input.body);
  const lineAt = (offset: number) => input.bodyLine - 1 + bodyLines.lineOf(offset);
  for (const offset of scanFences(input.body).unclosed) {
    ctx.warnings.push({
      file: input.name,
      line: lineAt(offset),
      message: 'this code fence is never closed: it ends at the next slide separator, as in reveal.js; close it with a line of only ```',
    });
  }
  // A file with separators of its own is split by them alone, unless the deck sets Pandoc's slide level.
  const ownSeparators = separators.separator !== ctx.config.separator || separators.verticalSeparator !== ctx.config.verticalSeparator;
  const separated =
    ctx.pandoc && (ctx.pandoc.explicit || !ownSeparators)
      ? splitPandocSlides(input.body, { ...separators, ...pandocRule(separators.separator), ...ctx.pandoc })
      : splitSlides(input.body, separators);
  const chunks = ctx.marp?.headingDivider ? divideAtHeadings(separated, ctx.marp.headingDivider) : separated;
  const front = ctx.marp ? directiveEntries(input.data, (key) => input.keyLines[key] ?? 1) : [];
  const firstChunk = chunks[0]?.[0];
  const sectionTitle = typeof input.data.title === 'string' ? input.data.title : undefined;
  const showsHidden = ctx.config.revealOptions.showHiddenSlides === true;
  // A slide with a problem (bad math, a bad attribute value) is left out so the build goes on to find the rest.
  const lineOfChunk = (chunk: Chunk) => lineAt(chunk.offset + /^(?:[ \t]*\r?\n)*/.exec(chunk.text)![0].length);
  // In a Slidev deck a file's headmatter is also its first slide's front matter (its layout, class, background).
  const headmatter = ctx.writtenFor === 'slidev' ? headmatterSlide(input.data) : undefined;
  const draftStacks = foldSlideFrontMatter(chunks, ctx.writtenFor === 'slidev')
    .map((stack, stackIndex) =>
      stack.flatMap(({ chunk, attributes, layout, frontMatter }, v) => {
        if (frontMatter && frontMatter.ignored.length > 0) {
          ctx.warnings.push({
            file: input.name,
            line: lineOfChunk(frontMatter.chunk),
            message: `Slidev's front matter of the next slide: ${frontMatter.ignored.join(', ')} is not supported here; it is ignored`,
          });
        }
        const settings: SlidevSettings =
          headmatter && stackIndex === 0 && v === 0 && !frontMatter
            ? { ...headmatter, layoutLine: input.keyLines.layout ?? input.keyLines.image ?? input.keyLines.url }
            : { attributes, layout, ...(frontMatter ? { layoutLine: lineOfChunk(frontMatter.chunk) } : {}) };
        const line = lineOfChunk(chunk);
        const directives = chunk === firstChunk ? front : [];
        const drafts = () => draftsOf(chunk.text, line, stack.length === 1, input, ctx, separators.notesSeparator, settings, directives);
        return collecting(
          ctx.problems,
          () => locatingMath(drafts, input.name, (formula) => lineAt(chunk.offset + Math.max(0, chunk.text.indexOf(formula)))),
          [],
        );
      }),
    )
    // reveal.js removes data-visibility="hidden" slides when it starts (unless showHiddenSlides): none of its
    // views or PDFs has them, so they are not slides here either (numbering, ids, PDF pages, handout, outline).
    .map((stack) => (showsHidden ? stack : stack.filter((draft) => draft.attributes['data-visibility'] !== 'hidden')))
    .filter((stack) => stack.length > 0);
  let index = ctx.index;
  const stacks = draftStacks.map((stack, stackIndex) =>
    stack.map((draft, v): Slide => {
      const { attributes, line, html, notesHtml } = draft;
      const first = stackIndex === 0 && v === 0;
      const layout =
        attributes['data-layout'] ?? (first && typeof input.data.layout === 'string' ? input.data.layout : undefined) ?? 'default';
      const h = ctx.h + stackIndex;
      const position = index++;
      const origins = originsOf(input, line, attributes, first);
      const timing = collecting(
        ctx.problems,
        () =>
          slideTiming({
            attributes,
            notesHtml,
            sectionData: input.data,
            file: input.name,
            fileText: input.text,
            line: origins.timing ?? line,
            rates: ctx.config.timing,
            load: { steps: draft.fragments, visuals: countVisuals(html, layout, attributes) },
          }),
        { seconds: 0, source: 'estimate' as const },
      );
      return {
        id: slideIdOf(attributes, stack.length > 1 ? `slide-${h + 1}-${v + 1}` : `slide-${h + 1}`),
        h,
        v,
        index: position,
        file: input.name,
        line,
        layout,
        origins,
        title: firstHeading(html) ?? (first ? sectionTitle : undefined) ?? `Slide ${position + 1}`,
        markdown: draft.markdown,
        html,
        notes: draft.notes,
        notesHtml,
        attributes,
        fragments: draft.fragments,
        section: input.index,
        first,
        timing: timing.seconds,
        timingSource: timing.source,
        ...(draft.marginals ? { marginals: draft.marginals } : {}),
      };
    }),
  );
  return {
    index: input.index,
    file: input.name,
    title: sectionTitle ?? stacks[0]?.[0]?.title ?? input.name,
    data: input.data,
    stacks,
  };
}
