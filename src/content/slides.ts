import type { Marked } from 'marked';
import type { DeckConfig } from '../config/schema.js';
import type { DeckError } from '../core/errors.js';
import type { DeckWarning } from '../core/warnings.js';
import { applyAttributes } from './attributes.js';
import { collectAssets, collectAttributeAssets, SLIDE_FILE_ATTRIBUTE, type AssetContext } from './assets.js';
import { renderMarkdown } from './markdown.js';
import { LineIndex } from './lines.js';
import { rawSections } from './sections.js';
import { scanFences, splitNotes, splitSlides } from './split.js';
import { countVisuals, slideTiming } from './timing.js';
import type { Asset, Section, Slide } from './types.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Plain text of the first heading in the HTML, or undefined. */
export function firstHeading(html: string): string | undefined {
  const match = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/i.exec(html);
  if (!match) return undefined;
  const text = match[2]!
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
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
}

export interface SectionContext {
  config: Readonly<DeckConfig>;
  markdown: Marked;
  root: string;
  assets: Map<string, Asset>;
  /** Index of the first horizontal slide of this section in the whole deck, and of its first slide. */
  h: number;
  index: number;
  /** Warnings and collected problems (missing files) of the whole build. */
  warnings: DeckWarning[];
  problems: DeckError[];
}

function separatorsOf(data: Record<string, unknown>, config: Readonly<DeckConfig>) {
  const pick = (key: string, fallback: string) => (typeof data[key] === 'string' ? (data[key] as string) : fallback);
  return {
    separator: pick('separator', config.separator),
    verticalSeparator: pick('verticalSeparator', config.verticalSeparator),
    notesSeparator: pick('notesSeparator', config.notesSeparator),
  };
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
}

const NOTES_ASIDE = /<aside\b[^>]*class="[^"]*\bnotes\b[^"]*"[^>]*>([\s\S]*?)<\/aside>/i;

/** Turn one chunk into drafts: normally one; one per raw top-level <section> when it is made of them. */
function draftsOf(
  chunkText: string,
  line: number,
  canStack: boolean,
  input: SectionInput,
  ctx: SectionContext,
  notesSeparator: string,
): Draft[] {
  // `line` is the chunk's first line with text; blank lines before it are not counted in it.
  const blankLines = /^(?:[ \t]*\r?\n)*/.exec(chunkText)![0].split('\n').length - 1;
  const where = (offset: number) => line - blankLines + (chunkText.slice(0, offset).match(/\n/g)?.length ?? 0);
  const split = splitNotes(chunkText, notesSeparator);
  if (split.extraMarkers.length > 0) {
    ctx.warnings.push({
      file: input.name,
      line: where(split.extraMarkers[1]!),
      message: `${split.extraMarkers.length} notes markers in one slide (lines ${split.extraMarkers.map(where).join(', ')}): as in reveal.js, all of it stays on the slide and it has no notes; keep one per slide`,
    });
  }
  const assetContext: AssetContext = {
    root: ctx.root,
    file: input.path,
    fileName: input.name,
    text: input.text,
    line,
    problems: ctx.problems,
  };
  const draft = (html: string, attributes: Record<string, string>, fragments: number, notes: string, draftLine: number): Draft => {
    const ownAttributes = { ...attributes };
    for (const [key, value] of Object.entries(ownAttributes)) {
      if (SLIDE_FILE_ATTRIBUTE.test(key)) ownAttributes[key] = collectAttributeAssets(key, value, assetContext, ctx.assets);
    }
    let body = collectAssets(html, { ...assetContext, line: draftLine }, ctx.assets);
    let notesHtml = notes ? renderMarkdown(ctx.markdown, notes).trim() : '';
    const aside = notesHtml ? undefined : NOTES_ASIDE.exec(body);
    if (aside) {
      body = body.replace(aside[0], '');
      notesHtml = aside[1]!.trim();
    }
    return { line: draftLine, html: body.trim(), markdown: '', notes, notesHtml, attributes: ownAttributes, fragments };
  };
  const rendered = renderMarkdown(ctx.markdown, split.body);
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
  let searchFrom = 0;
  raw.sections.forEach((section, i) => {
    const found = chunkText.indexOf('<section', searchFrom);
    if (found !== -1) searchFrom = found + 1;
    const inner = applyAttributes(section.html);
    const notes = i === 0 && !raw.loose ? split.notes : '';
    drafts.push(draft(inner.html, { ...section.attributes, ...inner.slide }, inner.fragments, notes, found === -1 ? line : where(found)));
  });
  return drafts;
}

/** An id for the slide's <section>: the author's own (`<!-- .slide: id="intro" -->`), else a generated one. */
function slideIdOf(attributes: Record<string, string>, generated: string): string {
  const own = attributes.id?.trim();
  return own && !/\s/.test(own) ? own : generated;
}

/** Turn one source file into a section of slides. */
export function buildSection(input: SectionInput, ctx: SectionContext): Section {
  const separators = separatorsOf(input.data, ctx.config);
  const bodyLines = new LineIndex(input.body);
  const lineAt = (offset: number) => input.bodyLine - 1 + bodyLines.lineOf(offset);
  for (const offset of scanFences(input.body).unclosed) {
    ctx.warnings.push({
      file: input.name,
      line: lineAt(offset),
      message: 'this code fence is never closed: it ends at the next slide separator, as in reveal.js; close it with a line of only ```',
    });
  }
  const chunks = splitSlides(input.body, separators);
  const sectionTitle = typeof input.data.title === 'string' ? input.data.title : undefined;
  const draftStacks = chunks.map((stack) =>
    stack.flatMap((chunk) => {
      const leading = /^(?:[ \t]*\r?\n)*/.exec(chunk.text)![0].length;
      return draftsOf(chunk.text, lineAt(chunk.offset + leading), stack.length === 1, input, ctx, separators.notesSeparator);
    }),
  );
  let index = ctx.index;
  const stacks = draftStacks.map((stack, stackIndex) =>
    stack.map((draft, v): Slide => {
      const { attributes, line, html, notesHtml } = draft;
      const first = stackIndex === 0 && v === 0;
      const layout =
        attributes['data-layout'] ?? (first && typeof input.data.layout === 'string' ? input.data.layout : undefined) ?? 'default';
      const h = ctx.h + stackIndex;
      const position = index++;
      const timing = slideTiming({
        attributes,
        notesHtml,
        sectionData: input.data,
        file: input.name,
        fileText: input.text,
        line,
        rates: ctx.config.timing,
        load: { steps: draft.fragments, visuals: countVisuals(html, layout, attributes) },
      });
      return {
        id: slideIdOf(attributes, stack.length > 1 ? `slide-${h + 1}-${v + 1}` : `slide-${h + 1}`),
        h,
        v,
        index: position,
        file: input.name,
        line,
        layout,
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
