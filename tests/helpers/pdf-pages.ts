/** What a PDF shows, read with pdfjs-dist: each page's text with its position, its ruled lines, and the outline's target pages. */
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A text run, at its origin in PDF points (y from the bottom of the page). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
}

/** A box on the page in PDF points. */
export interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PlacedText[];
  /** Filled rectangles at most 1.5 pt tall and at least 30 pt wide in the given grey: ruled lines. */
  rules: Box[];
}

export interface OutlineEntry {
  title: string;
  /** 1-based page the entry opens. */
  page: number;
  children: OutlineEntry[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

function transformBox(m: Matrix, [x0, y0, x1, y1]: number[]): Box {
  const points = [
    [x0!, y0!],
    [x1!, y0!],
    [x0!, y1!],
    [x1!, y1!],
  ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

/** Every page's text and ruled lines; `ruleGrey` is the rules' fill (0–255, the same in R, G and B). */
export async function readPdfPages(file: string, ruleGrey = 184): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const texts = content.items.flatMap((item) =>
        'str' in item && item.str.trim() !== '' ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : [],
      );
      // Follow the graphics state (matrix and fill colour) through save/restore to place each filled rectangle.
      const operators = await page.getOperatorList();
      let state = { matrix: [1, 0, 0, 1, 0, 0] as Matrix, grey: false };
      const saved: (typeof state)[] = [];
      const rules: Box[] = [];
      let pending: Box[] = [];
      operators.fnArray.forEach((fn, i) => {
        const args = operators.argsArray[i] as unknown[];
        if (fn === OPS.save) saved.push({ ...state });
        else if (fn === OPS.restore) state = saved.pop() ?? state;
        else if (fn === OPS.transform) state.matrix = multiply(args as Matrix, state.matrix);
        else if (fn === OPS.paintFormXObjectBegin && Array.isArray(args[0])) state.matrix = multiply(args[0] as Matrix, state.matrix);
        else if (fn === OPS.setFillRGBColor) {
          const colour = args as unknown as ArrayLike<number> | [string];
          state.grey =
            typeof colour[0] === 'string'
              ? colour[0].toLowerCase() === `#${ruleGrey.toString(16).repeat(3)}`
              : colour[0] === ruleGrey && colour[1] === ruleGrey && colour[2] === ruleGrey;
        } else if (fn === OPS.constructPath) pending.push(transformBox(state.matrix, args[2] as number[]));
        else if (fn === OPS.fill || fn === OPS.eoFill) {
          if (state.grey) rules.push(...pending.filter((box) => box.top - box.bottom <= 1.5 && box.right - box.left >= 30));
          pending = [];
        } else if (fn === OPS.endPath || fn === OPS.stroke || fn === OPS.eoClip || fn === OPS.clip) pending = [];
      });
      pages.push({ width, height, texts, rules });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The outline as nested entries, each with the page it opens. */
export async function readOutline(file: string): Promise<OutlineEntry[]> {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
    const walk = async (items: Item[]): Promise<OutlineEntry[]> =>
      Promise.all(
        items.map(async (item) => {
          const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
          if (!dest) throw new Error(`outline entry "${item.title}" has no destination`);
          const page = (await doc.getPageIndex(dest[0] as { num: number; gen: number })) + 1;
          return { title: item.title, page, children: await walk(item.items) };
        }),
      );
    return await walk(((await doc.getOutline()) ?? []) as Item[]);
  } finally {
    await doc.destroy();
  }
}

/** A page's text read left to right, top to bottom, without spaces. */
export function pageText(page: PdfPage): string {
  return [...page.texts]
    .sort((a, b) => b.y - a.y || a.x - b.x)
    .map((t) => t.str)
    .join('')
    .replace(/\s+/g, '');
}
