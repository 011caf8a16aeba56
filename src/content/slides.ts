import type { Marked } from 'marked';
import type { DeckConfig } from '../config/schema.js';
import { applyAttributes } from './attributes.js';
import { collectAssets } from './assets.js';
import { renderMarkdown } from './markdown.js';
import { LineIndex } from './lines.js';
import { splitNotes, splitSlides } from './split.js';
import { slideTiming } from './timing.js';
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
}

function separatorsOf(data: Record<string, unknown>, config: Readonly<DeckConfig>) {
  const pick = (key: string, fallback: string) => (typeof data[key] === 'string' ? (data[key] as string) : fallback);
  return {
    separator: pick('separator', config.separator),
    verticalSeparator: pick('verticalSeparator', config.verticalSeparator),
    notesSeparator: pick('notesSeparator', config.notesSeparator),
  };
}

/** Turn one source file into a section of slides. */
export function buildSection(input: SectionInput, ctx: SectionContext): Section {
  const separators = separatorsOf(input.data, ctx.config);
  const chunks = splitSlides(input.body, separators);
  const sectionTitle = typeof input.data.title === 'string' ? input.data.title : undefined;
  let index = ctx.index;
  const bodyLines = new LineIndex(input.body);
  const stacks = chunks.map((stack, stackIndex) =>
    stack.map((chunk, v): Slide => {
      const leading = /^(?:[ \t]*\r?\n)*/.exec(chunk.text)![0].length;
      const line = input.bodyLine - 1 + bodyLines.lineOf(chunk.offset + leading);
      const { body, notes } = splitNotes(chunk.text, separators.notesSeparator);
      const applied = applyAttributes(renderMarkdown(ctx.markdown, body));
      const html = collectAssets(
        applied.html,
        { root: ctx.root, file: input.path, fileName: input.name, text: input.text, line },
        ctx.assets,
      );
      const attributes = { ...applied.slide };
      for (const [key, value] of Object.entries(attributes)) {
        if (/^data-background(-image|-video)?$/.test(key)) {
          const rewritten = collectAssets(
            ` ${key}="${value}"`,
            { root: ctx.root, file: input.path, fileName: input.name, text: input.text, line },
            ctx.assets,
          );
          attributes[key] = /"([^"]*)"/.exec(rewritten)![1]!;
        }
      }
      const first = stackIndex === 0 && v === 0;
      const layout =
        attributes['data-layout'] ?? (first && typeof input.data.layout === 'string' ? input.data.layout : undefined) ?? 'default';
      const h = ctx.h + stackIndex;
      const position = index++;
      const notesHtml = notes ? renderMarkdown(ctx.markdown, notes).trim() : '';
      const timing = slideTiming({
        attributes,
        notesHtml,
        sectionData: input.data,
        file: input.name,
        fileText: input.text,
        line,
        rates: ctx.config.timing,
      });
      return {
        id: stack.length > 1 ? `slide-${h + 1}-${v + 1}` : `slide-${h + 1}`,
        h,
        v,
        index: position,
        file: input.name,
        line,
        layout,
        title: firstHeading(html) ?? (first ? sectionTitle : undefined) ?? `Slide ${position + 1}`,
        markdown: body.trim(),
        html: html.trim(),
        notes,
        notesHtml,
        attributes,
        fragments: applied.fragments,
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
