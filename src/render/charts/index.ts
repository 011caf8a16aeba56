export { chartHelpers } from './helpers.js';
export { timelineSvg } from './timeline.js';
export { logChartSvg } from './log-chart.js';
export { barChartSvg, type BarOptions } from './bar-chart.js';
export { toPoints, byX, type Point, type FieldNames } from './series.js';
export type { ChartOptions } from './options.js';
