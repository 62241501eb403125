/**
 * `lifecycleChart`: new, returning and resurrected customers above the axis, dormant below, per period.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import type { LifecycleRow } from '../metrics/lifecycle.ts';
import { chartDocument } from './document.ts';
import { count, integerTicks, thinTicks } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';
import { Plot, drawPlot } from './plot.ts';

/** The states, in stacking order from the axis up (dormant goes down), and their colours (Okabe–Ito). */
const STATES = [
  { key: 'returning', label: 'Returning', color: '#009E73' },
  { key: 'resurrected', label: 'Resurrected', color: '#CC79A7' },
  { key: 'new', label: 'New', color: '#0072B2' },
  { key: 'dormant', label: 'Dormant', color: '#D55E00' },
] as const;

type StateKey = (typeof STATES)[number]['key'];

/** One bar segment. */
interface LifecycleBar {
  period: string;
  state: StateKey;
  /** Customers, negative for dormant. */
  value: number;
  complete: boolean;
  tip: string;
}

/**
 * The lifecycle of the customer base per period, as PostHog draws it: stacked bars of the **new**,
 * **returning** and **resurrected** customers above the zero line and the customers gone **dormant**
 * below it, so each bar's height above the line is the period's active customers and the bar below
 * is who was lost. A period not over as of `asOf` is drawn faded.
 *
 * No rows gives a chart with its title and the note "No periods to show".
 *
 * @param rows - the rows of `periodLifecycle` (without `by`; chart a breakdown's segment through its `result`)
 * @param options - `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `rows` when they are not rows of `periodLifecycle`, or an
 *   option that is unknown or out of range
 *
 * @example
 * ```ts
 * import { periodLifecycle } from 'retention-metrics';
 * import { lifecycleChart } from 'retention-metrics/charts';
 * const rows = periodLifecycle(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: 10 },
 *     { customerId: 'b', date: '2024-01-06', amount: 10 },
 *     { customerId: 'a', date: '2024-02-05', amount: 30 },
 *   ],
 *   { period: 'month', asOf: '2024-02-29T23:59:59Z' },
 * );
 * lifecycleChart(rows).includes('Dormant'); // => true
 * ```
 */
export function lifecycleChart(rows: readonly LifecycleRow[], options?: ChartOptions): string {
  expectLifecycleRows(rows);
  const settings = resolveChartOptions(options);
  const document = chartDocument();
  const title = settings.title ?? 'Customer lifecycle';
  const subtitle = settings.subtitle ?? 'Customers per period: new, returning and resurrected above the line; gone dormant below';
  if (rows.length === 0) {
    return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No periods to show.'] });
  }
  const bars: LifecycleBar[] = [];
  for (const row of rows) {
    for (const state of STATES) {
      const customers = row[state.key];
      const tip = `${row.period}: ${count(customers)} ${state.label.toLowerCase()}${row.complete ? '' : ' (period not over)'}`;
      bars.push({ period: row.period, state: state.key, value: state.key === 'dormant' ? -customers : customers, complete: row.complete, tip });
    }
  }
  const periods = rows.map((row) => row.period);
  const ticks = integerTicks(-Math.max(...rows.map((r) => r.dormant)), Math.max(...rows.map((r) => r.active)), 8);
  const plot = drawPlot(document, {
    width: settings.width,
    height: 360,
    marginLeft: 56,
    x: { type: 'band', domain: periods, label: 'Period', labelAnchor: 'center', ticks: thinTicks(periods, settings.width - 76, 56), padding: 0.15 },
    y: { type: 'linear', domain: [ticks[0], ticks[ticks.length - 1]], ticks, label: 'Customers (dormant below zero)', labelArrow: 'none', grid: true, tickFormat: (v: number) => count(v) },
    color: { type: 'ordinal', domain: STATES.map((s) => s.key), range: STATES.map((s) => s.color) },
    marks: [
      Plot.barY(bars, { x: 'period', y: 'value', fill: 'state', order: STATES.map((s) => s.key), fillOpacity: (b: LifecycleBar) => (b.complete ? 1 : 0.45), title: 'tip', className: 'rm-lifecycle-bar' }),
      Plot.ruleY([0], { stroke: '#111', strokeWidth: 1.5, className: 'rm-zero' }),
    ],
  });
  const legend: Swatch[] = [STATES[2], STATES[0], STATES[1], STATES[3]].map((s) => ({ label: s.label, color: s.color }));
  const notes = rows.some((row) => !row.complete) ? ['Faded: a period not over as of the report’s date; its numbers can still change.'] : [];
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes });
}

function expectLifecycleRows(rows: unknown): asserts rows is readonly LifecycleRow[] {
  if (!Array.isArray(rows)) {
    const breakdown = typeof rows === 'object' && rows !== null && 'segments' in rows;
    throw new InvalidOptionError('rows', rows, breakdown ? 'is a breakdown: chart its `total` or one segment’s `result`' : 'must be the rows of periodLifecycle()');
  }
  rows.forEach((row: unknown, i) => {
    const fields = row as Partial<Record<string, unknown>>;
    if (typeof row !== 'object' || row === null || typeof fields.period !== 'string' || STATES.some((s) => typeof fields[s.key] !== 'number')) {
      throw new InvalidOptionError(`rows[${i}]`, row, 'must be a row of periodLifecycle()');
    }
  });
}
