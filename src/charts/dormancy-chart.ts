/**
 * `dormancyChart`: customers per dormancy segment.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import type { DormancyReport } from '../segments/dormancy-types.ts';
import { DORMANCY_SEGMENTS, DORMANCY_SEGMENT_NAMES, type DormancySegment } from '../segments/dormancy-windows.ts';
import { chartDocument } from './document.ts';
import { count, money, moneyUnit, percent } from './format.ts';
import { frame } from './frame.ts';
import { type MoneyChartOptions, resolveMoneyOptions } from './options.ts';
import * as Plot from '@observablehq/plot';
import { drawPlot } from './plot.ts';

/** The segments' colours, from active (green) to lost (grey), Okabe–Ito. */
const COLORS: Readonly<Record<DormancySegment, string>> = { active: '#009E73', atRisk: '#E69F00', dormant: '#D55E00', lost: '#999999' };

const RULES: Readonly<Record<DormancyReport['windows'], string>> = {
  fixed: 'days since the last order',
  adaptive: 'days since the last order against each customer’s usual gap',
  probabilityAlive: 'the probability that each customer is still active',
};

/** One bar. */
interface SegmentBar {
  segment: string;
  customers: number;
  label: string;
  color: string;
}

/**
 * Customers per dormancy segment (active, at risk, dormant, lost) as horizontal bars, each labelled with
 * its customers, their share and their historical value (net revenue, in the `currency` option's
 * currency: a report does not hold it).
 *
 * A report without customers gives a chart with its title and the note "No customers to show".
 *
 * @param report - the result of `dormancy`
 * @param options - `title`, `subtitle`, `width`, `currency`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `report` when it is not the result of `dormancy`, or an
 *   option that is unknown or out of range
 *
 * @example
 * ```ts
 * import { dormancy } from 'retention-metrics';
 * import { dormancyChart } from 'retention-metrics/charts';
 * const report = dormancy(
 *   [
 *     { customerId: 'a', date: '2024-12-01', amount: '50.00' },
 *     { customerId: 'b', date: '2024-03-01', amount: '20.00' },
 *   ],
 *   { asOf: '2024-12-31' },
 * );
 * dormancyChart(report, { currency: 'USD' }).includes('At risk'); // => true
 * ```
 */
export function dormancyChart(report: DormancyReport, options?: MoneyChartOptions): string {
  expectDormancyReport(report);
  const settings = resolveMoneyOptions(options);
  const document = chartDocument();
  const total = DORMANCY_SEGMENTS.reduce((sum, s) => sum + report.segments[s].customers, 0);
  const title = settings.title ?? 'Customers by dormancy segment';
  const subtitle = settings.subtitle ?? `Segments by ${RULES[report.windows] ?? RULES.fixed}; value = net revenue to date${moneyUnit(settings.currency)}`;
  if (total === 0) return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No customers to show.'] });
  const bars: SegmentBar[] = DORMANCY_SEGMENTS.map((s) => {
    const { customers, value } = report.segments[s];
    const label = `${count(customers)} (${percent(customers / total)}) · value ${money(value)}`;
    return { segment: DORMANCY_SEGMENT_NAMES[s], customers, label, color: COLORS[s] };
  });
  const max = Math.max(...bars.map((b) => b.customers));
  const plot = drawPlot(document, {
    width: settings.width,
    height: 60 + 44 * bars.length,
    marginLeft: 70,
    // Room right of the longest bar for its label.
    marginRight: 200,
    x: { type: 'linear', domain: [0, max], label: 'Customers', labelAnchor: 'center', labelArrow: 'none', tickFormat: (v: number) => (Number.isInteger(v) ? count(v) : ''), grid: true },
    y: { type: 'band', domain: bars.map((b) => b.segment), label: null, tickSize: 0, padding: 0.25 },
    marks: [
      Plot.barX(bars, { x: 'customers', y: 'segment', fill: (b: SegmentBar) => b.color, title: 'label', className: 'rm-segment-bar' }),
      Plot.text(bars, { x: 'customers', y: 'segment', text: 'label', textAnchor: 'start', dx: 6, fill: '#111', className: 'rm-segment-label' }),
      Plot.ruleX([0]),
    ],
  });
  // The report holds its as-of instant but not its time zone, so the note names no day.
  return frame({ document, width: settings.width, title, subtitle, legend: null, plot, notes: [`${count(total)} customers.`] });
}

function expectDormancyReport(report: unknown): asserts report is DormancyReport {
  const segments = typeof report === 'object' && report !== null ? (report as { segments?: unknown }).segments : undefined;
  const ok = typeof segments === 'object' && segments !== null && DORMANCY_SEGMENTS.every((s) => {
    const total = (segments as Record<string, { customers?: unknown; value?: { toNumber?: unknown } } | undefined>)[s];
    return typeof total?.customers === 'number' && typeof total.value?.toNumber === 'function';
  });
  if (!ok) throw new InvalidOptionError('report', report, 'must be the result of dormancy()');
}
