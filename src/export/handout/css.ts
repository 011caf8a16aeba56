import type { HandoutGeometry } from './layout.js';
import { CAPTION_MM, RULE_MM, SIXUP_GAP_MM } from './layout.js';

const mm = (value: number) => `${value.toFixed(2)}mm`;

/**
 * The handout's CSS. It overrides reveal.js's print-view rules (which size the body to one slide and break after
 * every .pdf-page) and draws the layout in millimetres, so it fits the paper whatever the slide size.
 */
export function handoutCss(g: HandoutGeometry, slide: { width: number; height: number }): string {
  const fixed = g.layout !== 'notes';
  const item =
    g.layout === '3up'
      ? 'flex-direction: row; align-items: flex-start; gap: 6mm;'
      : 'flex-direction: column; align-items: center; justify-content: flex-start;';
  return `
html.reveal-print, html.reveal-print body { width: auto !important; height: auto !important; overflow: visible !important;
  background: #fff !important; }
html.reveal-print body { margin: 0 !important; }
.deck-handout { color: #1a1a1a; font-family: sans-serif; font-size: 10.5pt; line-height: 1.5; text-align: left;
  overflow-wrap: anywhere; }
/* Nothing may be wider than the paper: Chromium would shrink every page to fit the widest thing. */
.deck-handout, .deck-handout .handout-sheet { max-width: ${mm(g.contentWidth)}; overflow-x: clip; }
.deck-handout .handout-sheet { width: ${mm(g.contentWidth)}; box-sizing: border-box; break-after: page; }
.deck-handout .handout-sheet:last-child { break-after: auto; }
${
  fixed
    ? `.deck-handout .handout-sheet { height: ${mm(g.contentHeight)}; overflow: hidden; display: grid;
  grid-template-columns: repeat(${g.columns}, minmax(0, 1fr)); grid-template-rows: repeat(${g.rows}, minmax(0, 1fr)); column-gap: ${mm(SIXUP_GAP_MM)}; }`
    : ''
}
.deck-handout .handout-item { display: flex; min-height: 0; min-width: 0; ${item} }
.deck-handout .handout-figure { flex: none; width: ${mm(g.slideWidth)}; }
.deck-handout .handout-slide { position: relative; width: ${mm(g.slideWidth)}; height: ${mm(g.slideHeight)}; overflow: hidden;
  break-inside: avoid;
  /* Without containment the scaled 1280 px slide inside still counts as document overflow when printing, and
     Chromium then shrinks every page to fit it. */
  contain: strict; }
/* The frame is drawn inside the box (outside it, a full-width slide's right edge is clipped) and above the slide:
   an outline of the box itself is painted under the slide, so a slide with a background of its own hid it. */
.deck-handout .handout-slide::after { content: ''; position: absolute; inset: 0; z-index: 1; border: 0.3mm solid #9a9a9a;
  pointer-events: none; }
.deck-handout .handout-slide > .reveal.handout-reveal { position: absolute !important; top: 0; left: 0; transform-origin: 0 0;
  width: ${slide.width}px !important; height: ${slide.height}px !important; overflow: hidden !important; }
.deck-handout .handout-reveal .slides .pdf-page { height: ${slide.height}px !important; page-break-after: auto !important;
  break-after: auto !important; }
.deck-handout .slide-number-pdf { display: none !important; }
.deck-handout .handout-caption { display: flex; gap: 2mm; height: ${mm(CAPTION_MM)}; align-items: center; font-size: 8.5pt;
  color: #444; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.deck-handout .handout-number { font-weight: 700; color: #1a1a1a; }
.deck-handout .handout-title { overflow: hidden; text-overflow: ellipsis; }
.deck-handout .handout-rules { flex: 1; min-width: 0; }
.deck-handout .handout-rule { height: ${mm(RULE_MM)}; border-bottom: 0.25mm solid #b8b8b8; box-sizing: border-box; }
.deck-handout .handout-notes { width: 100%; margin-top: 4mm; font-size: 11pt; line-height: 1.7; }
.deck-handout .handout-notes-label { font-size: 8.5pt; color: #666; letter-spacing: 0.05em; border-bottom: 0.3mm solid #ccc;
  padding-bottom: 1mm; margin-bottom: 2.5mm; }
.deck-handout .handout-notes-body > :first-child { margin-top: 0; }
.deck-handout .handout-notes-body p { margin: 0 0 0.7em; }
.deck-handout .handout-notes-body ul, .deck-handout .handout-notes-body ol { margin: 0 0 0.7em; padding-left: 1.4em; }
.deck-handout .handout-notes-body code { font-size: 0.92em; background: #f2f2f2; padding: 0 0.2em; border-radius: 2px; }
.deck-handout .handout-notes-body a { color: inherit; }
`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** page.pdf's header and footer: they need their own font size and family (they inherit nothing). */
export function headerFooter(title: string, lang: string, marginSideMm: number): { header: string; footer: string } {
  const style = `font-size: 8pt; font-family: sans-serif; color: #555; width: 100%; padding: 0 ${marginSideMm}mm;
    box-sizing: border-box; display: flex; justify-content: space-between; -webkit-print-color-adjust: exact;`;
  return {
    header: `<div lang="${escapeHtml(lang)}" style="${style}"><span>${escapeHtml(title)}</span></div>`,
    footer: `<div lang="${escapeHtml(lang)}" style="${style} justify-content: center;"><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  };
}
