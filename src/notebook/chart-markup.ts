/**
 * The charts a display shows, drawn by the charts entry. A chart that cannot be drawn (a result with
 * nothing to plot) leaves its table shown, with a line saying why in place of the chart.
 *
 * @module
 * @internal
 */
import type { CohortTable } from '../cohort/types.ts';
import type { SurvivalTable } from '../cohort/subscriptions.ts';
import type { LifecycleRow } from '../metrics/lifecycle.ts';
import type { PeriodRetentionRow } from '../metrics/period-retention.ts';
import type { FrequencySummary } from '../models/summary.ts';
import type { DormancyReport } from '../segments/dormancy-types.ts';
import type { RfmReport } from '../segments/rfm-types.ts';
import type { MrrReport } from '../subscriptions/mrr-report.ts';
import { cohortHeatmap, lifecycleChart, ltvCurve, retentionCurves } from '../charts.ts';
import type { MoneyFormat } from './format.ts';
import { escapeHtml } from './render.ts';
import type { ModelLike } from './views/models.ts';

/**
 * @internal A chart's markup, or a line saying why it is not drawn.
 *
 * @param draw - draws the chart
 * @returns SVG markup, or a `<p>` with the error's message
 */
export function chart(draw: () => string): string {
  try {
    return draw();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `<p style="color:#555">Chart not drawn: ${escapeHtml(message)}</p>`;
  }
}

/** The charts of each kind of result; `undefined` where the charts entry has none. */
export interface ChartMarkup {
  cohort(table: CohortTable, money: MoneyFormat): { retention: string[]; revenue: string[] };
  survival(table: SurvivalTable): string | undefined;
  periodRetention(rows: readonly PeriodRetentionRow[]): string | undefined;
  lifecycle(rows: readonly LifecycleRow[]): string | undefined;
  rfm(report: RfmReport): string | undefined;
  dormancy(report: DormancyReport): string | undefined;
  mrr(report: MrrReport): string | undefined;
  /** A model's charts; with the summary it was fitted to, those that compare with the data. */
  model(model: ModelLike, summary: FrequencySummary | null): string[];
}

/** The currency option of the charts that show money. */
function currencyOf(money: MoneyFormat): { currency?: string } {
  return money.currency === null ? {} : { currency: money.currency };
}

/** @internal The charts drawn: `undefined` (or none) where the charts entry has no chart of a kind. */
export const CHARTS: ChartMarkup = {
  cohort: (table, money) => ({
    retention: [chart(() => cohortHeatmap(table)), chart(() => retentionCurves(table))],
    revenue: [chart(() => ltvCurve(table, currencyOf(money)))],
  }),
  survival: () => undefined,
  periodRetention: () => undefined,
  lifecycle: (rows) => chart(() => lifecycleChart(rows)),
  rfm: () => undefined,
  dormancy: () => undefined,
  mrr: () => undefined,
  model: () => [],
};
