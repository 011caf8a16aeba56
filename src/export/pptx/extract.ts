/**
 * Reading a rendered slide's blocks for the PPTX export. Runs inside the page (passed to `page.evaluate`), so
 * the function is self-contained: no imports but types, no closures over module values.
 */
import type { ElementSignature } from '../source-line.js';
import type { Block, Box, ExtractedSlide, PictureBlock, TableCell, TextParagraph, TextRun } from './model.js';

/**
 * The blocks of the slide `<section id>` as shown now: headings, paragraphs, lists and code as text; tables;
 * images and SVG as pictures; anything else that shows something (custom HTML, CSS effects, inline math) as a
 * picture of just that element, with the reason. Positions are CSS pixels from the slide's top-left corner.
 */
export function extractSlide(id: string): ExtractedSlide {
  const section = document.getElementById(id);
  if (!section) throw new Error(`slide #${id} not found`);
  const slides = document.querySelector('.reveal .slides')!.getBoundingClientRect();
  const config = (window as unknown as { Reveal: { getConfig(): { width: number } } }).Reveal.getConfig();
  const scale = slides.width / config.width;
  const blocks: Block[] = [];
  const INLINE_OK = new Set([
    'A',
    'STRONG',
    'B',
    'EM',
    'I',
    'CODE',
    'SPAN',
    'MARK',
    'SMALL',
    'U',
    'S',
    'DEL',
    'INS',
    'SUB',
    'SUP',
    'KBD',
    'ABBR',
    'Q',
    'CITE',
    'BR',
    'TIME',
  ]);
  const CONTAINERS = new Set([
    'DIV',
    'SECTION',
    'HEADER',
    'FOOTER',
    'MAIN',
    'ARTICLE',
    'ASIDE',
    'NAV',
    'FIGURE',
    'BLOCKQUOTE',
    'DETAILS',
    'CENTER',
  ]);
  const TRANSPARENT = /^(transparent|rgba\(\s*0,\s*0,\s*0,\s*0\s*\))$/;

  const boxOf = (element: Element): Box => {
    const r = element.getBoundingClientRect();
    return { x: (r.left - slides.left) / scale, y: (r.top - slides.top) / scale, w: r.width / scale, h: r.height / scale };
  };
  const visible = (element: Element): boolean => {
    const style = getComputedStyle(element);
    if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const firstFamily = (family: string) =>
    family
      .split(',')[0]!
      .trim()
      .replace(/^["']|["']$/g, '');
  const fill = (element: Element): string | undefined => {
    const color = getComputedStyle(element).backgroundColor;
    return TRANSPARENT.test(color) ? undefined : color;
  };
  /** A CSS effect PowerPoint text cannot carry; the element then becomes a picture. */
  const effect = (element: Element): string | undefined => {
    const style = getComputedStyle(element);
    if (style.backgroundImage !== 'none') return 'a background image or gradient';
    if (style.filter !== 'none' || style.backdropFilter !== 'none') return 'a CSS filter';
    if (style.transform !== 'none') return 'a CSS transform';
    if (style.boxShadow !== 'none' && !element.closest('pre')) return 'a box shadow';
    if (style.textShadow !== 'none') return 'a text shadow';
    if (style.clipPath !== 'none' || style.maskImage !== 'none') return 'a clip path or mask';
    return undefined;
  };
  const describe = (element: Element): string => {
    const classes = element.getAttribute('class')?.trim();
    return `<${element.tagName.toLowerCase()}${classes ? ` class="${classes}"` : ''}>`;
  };
  const altOf = (element: Element): string => {
    const own =
      element.getAttribute('alt') ??
      element.getAttribute('aria-label') ??
      element.querySelector(':scope > title')?.textContent ??
      element.querySelector('img[alt]')?.getAttribute('alt') ??
      element.querySelector('svg > title')?.textContent ??
      element.querySelector('figcaption')?.textContent ??
      element.textContent;
    return (own ?? '').replace(/\s+/g, ' ').trim();
  };

  /** The SVG with every element's computed paint and text style written on it, so it stands alone. */
  const standaloneSvg = (svg: SVGSVGElement): string => {
    const clone = svg.cloneNode(true) as SVGSVGElement;
    const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
    const copies = [clone, ...Array.from(clone.querySelectorAll('*'))];
    const PROPS = [
      'fill',
      'fill-opacity',
      'stroke',
      'stroke-width',
      'stroke-opacity',
      'stroke-dasharray',
      'opacity',
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'text-anchor',
      'dominant-baseline',
      'visibility',
    ];
    originals.forEach((original, i) => {
      const style = getComputedStyle(original);
      const declarations = PROPS.map((prop) => `${prop}:${style.getPropertyValue(prop)}`).join(';');
      copies[i]!.setAttribute('style', declarations);
    });
    const r = svg.getBoundingClientRect();
    clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    clone.setAttribute('width', String(Math.round(r.width / scale)));
    clone.setAttribute('height', String(Math.round(r.height / scale)));
    return new XMLSerializer().serializeToString(clone);
  };

  const signatureOf = (element: Element): ElementSignature => {
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    const src = element.getAttribute('src');
    return {
      tag: element.tagName.toLowerCase(),
      ...(element.id ? { id: element.id } : {}),
      classes: Array.from(element.classList).filter((name) => !/^(fragment|visible|current-fragment|present)$/.test(name)),
      ...(src ? { src } : {}),
      ...(text ? { text } : {}),
    };
  };

  const picture = (element: Element, unmapped?: string): void => {
    const images = element instanceof HTMLImageElement ? [element] : Array.from(element.querySelectorAll('img'));
    const broken = images.find((image) => image.complete && image.naturalWidth === 0);
    // A broken image is reported at its own line, the rest at the element's.
    const block: PictureBlock = { kind: 'picture', box: boxOf(element), alt: altOf(element), source: signatureOf(broken ?? element) };
    if (element instanceof SVGSVGElement) block.svg = standaloneSvg(element);
    if (unmapped) block.unmapped = unmapped;
    if (broken) block.broken = broken.getAttribute('src') ?? '';
    blocks.push(block);
  };

  /** Text runs of an element's inline content; undefined when some of it cannot be text (an image, math, …). */
  const runsOf = (root: Element, preformatted: boolean): TextRun[] | undefined => {
    const runs: TextRun[] = [];
    let mappable = true;
    const visit = (node: Node, href: string | undefined, code: boolean) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement!;
        const style = getComputedStyle(parent);
        const text = preformatted ? node.textContent! : node.textContent!.replace(/\s+/g, ' ');
        if (text === '') return;
        runs.push({
          text,
          bold: Number(style.fontWeight) >= 600,
          italic: style.fontStyle === 'italic' || style.fontStyle.startsWith('oblique'),
          code,
          ...(href ? { href } : {}),
          color: style.color,
          fontSizePx: Number.parseFloat(style.fontSize) || 16,
          fontFamily: firstFamily(style.fontFamily),
        });
        return;
      }
      if (!(node instanceof Element)) return;
      if (node.classList.contains('notes') || (!visible(node) && node.tagName !== 'BR')) return;
      if (node.tagName === 'BR') {
        if (runs.length > 0) runs[runs.length - 1]!.breakAfter = true;
        return;
      }
      if (!INLINE_OK.has(node.tagName) || node.classList.contains('katex') || effect(node)) {
        mappable = false;
        return;
      }
      const link = node.tagName === 'A' ? (node as HTMLAnchorElement).href : href;
      for (const child of Array.from(node.childNodes)) visit(child, link, code || node.tagName === 'CODE');
    };
    for (const child of Array.from(root.childNodes)) visit(child, undefined, preformatted);
    if (!mappable) return undefined;
    if (!preformatted && runs.length > 0) {
      runs[0]!.text = runs[0]!.text.replace(/^\s+/, '');
      const last = runs[runs.length - 1]!;
      last.text = last.text.replace(/\s+$/, '');
    }
    return runs.filter((run) => run.text !== '' || run.breakAfter);
  };

  const paragraphOf = (
    element: Element,
    runs: TextRun[],
    level: number,
    bullet: TextParagraph['bullet'],
    indentPx: number,
  ): TextParagraph => {
    const style = getComputedStyle(element);
    const fontSize = Number.parseFloat(style.fontSize) || 16;
    const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : Number.parseFloat(style.lineHeight);
    const align = (['center', 'right', 'justify'] as const).find((a) => style.textAlign === a) ?? 'left';
    return { runs, level, bullet, indentPx, align, lineHeightPx: lineHeight, spaceBeforePx: Number.parseFloat(style.marginTop) || 0 };
  };
  const hasText = (runs: TextRun[]) => runs.some((run) => run.text.trim() !== '');

  /** A list's items as paragraphs (nested lists one level deeper); undefined when an item cannot be text. */
  const listParagraphs = (list: Element, level: number, out: TextParagraph[]): boolean => {
    const numbered = list.tagName === 'OL';
    const indent = Number.parseFloat(getComputedStyle(list).paddingLeft) || 0;
    for (const item of Array.from(list.children)) {
      if (item.tagName !== 'LI' || !visible(item)) continue;
      // The item's own inline content, without its nested lists (they become their own paragraphs).
      const nested: Element[] = [];
      for (const child of Array.from(item.childNodes)) {
        if (child instanceof Element && (child.tagName === 'UL' || child.tagName === 'OL')) nested.push(child);
      }
      const runs = runsOf(item, false);
      const ownRuns = runs && nested.length > 0 ? runsWithout(item, nested) : runs;
      if (!ownRuns) return false;
      const style = getComputedStyle(list).listStyleType;
      out.push(paragraphOf(item, ownRuns, level, style === 'none' ? 'none' : numbered ? 'number' : 'bullet', indent));
      for (const child of nested) if (!listParagraphs(child, level + 1, out)) return false;
    }
    return true;
  };
  /** Runs of an element leaving out some of its children (an item's nested lists). */
  const runsWithout = (element: Element, skip: Element[]): TextRun[] | undefined => {
    const hidden = skip.map((child) => {
      const placeholder = document.createComment('');
      child.replaceWith(placeholder);
      return { child, placeholder };
    });
    try {
      return runsOf(element, false);
    } finally {
      for (const { child, placeholder } of hidden) placeholder.replaceWith(child);
    }
  };

  const textBlock = (element: Element, paragraphs: TextParagraph[], heading: number, preformatted: boolean) => {
    if (!paragraphs.some((p) => hasText(p.runs))) return;
    const block: Block = { kind: 'text', box: boxOf(element), heading, paragraphs, preformatted };
    const background = fill(element);
    if (background) block.fill = background;
    blocks.push(block);
  };

  const table = (element: HTMLTableElement): boolean => {
    const rows: TableCell[][] = [];
    const rowHeights: number[] = [];
    for (const row of Array.from(element.rows)) {
      if (!visible(row)) continue;
      const cells: TableCell[] = [];
      for (const cell of Array.from(row.cells)) {
        const runs = runsOf(cell, false);
        if (!runs || cell.colSpan > 1 || cell.rowSpan > 1) return false;
        const style = getComputedStyle(cell);
        const borderWidth = Number.parseFloat(style.borderBottomWidth) || 0;
        cells.push({
          runs,
          header: cell.tagName === 'TH',
          align: (['center', 'right', 'justify'] as const).find((a) => style.textAlign === a) ?? 'left',
          ...((fill(cell) ?? fill(row)) ? { fill: fill(cell) ?? fill(row)! } : {}),
          ...(borderWidth > 0 && style.borderBottomStyle !== 'none'
            ? { borderBottom: { widthPx: borderWidth, color: style.borderBottomColor } }
            : {}),
        });
      }
      rows.push(cells);
      rowHeights.push(row.getBoundingClientRect().height / scale);
    }
    const widths =
      rows.length > 0 && element.rows[0] ? Array.from(element.rows[0].cells).map((cell) => cell.getBoundingClientRect().width / scale) : [];
    if (rows.length === 0 || rows.some((cells) => cells.length !== widths.length)) return false;
    blocks.push({ kind: 'table', box: boxOf(element), rows, columnWidths: widths, rowHeights });
    return true;
  };

  const walk = (parent: Element) => {
    for (const element of Array.from(parent.children)) {
      if (element.tagName === 'ASIDE' && element.classList.contains('notes')) continue;
      if (element.tagName === 'SCRIPT' || element.tagName === 'STYLE' || element.tagName === 'TEMPLATE') continue;
      // A box-less wrapper (layouts use one to place a slide's Markdown in their grid): its children are the blocks.
      if (getComputedStyle(element).display === 'contents') {
        walk(element);
        continue;
      }
      if (!visible(element)) continue;
      const tag = element.tagName;
      const why = effect(element);
      if (why) {
        picture(element, `${describe(element)} has ${why}`);
        continue;
      }
      if (tag === 'IMG' || tag === 'CANVAS' || tag === 'VIDEO' || tag === 'PICTURE' || element instanceof SVGSVGElement) {
        picture(element);
        continue;
      }
      if (/^H[1-6]$/.test(tag) || tag === 'P' || tag === 'PRE' || tag === 'FIGCAPTION') {
        const preformatted = tag === 'PRE';
        const runs = runsOf(element, preformatted);
        if (runs) textBlock(element, [paragraphOf(element, runs, 0, 'none', 0)], /^H[1-6]$/.test(tag) ? Number(tag[1]) : 0, preformatted);
        else picture(element, `${describe(element)} holds content that is not text (an image, math or custom HTML)`);
        continue;
      }
      if (tag === 'UL' || tag === 'OL') {
        const paragraphs: TextParagraph[] = [];
        if (listParagraphs(element, 1, paragraphs)) textBlock(element, paragraphs, 0, false);
        else picture(element, `${describe(element)} holds list items that are not text`);
        continue;
      }
      if (tag === 'TABLE') {
        if (!table(element as HTMLTableElement)) picture(element, `${describe(element)} has merged cells or cells that are not text`);
        continue;
      }
      if (CONTAINERS.has(tag) || tag === 'SPAN' || tag === 'A') {
        const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
        const onlyInline = Array.from(element.children).every((child) => INLINE_OK.has(child.tagName));
        if (ownText || (onlyInline && element.children.length > 0 && !CONTAINERS.has(tag))) {
          const runs = onlyInline ? runsOf(element, false) : undefined;
          if (runs) textBlock(element, [paragraphOf(element, runs, 0, 'none', 0)], 0, false);
          else picture(element, `${describe(element)} mixes text with other content`);
          continue;
        }
        if (onlyInline && element.children.length > 0) {
          const runs = runsOf(element, false);
          if (runs) {
            textBlock(element, [paragraphOf(element, runs, 0, 'none', 0)], 0, false);
            continue;
          }
        }
        walk(element);
        continue;
      }
      picture(element, `${describe(element)} is custom HTML`);
    }
  };
  walk(section);

  const present = document.querySelector('.reveal .backgrounds .slide-background.present');
  const viewport = document.querySelector('.reveal-viewport') ?? document.body;
  const ownBackground = present ? fill(present) : undefined;
  const background = ownBackground ?? fill(viewport) ?? fill(document.body) ?? 'rgb(255, 255, 255)';
  const presentStyle = present ? getComputedStyle(present) : undefined;
  const contentStyle = present?.querySelector('.slide-background-content');
  const backgroundPicture =
    (presentStyle !== undefined && presentStyle.backgroundImage !== 'none') ||
    (contentStyle ? getComputedStyle(contentStyle).backgroundImage !== 'none' || contentStyle.children.length > 0 : false) ||
    getComputedStyle(viewport).backgroundImage !== 'none';
  return { id, background, backgroundPicture, blocks };
}

/** Hide or show the slides' content, leaving the backgrounds (to picture a slide's background alone). */
export function setContentVisible(visible: boolean): void {
  const slides = document.querySelector<HTMLElement>('.reveal .slides');
  if (slides) slides.style.visibility = visible ? '' : 'hidden';
}
