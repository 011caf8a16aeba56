/**
 * Writing extracted slides as an editable PowerPoint file with pptxgenjs: text blocks as text boxes (one per
 * block, with paragraph levels and styled runs), tables as tables, pictures as images with alt text (SVG with
 * a PNG fallback), the slide title in the title placeholder (the outline and screen readers read it), and the
 * speaker notes in the notes pane.
 */
import * as pptxgenjs from 'pptxgenjs';
import type { Block, Box, ExtractedSlide, PictureBlock, TableBlock, TextBlock, TextParagraph, TextRun } from './model.js';

/** CSS pixels per inch, and points per CSS pixel: pptxgenjs places in inches and sizes type in points. */
const PX_PER_INCH = 96;
const PT_PER_PX = 0.75;
/**
 * Extra width given to text boxes, as a share of their width: PowerPoint's and LibreOffice's line breaking
 * differ a little from Chromium's, and a box exactly as wide as its longest line can wrap a last word that the
 * deck shows on the line. Centred text grows on both sides, so it stays centred.
 */
const TEXT_SLACK = 0.04;
const MASTER = 'DECK';

export interface PptxSlide {
  extracted: ExtractedSlide;
  title: string;
  notes: string;
  /** PNG screenshots (base64) of the picture blocks, by block index, and of the background when it has one. */
  pictures: Map<number, string>;
  backgroundPng?: string;
}

export interface PptxDocument {
  width: number;
  height: number;
  title: string;
  author: string;
  subject: string;
  /** BCP 47 language of the text, as PowerPoint spells it (zh-TW, en-US, …). */
  lang: string;
  slides: PptxSlide[];
}

/** `zh-Hant` → `zh-TW` and the like: PowerPoint picks East Asian glyphs by a region-tagged language. */
export function powerPointLang(lang: string): string {
  const lower = lang.toLowerCase();
  const known: Record<string, string> = {
    zh: 'zh-CN',
    'zh-hant': 'zh-TW',
    'zh-hans': 'zh-CN',
    'zh-hk': 'zh-HK',
    'zh-hant-hk': 'zh-HK',
    ja: 'ja-JP',
    ko: 'ko-KR',
    en: 'en-US',
    de: 'de-DE',
    fr: 'fr-FR',
    es: 'es-ES',
  };
  return known[lower] ?? (lang.includes('-') ? lang : `${lang}-${lang.toUpperCase()}`);
}

/** `rgb(…)`/`rgba(…)` → PowerPoint's hex colour and transparency (0–100). */
export function pptColor(css: string): { color: string; transparency: number } {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)/.exec(css);
  if (!match) return { color: '000000', transparency: 0 };
  const hex = [match[1], match[2], match[3]]
    .map((n) => Math.round(Number(n)).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  return { color: hex, transparency: Math.round((1 - alpha) * 100) };
}

const inches = (px: number) => Math.round((px / PX_PER_INCH) * 1000) / 1000;
const points = (px: number) => Math.round(px * PT_PER_PX * 10) / 10;
const place = (box: Box) => ({ x: inches(box.x), y: inches(box.y), w: inches(box.w), h: inches(box.h) });

/** A text box's place, widened by TEXT_SLACK (see there), on the side(s) its alignment leaves free. */
function textPlace(box: Box, align: TextParagraph['align'] | undefined) {
  const extra = box.w * TEXT_SLACK;
  const x = align === 'center' ? box.x - extra / 2 : align === 'right' ? box.x - extra : box.x;
  return place({ x, y: box.y, w: box.w + extra, h: box.h });
}

function runProps(run: TextRun, lang: string): pptxgenjs.default.TextPropsOptions {
  const { color, transparency } = pptColor(run.color);
  return {
    bold: run.bold,
    italic: run.italic,
    color,
    ...(transparency > 0 ? { transparency } : {}),
    fontSize: points(run.fontSizePx),
    fontFace: run.fontFamily,
    lang,
    ...(run.href ? { hyperlink: { url: run.href } } : {}),
  };
}

/** A block's paragraphs as pptxgenjs runs: paragraph settings on each paragraph's first run, a break after its last. */
export function textRuns(paragraphs: readonly TextParagraph[], lang: string): pptxgenjs.default.TextProps[] {
  const out: pptxgenjs.default.TextProps[] = [];
  paragraphs.forEach((paragraph, p) => {
    const last = p === paragraphs.length - 1;
    const runs = paragraph.runs.length > 0 ? paragraph.runs : [];
    const fontPx = runs[0]?.fontSizePx ?? 16;
    const paragraphOptions: pptxgenjs.default.TextPropsOptions = {
      align: paragraph.align,
      lineSpacing: points(paragraph.lineHeightPx),
      ...(p > 0 && paragraph.spaceBeforePx > 0 ? { paraSpaceBefore: points(paragraph.spaceBeforePx) } : {}),
      bullet:
        paragraph.bullet === 'none'
          ? false
          : paragraph.bullet === 'number'
            ? { type: 'number', indent: points(paragraph.indentPx || fontPx * 1.2) }
            : { indent: points(paragraph.indentPx || fontPx * 1.2) },
      ...(paragraph.level > 1 ? { indentLevel: paragraph.level - 1 } : {}),
    };
    runs.forEach((run, r) => {
      const softBreak = r > 0 && runs[r - 1]!.breakAfter === true;
      out.push({
        text: run.text,
        options: {
          ...runProps(run, lang),
          ...(r === 0 ? paragraphOptions : {}),
          ...(softBreak ? { softBreakBefore: true } : {}),
          ...(r === runs.length - 1 && !last ? { breakLine: true } : {}),
        },
      });
    });
  });
  return out;
}

