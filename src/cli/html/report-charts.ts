/**
 * The charts of the HTML report, by the section they illustrate: SVG markup from the
 * `retention-metrics/charts` entry, drawn from the same results as the tables.
 *
 * @module
 */
import { cohortHeatmap, dormancyChart, frequencyHistogram, lifecycleChart, ltvCurve, pAliveMatrix, retentionCurves, rfmChart, trackingPlot } from '../../charts.ts';
import { isRetentionError } from '../../index.ts';
import type { ReportData } from '../report-data.ts';
import { escapeHtml } from '../../escape-html.ts';

/** One chart: the section it belongs to and how it is drawn. */
interface ChartSpec {
  readonly section: string;
  readonly name: string;
  /** The markup, or `null` when the report has nothing to draw it from (no fitted models). */
  readonly draw: (data: ReportData) => string | null;
}

/** Width of a chart across the page (the page is at most 72rem wide). */
const WIDTH = 1000;

/**
 * The section id of the charts at the top of the page, before the contents: the cohort heatmap and the
 * retention curves, drawn once there and not again in the cohorts section.
 */
export const GLANCE = 'glance';

const CHARTS: readonly ChartSpec[] = [
  { section: GLANCE, name: 'cohort heatmap', draw: (data) => cohortHeatmap(data.cohorts, { width: WIDTH }) },
  { section: GLANCE, name: 'retention curves', draw: (data) => retentionCurves(data.cohorts, { width: WIDTH }) },
  { section: 'cohorts', name: 'LTV curve', draw: (data) => ltvCurve(data.cohorts, { width: WIDTH }) },
  { section: 'lifecycle', name: 'lifecycle chart', draw: (data) => lifecycleChart(data.lifecycle, { width: WIDTH }) },
  { section: 'rfm', name: 'RFM grid', draw: (data) => rfmChart(data.rfm, { width: WIDTH }) },
  { section: 'dormancy', name: 'dormancy chart', draw: (data) => dormancyChart(data.dormancy, { width: WIDTH }) },
  { section: 'models', name: 'tracking plot', draw: ({ models }) => (models === null ? null : trackingPlot({ model: models.transactions, summary: models.summary }, { width: WIDTH })) },
  {
    section: 'models',
    name: 'frequency histogram',
    draw: ({ models }) => (models === null ? null : frequencyHistogram({ model: models.transactions, summary: models.summary }, { width: WIDTH })),
  },
  { section: 'models', name: 'P(alive) matrix', draw: ({ models }) => (models === null ? null : pAliveMatrix(models.transactions, { summary: models.summary, width: WIDTH })) },
];

/**
 * Draws the report's charts.
 *
 * A chart the charts entry refuses for this data (a `RetentionError`: too little data to draw) is
 * replaced by a note saying so, so one chart never costs the whole page; any other error is thrown.
 *
 * @param data - the report's results
 * @returns chart markup per section id (and {@link GLANCE} for the top of the page), in drawing order
 * @example
 * ```ts
 * import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { dirname, join } from 'node:path';
 * import { nodeIo } from '../io.ts';
 * import { loadOrders } from '../load-orders.ts';
 * import { computeReport } from '../report-data.ts';
 * import { reportCharts } from './report-charts.ts';
 * const path = join(mkdtempSync(join(tmpdir(), 'orders-')), 'orders.csv');
 * writeFileSync(path, 'customer_id,date,total\na,2024-01-05,10\na,2024-02-09,15.50\nb,2024-01-20,7\nc,2024-02-02,20\n');
 * const input = { path, columns: {}, timeZone: 'UTC', period: 'month' as const, asOfDay: null, delimiter: null, format: null };
 * const data = computeReport(await loadOrders(input, { ...nodeIo(), stderr: () => undefined }), { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * rmSync(dirname(path), { recursive: true });
 * [...reportCharts(data).keys()]; // => ['glance', 'cohorts', 'lifecycle', 'rfm', 'dormancy']
 * ```
 */
export function reportCharts(data: ReportData): Map<string, string[]> {
  const figures = new Map<string, string[]>();
  for (const chart of CHARTS) {
    let markup: string | null;
    try {
      markup = chart.draw(data);
    } catch (error) {
      if (!isRetentionError(error)) throw error;
      markup = `<p class="note">${escapeHtml(`No ${chart.name}: ${error.message}`)}</p>`;
    }
    if (markup === null) continue;
    const list = figures.get(chart.section) ?? [];
    list.push(markup);
    figures.set(chart.section, list);
  }
  return figures;
}
