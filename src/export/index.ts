/** PDF export: the slides (deck.pdf), the handout (handout.pdf) and the checks that guard them. */
export { exportPdf, type ExportPdfOptions, type ExportPdfResult, type ExportProgress } from './export.js';
export { renderPdfs, type RenderPdfsOptions, type RenderPdfsResult, type RenderedPdf } from './render-pdfs.js';
export { formatProblem, formatReport, type ExportProblem, type ProblemKind } from './checks.js';
export { HANDOUT_LAYOUTS, PAPER_MM, handoutGeometry, type HandoutLayout, type Paper } from './handout/layout.js';
export { amendPdf, type PdfMetadata, type OutlineEntry } from './pdf/amend.js';
export { readPdfStructure } from './pdf/structure.js';
export { expectedDeckPages, pagesForSlide, splitsFragments } from './slides.js';
