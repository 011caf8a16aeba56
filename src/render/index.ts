export { buildDeck, type BuildOptions, type BuildResult } from './build.js';
export { writeRendered, writeRenderedFiles } from './write.js';
export { withOutputStage, type OutputStage } from './stage.js';
export { renderDeck, type RenderOptions } from './render.js';
export { loadTemplates, type TemplateSet } from './templates.js';
export { resolveTheme, projectThemes, type ResolvedTheme } from './theme.js';
export { formatCount, formatDate, translate } from './helpers.js';
export type { RenderedDeck, OutputFile } from './output.js';
export { packageRoot, revealDistDir } from './paths.js';
