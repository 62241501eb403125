/**
 * `mrrMovementsChart`: the MRR movements per period, gains above the axis and losses below.
 *
 * @module
 */
import type { MrrPeriod, MrrReport } from '../subscriptions/mrr-report.ts';
import { expectResult } from './checks.ts';
import { chartDocument } from './document.ts';
import { amount, moneyUnit, thinTicks } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import { type MoneyChartOptions, resolveMoneyOptions } from './options.ts';
import { Plot, drawPlot } from './plot.ts';

/** The movements, in stacking order from the axis out, their sign and colours (Okabe–Ito). */
const MOVEMENTS = [
  { key: 'newMrr', label: 'New', sign: 1, color: '#0072B2' },
  { key: 'expansionMrr', label: 'Expansion', sign: 1, color: '#009E73' },
  { key: 'reactivationMrr', label: 'Reactivation', sign: 1, color: '#56B4E9' },
  { key: 'contractionMrr', label: 'Contraction', sign: -1, color: '#E69F00' },
  { key: 'churnMrr', label: 'Churn', sign: -1, color: '#D55E00' },
] as const;

const NET_COLOR = '#111';

/** One bar segment. */
interface MovementBar {
  period: string;
  movement: string;
  value: number;
  complete: boolean;
  tip: string;
}

/**
 * MRR movements per period (the definitions of `mrrReport`): stacked bars of the MRR gained — new,
 * expansion, reactivation — above the zero line and lost — contraction, churn — below it, and the net
 * new MRR of each period as a black line with dots. A period not over as of `asOf` is drawn faded.
 * Amounts are in the `currency` option's currency (a report does not hold it).
 *
 * A report without periods gives a chart with its title and the note "No periods to show".
 *
 * @param report - the result of `mrrReport` (without `by`; chart a breakdown's `total` or a segment's `result`)
 * @param options - `title`, `subtitle`, `width`, `currency`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `report` when it is not the result of `mrrReport`, or an
 *   option that is unknown or out of range
 *
 * @example
 * ```ts
 * import { mrrReport } from 'retention-metrics';
 * import { mrrMovementsChart } from 'retention-metrics/charts';
 * const report = mrrReport(
 *   [
 *     { customerId: 'a', start: '2024-01-01', end: '2024-03-01', amount: '10.00' },
 *     { customerId: 'b', start: '2024-02-10', amount: '30.00' },
 *   ],
 *   { asOf: '2024-03-31T23:59:59Z' },
 * );
 * mrrMovementsChart(report, { currency: 'USD' }).includes('MRR change (USD)'); // => true
 * ```
 */
export function mrrMovementsChart(report: MrrReport, options?: MoneyChartOptions): string {
  expectResult('report', report, 'mrrReport() (chart a breakdown’s `total` or a segment’s `result`)', ['periods']);
  const settings = resolveMoneyOptions(options);
  const document = chartDocument();
  const title = settings.title ?? 'MRR movements';
  const subtitle = settings.subtitle ?? `Monthly recurring revenue gained (above the line) and lost (below) per ${report.period}, and the net new MRR`;
  const rows: readonly MrrPeriod[] = report.periods;
  if (rows.length === 0) return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No periods to show.'] });
  const bars: MovementBar[] = [];
  for (const row of rows) {
    for (const m of MOVEMENTS) {
      const value = row[m.key].toNumber();
      bars.push({ period: row.period, movement: m.key, value: m.sign * value, complete: row.complete, tip: `${row.period}: ${m.label.toLowerCase()} ${m.sign < 0 ? '−' : '+'}${amount(value)}` });
    }
  }
  const net = rows.map((row) => ({ period: row.period, value: row.netNewMrr.toNumber(), tip: `${row.period}: net new MRR ${amount(row.netNewMrr.toNumber())}` }));
  const periods = rows.map((row) => row.period);
  const plot = drawPlot(document, {
    width: settings.width,
    height: 360,
    marginLeft: 64,
    x: { type: 'band', domain: periods, label: 'Period', labelAnchor: 'center', ticks: thinTicks(periods, settings.width - 84, 56), padding: 0.15 },
    y: { type: 'linear', label: `MRR change${moneyUnit(settings.currency)}`, labelArrow: 'none', grid: true, nice: true, tickFormat: amount },
    color: { type: 'ordinal', domain: MOVEMENTS.map((m) => m.key), range: MOVEMENTS.map((m) => m.color) },
    marks: [
      Plot.barY(bars, { x: 'period', y: 'value', fill: 'movement', order: MOVEMENTS.map((m) => m.key), fillOpacity: (b: MovementBar) => (b.complete ? 1 : 0.45), title: 'tip', className: 'rm-movement-bar' }),
      Plot.ruleY([0], { stroke: '#111', strokeWidth: 1.5, className: 'rm-zero' }),
      Plot.line(net, { x: 'period', y: 'value', stroke: NET_COLOR, strokeWidth: 1.5, className: 'rm-net-line' }),
      Plot.dot(net, { x: 'period', y: 'value', fill: NET_COLOR, r: 3, title: 'tip', className: 'rm-net-point' }),
    ],
  });
  const legend: Swatch[] = [...MOVEMENTS.map((m) => ({ label: m.label, color: m.color })), { label: 'Net new MRR', color: NET_COLOR, line: true }];
  const notes = rows.some((row) => !row.complete) ? ['Faded: a period not over as of the report’s date; its numbers can still change.'] : [];
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes });
}
