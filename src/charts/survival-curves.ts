/**
 * `survivalCurves`: Kaplan–Meier survival of subscriptions, per start cohort and pooled.
 *
 * @module
 */
import type { SurvivalCell, SurvivalTable } from '../cohort/subscriptions.ts';
import { expectResult } from './checks.ts';
import { chartDocument } from './document.ts';
import { capitalize, percentTick, periodName } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';
import * as Plot from '@observablehq/plot';
import { drawPlot } from './plot.ts';
import { SUMMARY_COLOR, seriesColors } from './series-colors.ts';

/** One step of a curve: survival at the end of `time` periods. */
interface Step {
  cohort: string;
  time: number;
  survival: number;
}

/** A curve's steps: 100 % at 0, then survival(k) at the end of offset k. */
function steps(cohort: string, cells: readonly SurvivalCell[]): Step[] {
  return [{ cohort, time: 0, survival: 1 }, ...cells.map((cell) => ({ cohort, time: cell.offset + 1, survival: cell.survival }))];
}

/**
 * Kaplan–Meier survival curves: the probability that a subscription is still running after each
 * period since it started, as steps — per start cohort (up to eight in colour, more in grey) and over
 * all subscriptions pooled with censoring (the table's `overall`, thick and black).
 *
 * A table without subscriptions gives a chart with its title and the note "No subscriptions to show".
 *
 * @param table - a table of `Cohort.fromSubscriptions(…).table()`
 * @param options - `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `table` when it is not a survival table, or an option that
 *   is unknown or out of range
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { survivalCurves } from 'retention-metrics/charts';
 * const table = Cohort.fromSubscriptions([
 *   { customerId: 'a', start: '2024-01-05', end: '2024-03-10' },
 *   { customerId: 'b', start: '2024-01-20' },
 * ]).asOf('2024-06-30T00:00:00Z').table();
 * survivalCurves(table).includes('All subscriptions (Kaplan–Meier)'); // => true
 * ```
 */
export function survivalCurves(table: SurvivalTable, options?: ChartOptions): string {
  expectResult('table', table, 'Cohort.fromSubscriptions(…).table()', ['cohorts', 'overall']);
  const settings = resolveChartOptions(options);
  const document = chartDocument();
  const unit = periodName(table.every, true);
  const title = settings.title ?? 'Subscription survival';
  const subtitle = settings.subtitle ?? `Share of subscriptions still running after each ${periodName(table.every, false)} since they started (Kaplan–Meier)`;
  if (table.cohorts.length === 0) {
    return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No subscriptions to show.'] });
  }
  const cohorts = table.cohorts.map((c) => c.key);
  const colors = seriesColors(cohorts, (name) => `Started ${name}`, `Each of the ${cohorts.length} start cohorts`);
  const curves = table.cohorts.flatMap((c) => steps(c.key, c.cells));
  const overall = steps('overall', table.overall);
  const last = Math.max(...overall.map((s) => s.time), ...curves.map((s) => s.time));
  const plot = drawPlot(document, {
    width: settings.width,
    height: 360,
    marginLeft: 56,
    marginRight: 20,
    x: { type: 'linear', domain: [0, Math.max(1, last)], label: `${capitalize(unit)} since the start`, labelAnchor: 'center', labelArrow: 'none', tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : '') },
    y: { type: 'linear', domain: [0, 1], label: 'Still subscribed (%)', labelArrow: 'none', tickFormat: percentTick, grid: true },
    color: { type: 'ordinal', domain: cohorts, range: [...colors.range] },
    marks: [
      Plot.ruleY([0]),
      Plot.line(curves, { x: 'time', y: 'survival', z: 'cohort', stroke: 'cohort', curve: 'step-after', strokeWidth: 1.5, strokeOpacity: colors.opacity, className: 'rm-cohort-survival' }),
      Plot.line(overall, { x: 'time', y: 'survival', stroke: SUMMARY_COLOR, curve: 'step-after', strokeWidth: 3, className: 'rm-overall-survival' }),
      Plot.dot(overall, { x: 'time', y: 'survival', fill: SUMMARY_COLOR, r: 2.5, title: (s: Step) => `After ${s.time} ${unit}: ${percentTick(Math.round(s.survival * 1000) / 1000)}`, className: 'rm-overall-point' }),
    ],
  });
  const legend: Swatch[] = [
    { label: 'All subscriptions (Kaplan–Meier)', color: SUMMARY_COLOR, line: true },
    ...colors.swatches,
  ];
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes: [] });
}
