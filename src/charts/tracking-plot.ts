/**
 * `trackingPlot`: a model's expected repeat transactions against the actual ones, period by period.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import type { HoldoutEvaluation } from '../models/holdout.ts';
import { type TrackingRow, trackingSeries } from '../models/tracking.ts';
import { optionKeys } from '../option-keys.ts';
import { chartDocument } from './document.ts';
import { capitalize, count } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import { type ModelAndSummary, checkModelAndSummary } from './model-input.ts';
import { modelUnitName } from './model-units.ts';
import { type ChartOptions, resolveChartOptions } from './options.ts';
import * as Plot from '@observablehq/plot';
import { drawPlot } from './plot.ts';

/**
 * Options of {@link trackingPlot}.
 *
 * @example
 * ```ts
 * import { bgNbdModel, rfmSummary } from 'retention-metrics';
 * import { type TrackingPlotOptions, trackingPlot } from 'retention-metrics/charts';
 * const options: TrackingPlotOptions = { cumulative: false };
 * const summary = rfmSummary([{ customerId: 'a', date: '2024-01-01', amount: 5 }, { customerId: 'a', date: '2024-01-20', amount: 5 }], {
 *   calibrationEnd: '2024-02-29',
 *   unit: 'week',
 * });
 * const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * trackingPlot({ model, summary }, options).includes('Tracking: repeat transactions per period'); // => true
 * ```
 */
export interface TrackingPlotOptions extends ChartOptions {
  /** `true` (default): cumulative repeat transactions; `false`: repeat transactions per period. */
  cumulative?: boolean;
}

const KEYS = optionKeys<TrackingPlotOptions>({ title: true, subtitle: true, width: true, cumulative: true });
const ACTUAL_COLOR = '#111';
const MODEL_COLOR = '#0072B2';

/** One point of a series. */
interface TrackPoint {
  period: number;
  value: number;
  series: 'actual' | 'model';
}

/**
 * The tracking plot (as in lifetimes' `plot_cumulative_transactions` and CLVTools): the repeat
 * transactions of all customers by period of the summary's unit since the earliest first purchase —
 * actual (solid) and expected by the model (dashed: Σ E[X(t)] over the customers, each from their own
 * first purchase) — cumulative or per period. A vertical line marks the end of the calibration period
 * when the summary has a holdout: left of it the model fits, right of it it predicts.
 *
 * The first argument is the `evaluateHoldout` result (its `tracking` series), or a model with the
 * `rfmSummary` it was fitted on (with or without a holdout).
 *
 * @param input - a `HoldoutEvaluation`, or `{ model, summary }`
 * @param options - `cumulative` (default `true`), `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `input` (or its `model` or `summary`) when it is neither form,
 *   or an option that is unknown or out of range
 *
 * @example
 * ```ts
 * import { bgNbdModel, rfmSummary } from 'retention-metrics';
 * import { trackingPlot } from 'retention-metrics/charts';
 * const summary = rfmSummary(
 *   [
 *     { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
 *     { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
 *     { customerId: 'ann', date: '2024-02-19', amount: '10.00' },
 *     { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
 *   ],
 *   { calibrationEnd: '2024-02-11', holdoutEnd: '2024-03-10', unit: 'week' },
 * );
 * const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * trackingPlot({ model, summary }).includes('Holdout'); // => true
 * ```
 */
export function trackingPlot(input: HoldoutEvaluation | ModelAndSummary, options?: TrackingPlotOptions): string {
  const { rows, unitDays } = trackingRows(input);
  const settings = resolveChartOptions(options, KEYS);
  const cumulative = cumulativeOption(options?.cumulative);
  const document = chartDocument();
  const units = modelUnitName(unitDays, true);
  const title = settings.title ?? (cumulative ? 'Tracking: cumulative repeat transactions' : 'Tracking: repeat transactions per period');
  const subtitle = settings.subtitle ?? `Actual and expected by the model, by ${modelUnitName(unitDays, false)} since the earliest first purchase`;
  if (rows.length === 0) return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No periods to show.'] });
  const points: TrackPoint[] = rows.flatMap((row) => [
    { period: row.period, value: cumulative ? row.actualCumulative : row.actual, series: 'actual' as const },
    { period: row.period, value: cumulative ? row.expectedCumulative : row.expected, series: 'model' as const },
  ]);
  // Points sit at the ends of their periods: the boundary is the end of the last period that ends by
  // the calibration end (the end of the calibration itself when the periods are aligned with it).
  const holdout = rows.find((row) => row.holdout);
  const boundary = holdout === undefined ? [] : [holdout.period - 1];
  const plot = drawPlot(document, {
    width: settings.width,
    height: 360,
    marginLeft: 64,
    marginRight: 20,
    x: { type: 'linear', domain: [0, rows[rows.length - 1].period], label: `${capitalize(units)} since the earliest first purchase`, labelAnchor: 'center', labelArrow: 'none' },
    y: { type: 'linear', zero: true, nice: true, label: cumulative ? 'Repeat transactions, cumulative' : 'Repeat transactions', labelArrow: 'none', grid: true, tickFormat: (v: number) => count(v) },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(boundary, { stroke: '#666', strokeDasharray: '2,3', className: 'rm-calibration-end' }),
      Plot.text(boundary, { x: (b: number) => b, frameAnchor: 'top', text: () => 'Calibration | Holdout', dy: 4, fill: '#444', className: 'rm-calibration-label' }),
      Plot.line(points.filter((p) => p.series === 'actual'), { x: 'period', y: 'value', stroke: ACTUAL_COLOR, strokeWidth: 2, className: 'rm-actual' }),
      Plot.line(points.filter((p) => p.series === 'model'), { x: 'period', y: 'value', stroke: MODEL_COLOR, strokeWidth: 2, strokeDasharray: '6,4', className: 'rm-model' }),
    ],
  });
  const legend: Swatch[] = [
    { label: 'Actual', color: ACTUAL_COLOR, line: true },
    { label: 'Model (expected)', color: MODEL_COLOR, line: true, dashed: true },
  ];
  const last = rows[rows.length - 1];
  const note = `Through ${last.lastDay}: ${count(Math.round(last.actualCumulative))} actual, ${count(Math.round(last.expectedCumulative * 10) / 10)} expected repeat transactions.`;
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes: [note] });
}

/** The tracking rows and the days of their period, from either form of the input. */
function trackingRows(input: unknown): { rows: readonly TrackingRow[]; unitDays: number | null } {
  if (typeof input === 'object' && input !== null && Array.isArray((input as { tracking?: unknown }).tracking)) {
    const rows = (input as HoldoutEvaluation).tracking;
    return { rows, unitDays: rowDays(rows) };
  }
  const { checked, summary } = checkModelAndSummary(input, 'input');
  return { rows: trackingSeries(checked, summary), unitDays: summary.unitDays };
}

/** Days per period of a tracking series: between the last days of its first two periods (unknown with one). */
function rowDays(rows: readonly TrackingRow[]): number | null {
  if (rows.length < 2) return null;
  const days = (Date.parse(rows[1].lastDay) - Date.parse(rows[0].lastDay)) / 86_400_000;
  return Number.isInteger(days) && days > 0 ? days : null;
}

function cumulativeOption(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') throw new InvalidOptionError('cumulative', value, `${describeValue(value)} is not true or false`);
  return value;
}
