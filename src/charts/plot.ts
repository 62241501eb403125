/**
 * Observable Plot, called the one way every chart calls it: in the chart document, with a fixed class
 * name (so the markup of a chart depends on its data alone), and never with a title, caption or legend
 * of Plot's own (the frame draws those, as SVG).
 *
 * @module
 * @internal
 */
import * as Plot from '@observablehq/plot';
import type { ChartDocument, ChartElement } from './document.ts';

/** @internal The class Plot's styles are scoped to in every chart. */
export const CLASS_NAME = 'retention-metrics-chart';

/**
 * @internal Colours of categories: the Okabe–Ito palette, chosen to stay distinct under the common
 * colour-vision deficiencies (yellow, faint on white, last).
 */
export const CATEGORY_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'] as const;

/**
 * @internal Draw a plot.
 *
 * @param document - the chart document
 * @param options - Plot's options (marks, scales, size)
 * @returns the `<svg>` element Plot drew
 */
export function drawPlot(document: ChartDocument, options: Plot.PlotOptions): ChartElement {
  return Plot.plot({ ...options, document: document as unknown as NonNullable<Plot.PlotOptions['document']>, className: CLASS_NAME }) as unknown as ChartElement;
}

/**
 * @internal Draw a threshold colour legend (an `<svg>` of coloured bins: no canvas needed).
 *
 * @param document - the chart document
 * @param color - the colour scale's options
 * @param width - the legend's width in pixels
 * @returns the legend's `<svg>` element
 */
export function drawLegend(document: ChartDocument, color: Plot.ScaleOptions, width: number): ChartElement {
  const legend: Record<string, unknown> = { color, width, document, className: CLASS_NAME };
  return Plot.legend(legend as Plot.LegendScales) as unknown as ChartElement;
}

export { Plot };
