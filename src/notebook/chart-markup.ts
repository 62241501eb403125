/**
 * The charts a display shows, drawn by the charts entry. A chart that cannot be drawn (a result with
 * nothing to plot) leaves its table shown, with a line saying why in place of the chart.
 *
 * @module
 * @internal
 */
import { isRetentionError } from '../errors.ts';
import type { CohortTable } from '../cohort/types.ts';
import type { SurvivalTable } from '../cohort/subscriptions.ts';
import type { LifecycleRow } from '../metrics/lifecycle.ts';
import type { PeriodRetentionRow } from '../metrics/period-retention.ts';
import type { FrequencySummary } from '../models/summary.ts';
import type { DormancyReport } from '../segments/dormancy-types.ts';
import type { RfmReport } from '../segments/rfm-types.ts';
import type { MrrReport } from '../subscriptions/mrr-report.ts';
import {
  cohortHeatmap,
  dormancyChart,
  frequencyHistogram,
  lifecycleChart,
  ltvCurve,
  mrrMovementsChart,
  pAliveMatrix,
  retentionCurves,
  rfmChart,
  survivalCurves,
  trackingPlot,
} from '../charts.ts';
import type { BgNbdModel } from '../models/bg-nbd.ts';
import type { ParetoNbdModel } from '../models/pareto-nbd.ts';
import type { RfmSummary } from '../models/rfm-summary-types.ts';
import type { MoneyFormat } from './format.ts';
import { escapeHtml } from '../escape-html.ts';
import type { ModelLike } from './views/models.ts';

/**
 * @internal A chart's markup, or a line saying why it is not drawn.
 *
 * @param draw - draws the chart
 * @returns SVG markup, or a `<p>` with the message of the library's error that refused the data
 * @throws whatever else `draw` throws: a fault in the code is not shown as a note
 */
export function chart(draw: () => string): string {
  try {
    return draw();
  } catch (error) {
    if (!isRetentionError(error)) throw error;
    return `<p style="color:#555">Chart not drawn: ${escapeHtml(error.message)}</p>`;
  }
}

/** The charts of each kind of result; `undefined` (or none) where no chart applies. */
export interface ChartMarkup {
  cohort(table: CohortTable, money: MoneyFormat): { retention: string[]; revenue: string[] };
  survival(table: SurvivalTable): string | undefined;
  periodRetention(rows: readonly PeriodRetentionRow[]): string | undefined;
  lifecycle(rows: readonly LifecycleRow[]): string | undefined;
  rfm(report: RfmReport): string | undefined;
  dormancy(report: DormancyReport, money: MoneyFormat): string | undefined;
  mrr(report: MrrReport, money: MoneyFormat): string | undefined;
  /** A model's charts; with the summary it was fitted to, those that compare with the data. */
  model(model: ModelLike, summary: FrequencySummary | null): string[];
}

/** The currency option of the charts that show money. */
function currencyOf(money: MoneyFormat): { currency?: string } {
  return money.currency === null ? {} : { currency: money.currency };
}

/** Whether a summary is an `rfmSummary` (what the charts comparing a model with its data read). */
function isRfmSummary(summary: FrequencySummary): summary is FrequencySummary & RfmSummary {
  const s = summary as Partial<RfmSummary>;
  return s.x instanceof Uint32Array && s.T instanceof Float64Array && s.repeatByPeriod instanceof Float64Array && typeof s.unitDays === 'number';
}

/** The largest age T of a summary. */
function maxAge(summary: FrequencySummary): number {
  let max = 0;
  for (let i = 0; i < summary.T.length; i++) max = Math.max(max, summary.T[i]);
  return max;
}

/**
 * The charts of a BG/NBD or Pareto/NBD model: with the `rfmSummary` it was fitted to, the P(alive)
 * matrix, the frequency histogram and the tracking plot; with another summary, the P(alive) matrix at
 * its largest age; without one, none (the matrix needs an age).
 */
function transactionModelCharts(model: BgNbdModel | ParetoNbdModel, summary: FrequencySummary | null): string[] {
  if (summary === null) return [];
  if (!isRfmSummary(summary)) {
    const age = maxAge(summary);
    return age > 0 ? [chart(() => pAliveMatrix(model, { age }))] : [];
  }
  return [
    chart(() => pAliveMatrix(model, { summary })),
    chart(() => frequencyHistogram({ model, summary })),
    chart(() => trackingPlot({ model, summary })),
  ];
}

/** @internal The charts drawn. */
export const CHARTS: ChartMarkup = {
  cohort: (table, money) => ({
    retention: [chart(() => cohortHeatmap(table)), chart(() => retentionCurves(table))],
    revenue: [chart(() => ltvCurve(table, currencyOf(money)))],
  }),
  survival: (table) => chart(() => survivalCurves(table)),
  periodRetention: () => undefined,
  lifecycle: (rows) => chart(() => lifecycleChart(rows)),
  rfm: (report) => chart(() => rfmChart(report)),
  dormancy: (report, money) => chart(() => dormancyChart(report, currencyOf(money))),
  mrr: (report, money) => chart(() => mrrMovementsChart(report, currencyOf(money))),
  // The tag tells the two transaction models from the others (their charts read these two only).
  model: (model, summary) =>
    model.model === 'bg-nbd' || model.model === 'pareto-nbd' ? transactionModelCharts(model as unknown as BgNbdModel | ParetoNbdModel, summary) : [],
};