function addText(slide: pptxgenjs.default.Slide, block: TextBlock, lang: string, asTitle: boolean): void {
  const runs = textRuns(block.paragraphs, lang);
  const background = block.fill ? pptColor(block.fill) : undefined;
  slide.addText(runs, {
    ...(block.preformatted ? place(block.box) : textPlace(block.box, block.paragraphs[0]?.align)),
    ...(asTitle ? { placeholder: 'title' } : {}),
    margin: 0,
    valign: 'top',
    wrap: !block.preformatted,
    fit: 'none',
    ...(background ? { fill: { color: background.color, transparency: background.transparency } } : {}),
  });
}

function addTable(slide: pptxgenjs.default.Slide, block: TableBlock, lang: string): void {
  const none = { type: 'none' as const };
  const rows: pptxgenjs.default.TableRow[] = block.rows.map((cells) =>
    cells.map((cell) => {
      const runs = cell.runs.map((run) => ({ text: run.text, options: runProps(run, lang) }));
      const fill = cell.fill ? pptColor(cell.fill) : undefined;
      const bottom = cell.borderBottom
        ? { type: 'solid' as const, pt: points(cell.borderBottom.widthPx), color: pptColor(cell.borderBottom.color).color }
        : none;
      return {
        text: runs.length > 0 ? runs : '',
        options: {
          align: cell.align,
          valign: 'middle' as const,
          ...(fill ? { fill: { color: fill.color, transparency: fill.transparency } } : {}),
          border: [none, none, bottom, none] as [
            pptxgenjs.default.BorderProps,
            pptxgenjs.default.BorderProps,
            pptxgenjs.default.BorderProps,
            pptxgenjs.default.BorderProps,
          ],
        },
      };
    }),
  );
  slide.addTable(rows, {
    ...place(block.box),
    colW: block.columnWidths.map(inches),
    rowH: block.rowHeights.map(inches),
    margin: 0.05,
    autoPage: false,
  });
}

/** pptxgenjs's slide internals this file reaches into: the media of the slide (see `addPicture`). */
interface SlideMedia {
  _relsMedia?: { data?: string; isSvgPng?: boolean; extn?: string }[];
}

function addPicture(slide: pptxgenjs.default.Slide, block: PictureBlock, png: string | undefined): void {
  const position = place(block.box);
  if (block.svg && png) {
    const svgData = `image/svg+xml;base64,${Buffer.from(block.svg).toString('base64')}`;
    slide.addImage({ data: svgData, ...position, altText: block.alt });
    // pptxgenjs draws an SVG's PNG fallback with a browser canvas, and in Node writes a "broken image" instead;
    // give it the screenshot of the element, which is exactly that fallback. Covered by tests/export/pptx.test.ts.
    const media = (slide as unknown as SlideMedia)._relsMedia ?? [];
    const fallback = media.findLast((rel) => rel.isSvgPng);
    if (fallback) {
      fallback.isSvgPng = false;
      fallback.data = `image/png;base64,${png}`;
    }
    return;
  }
  if (png) slide.addImage({ data: `image/png;base64,${png}`, ...position, altText: block.alt });
}

/** The block that names the slide: its first heading (the highest level wins). */
export function titleBlock(blocks: readonly Block[]): number {
  let best = -1;
  blocks.forEach((block, i) => {
    if (block.kind !== 'text' || block.heading === 0) return;
    const current = best >= 0 ? (blocks[best] as TextBlock).heading : 7;
    if (block.heading < current) best = i;
  });
  return best;
}

export async function writePptx(doc: PptxDocument): Promise<Uint8Array> {
  // pptxgenjs's types describe CommonJS over its ES module; at run time the namespace's default is the class.
  const Presentation = pptxgenjs.default as unknown as new () => pptxgenjs.default;
  const pptx = new Presentation();
  pptx.defineLayout({ name: MASTER, width: inches(doc.width), height: inches(doc.height) });
  pptx.layout = MASTER;
  pptx.title = doc.title;
  pptx.author = doc.author;
  pptx.subject = doc.subject;
  pptx.company = '';
  pptx.defineSlideMaster({
    title: MASTER,
    // No position: pptxgenjs places a slide's placeholder text where the master's placeholder is, when it has one;
    // each title should stay where the deck shows its heading.
    objects: [{ placeholder: { options: { name: 'title', type: 'title' }, text: '' } }],
  });
  for (const entry of doc.slides) {
    const slide = pptx.addSlide({ masterName: MASTER });
    const { extracted } = entry;
    const background = pptColor(extracted.background);
    slide.background = entry.backgroundPng ? { data: `image/png;base64,${entry.backgroundPng}` } : { color: background.color };
    const title = titleBlock(extracted.blocks);
    extracted.blocks.forEach((block, i) => {
      if (block.kind === 'text') addText(slide, block, doc.lang, i === title);
      else if (block.kind === 'table') addTable(slide, block, doc.lang);
      else addPicture(slide, block, entry.pictures.get(i));
    });
    if (title < 0) {
      // A slide with no heading still gets a title for the outline and screen readers, placed above the slide.
      slide.addText(entry.title, { placeholder: 'title', x: 0, y: -1, w: inches(doc.width), h: 0.9, fontSize: 12, lang: doc.lang });
    }
    if (entry.notes) slide.addNotes(entry.notes);
  }
  const data = await pptx.write({ outputType: 'uint8array', compression: true });
  return data as Uint8Array;
}
