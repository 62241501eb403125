/**
 * Charts of the library's results as self-contained SVG, drawn with Observable Plot: in a browser in
 * the page's document, elsewhere (Node, Deno, Bun) in a linkedom document. Each chart is a pure
 * function of a result and options that returns the markup of one `<svg>` element.
 *
 * This entry imports `@observablehq/plot` and `linkedom` (optional dependencies of the package);
 * `retention-metrics` itself never does.
 *
 * @module retention-metrics/charts
 */
// Public API of `retention-metrics/charts`. Exports only: no logic lives here.
export type { ChartOptions, MoneyChartOptions } from './charts/options.ts';
export { cohortHeatmap } from './charts/cohort-heatmap.ts';
export { retentionCurves } from './charts/retention-curves.ts';
export { lifecycleChart } from './charts/lifecycle-chart.ts';
export { ltvCurve } from './charts/ltv-curve.ts';
export { rfmChart } from './charts/rfm-chart.ts';
export { dormancyChart } from './charts/dormancy-chart.ts';
export { survivalCurves } from './charts/survival-curves.ts';
export { mrrMovementsChart } from './charts/mrr-movements-chart.ts';
export { pAliveMatrix, type PAliveMatrixOptions } from './charts/p-alive-matrix.ts';
export { trackingPlot, type TrackingPlotOptions } from './charts/tracking-plot.ts';
export type { ModelAndSummary } from './charts/model-input.ts';
export { frequencyHistogram, type FrequencyHistogramOptions } from './charts/frequency-histogram.ts';
