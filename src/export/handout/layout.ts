/**
 * Handout geometry: paper, margins (room for the header and footer), and per layout how many slides a sheet
 * holds, how wide a slide is drawn and how many ruled lines go with it. All lengths in millimetres.
 */
export type HandoutLayout = 'notes' | '2up' | '3up' | '6up';
export type Paper = 'A4' | 'letter';

export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = ['notes', '2up', '3up', '6up'];

export const PAPER_MM: Readonly<Record<Paper, { width: number; height: number }>> = {
  A4: { width: 210, height: 297 },
  letter: { width: 215.9, height: 279.4 },
};

export const MARGIN_MM = { top: 18, bottom: 16, side: 15 } as const;

/** Height of the caption (slide number and title) under a slide, mm. */
export const CAPTION_MM = 7;
/** Distance between ruled lines, mm. */
export const RULE_MM = 8;
/** Gap between the two columns of a 6-up sheet, mm. */
export const SIXUP_GAP_MM = 6;

export interface HandoutGeometry {
  layout: HandoutLayout;
  paper: Paper;
  perSheet: number;
  /** Content box of a sheet (paper minus margins). */
  contentWidth: number;
  contentHeight: number;
  /** Width and height a slide is drawn at. */
  slideWidth: number;
  slideHeight: number;
  /** Grid: columns and rows of items on a sheet (notes: one item, height free). */
  columns: number;
  rows: number;
  /** Ruled lines per item (3up: beside the slide; notes: under a slide that has no notes). */
  rules: number;
}

const PX_PER_MM = 96 / 25.4;

export function handoutGeometry(layout: HandoutLayout, paper: Paper, aspect: number): HandoutGeometry {
  const size = PAPER_MM[paper];
  const contentWidth = size.width - 2 * MARGIN_MM.side;
  // Half a millimetre less than the paper allows, so rounding never pushes a sheet onto a second page.
  const contentHeight = size.height - MARGIN_MM.top - MARGIN_MM.bottom - 0.5;
  const fit = (width: number, height: number) => {
    const w = Math.min(width, height / aspect);
    return { slideWidth: w, slideHeight: w * aspect };
  };
  switch (layout) {
    case 'notes': {
      const slide = fit(contentWidth, contentHeight * 0.5);
      const free = contentHeight - slide.slideHeight - CAPTION_MM - 10;
      return { layout, paper, perSheet: 1, contentWidth, contentHeight, ...slide, columns: 1, rows: 1, rules: Math.floor(free / RULE_MM) };
    }
    case '2up': {
      const slide = fit(contentWidth, contentHeight / 2 - CAPTION_MM - 8);
      return { layout, paper, perSheet: 2, contentWidth, contentHeight, ...slide, columns: 1, rows: 2, rules: 0 };
    }
    case '3up': {
      const rowHeight = contentHeight / 3;
      const slide = fit(contentWidth * 0.48, rowHeight - CAPTION_MM - 6);
      return {
        layout,
        paper,
        perSheet: 3,
        contentWidth,
        contentHeight,
        ...slide,
        columns: 1,
        rows: 3,
        rules: Math.floor((rowHeight - 6) / RULE_MM),
      };
    }
    case '6up': {
      // Two columns of the widest slides the paper allows (a 16:9 slide is width-bound on a portrait sheet); the
      // height each row has left under its slide and caption is ruled for notes instead of left blank.
      const rowHeight = contentHeight / 3;
      const slide = fit((contentWidth - SIXUP_GAP_MM) / 2, rowHeight - CAPTION_MM - 4);
      const rules = Math.floor((rowHeight - slide.slideHeight - CAPTION_MM - 4) / RULE_MM);
      return { layout, paper, perSheet: 6, contentWidth, contentHeight, ...slide, columns: 2, rows: 3, rules };
    }
  }
}

/** Scale from the slide's CSS pixel width to its drawn width. */
export function slideScale(geometry: HandoutGeometry, slideWidthPx: number): number {
  return (geometry.slideWidth * PX_PER_MM) / slideWidthPx;
}

/** Sheets (pages) a handout of `slides` slides takes, when every item fits its sheet. */
export function expectedSheets(geometry: HandoutGeometry, slides: number): number {
  return Math.ceil(slides / geometry.perSheet);
}
