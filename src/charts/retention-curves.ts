/**
 * `retentionCurves`: each cohort's retention rate by offset, and the average curve.
 *
 * @module
 */
import type { CohortTable } from '../cohort/types.ts';
import { expectCohortTable } from './checks.ts';
import { activePhrase, cohortName, offsetAxisLabel, offsetLabels } from './cohort-rows.ts';
import { chartDocument } from './document.ts';
import { percentTick, periodName, thinTicks } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';
import { CATEGORY_COLORS, Plot, drawPlot } from './plot.ts';

/** With more cohorts than colours, cohorts are drawn alike in grey and only the average stands out. */
const AVERAGE_COLOR = '#111';
const MANY_COLOR = '#9aa4b1';

/** One point of a curve. */
interface CurvePoint {
  cohort: string;
  offset: string;
  rate: number;
}

/**
 * Retention curves: for each cohort, the share of its customers active at each offset since the first
 * order (a line over the complete cells, dashed on to the incomplete ones, whose rates can still rise),
 * and the size-weighted average curve over the complete cells (a thick line). Up to eight cohorts get
 * a colour each and a legend entry; with more, they are drawn in grey behind the average.
 *
 * A table without cohorts gives a chart with its title and the note "No cohorts to show".
 *
 * @param table - a table of `Cohort.from(…).table()`
 * @param options - `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `table` when it is not a cohort table, or an option that is
 *   unknown or out of range
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { retentionCurves } from 'retention-metrics/charts';
 * const table = Cohort.from([
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'b', date: '2024-01-09', amount: 20 },
 *   { customerId: 'b', date: '2024-02-11', amount: 15 },
 * ]).asOf('2024-03-31T23:59:59Z').table();
 * retentionCurves(table).includes('Average (weighted by cohort size)'); // => true
 * ```
 */
export function retentionCurves(table: CohortTable, options?: ChartOptions): string {
  expectCohortTable(table);
  const settings = resolveChartOptions(options);
  const document = chartDocument();
  const title = settings.title ?? 'Retention curves';
  const subtitle = settings.subtitle ?? `Share of each cohort's customers ${activePhrase(table)} each ${periodName(table.every, false)} since their first order, and the average`;
  if (table.cohorts.length === 0) {
    return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No cohorts to show.'] });
  }
  const complete: CurvePoint[] = [];
  const incomplete: CurvePoint[] = [];
  for (const row of table.cohorts) {
    const cohort = cohortName(row);
    let last: CurvePoint | null = null;
    for (const cell of row.cells) {
      const point = { cohort, offset: cell.label, rate: cell.rate };
      if (cell.complete) {
        complete.push(point);
        last = point;
      } else {
        // The dashed part starts at the last complete point, so the two parts join.
        if (last !== null && !incomplete.includes(last)) incomplete.push(last);
        incomplete.push(point);
      }
    }
  }
  const average = table.average.flatMap((cell) => (cell.rate === null ? [] : [{ cohort: 'average', offset: cell.label, rate: cell.rate }]));
  const cohorts = table.cohorts.map(cohortName);
  const colored = cohorts.length <= CATEGORY_COLORS.length;
  const range = colored ? CATEGORY_COLORS.slice(0, cohorts.length) : cohorts.map(() => MANY_COLOR);
  const columns = offsetLabels(table);
  const plot = drawPlot(document, {
    width: settings.width,
    height: 360,
    marginLeft: 52,
    marginRight: 20,
    x: { type: 'point', domain: columns, label: offsetAxisLabel(table), labelAnchor: 'center', labelArrow: 'none', ticks: thinTicks(columns, settings.width - 72, 36) },
    y: { type: 'linear', domain: [0, 1], label: 'Retention rate (%)', labelArrow: 'none', tickFormat: percentTick, grid: true },
    color: { type: 'ordinal', domain: cohorts, range },
    marks: [
      Plot.ruleY([0]),
      Plot.line(complete, { x: 'offset', y: 'rate', z: 'cohort', stroke: 'cohort', strokeWidth: 1.5, strokeOpacity: colored ? 1 : 0.6, className: 'rm-cohort-curve' }),
      Plot.line(incomplete, { x: 'offset', y: 'rate', z: 'cohort', stroke: 'cohort', strokeWidth: 1.5, strokeDasharray: '4,3', strokeOpacity: colored ? 1 : 0.6, className: 'rm-incomplete-part' }),
      Plot.line(average, { x: 'offset', y: 'rate', stroke: AVERAGE_COLOR, strokeWidth: 3, className: 'rm-average-curve' }),
      Plot.dot(average, { x: 'offset', y: 'rate', fill: AVERAGE_COLOR, r: 2.5, title: (p: CurvePoint) => `Average, ${p.offset}: ${percentTick(Math.round(p.rate * 1000) / 1000)}`, className: 'rm-average-point' }),
    ],
  });
  const legend: Swatch[] = [
    { label: 'Average (weighted by cohort size)', color: AVERAGE_COLOR, line: true },
    ...(colored ? cohorts.map((name, i) => ({ label: name, color: CATEGORY_COLORS[i], line: true })) : [{ label: `Each of the ${cohorts.length} cohorts`, color: MANY_COLOR, line: true }]),
  ];
  const notes = incomplete.length > 0 ? ['Dashed: incomplete periods (not over for every member as of the table’s date); their rates can still rise.'] : [];
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes });
}
