/**
 * `pAliveMatrix`: the probability that a customer is alive, by frequency and recency, for a fitted model.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkedTransactionModel } from '../models/checked-model.ts';
import type { BgNbdModel } from '../models/bg-nbd.ts';
import type { ParetoNbdModel } from '../models/pareto-nbd.ts';
import type { RfmSummary } from '../models/rfm-summary.ts';
import { optionKeys } from '../option-keys.ts';
import { chartDocument } from './document.ts';
import { capitalize, percent, percentTick, thinTicks } from './format.ts';
import { frame } from './frame.ts';
import { modelUnitName } from './model-units.ts';
import { type ChartOptions, resolveChartOptions, wholeOption } from './options.ts';
import { Plot, drawLegend, drawPlot } from './plot.ts';

/**
 * Options of {@link pAliveMatrix}.
 *
 * @example
 * ```ts
 * import { paretoNbdModel } from 'retention-metrics';
 * import { type PAliveMatrixOptions, pAliveMatrix } from 'retention-metrics/charts';
 * const options: PAliveMatrixOptions = { age: 52, maxFrequency: 15 };
 * const model = paretoNbdModel({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, { unit: 'week' });
 * pAliveMatrix(model, options).includes('52 weeks after their first purchase'); // => true
 * ```
 */
export interface PAliveMatrixOptions extends ChartOptions {
  /**
   * The customers' age T (time from the first purchase to the end of observation) in the model's time
   * unit, a number > 0: the matrix is P(alive | x, tx, T) for this T. Default: the largest T of `summary`.
   */
  age?: number;
  /**
   * The highest frequency (repeat purchases) shown, 1–100. Default: the 99th percentile of `summary`'s x
   * (at least 1, at most 100), else 20.
   */
  maxFrequency?: number;
  /** The `rfmSummary` the model was fitted on, for the defaults of `age` and `maxFrequency`. */
  summary?: RfmSummary;
}

const KEYS = optionKeys<PAliveMatrixOptions>({ title: true, subtitle: true, width: true, age: true, maxFrequency: true, summary: true });
/** Columns of recency at most: finer steps do not change what the picture says. */
const MAX_COLUMNS = 40;
const BINS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/** One cell. */
interface AliveCell {
  x: string;
  tx: string;
  p: number;
  tip: string;
}

/**
 * The P(alive) matrix (as lifetimes' `plot_probability_alive_matrix`): for customers of age T, the
 * probability that one with x repeat purchases (up) and recency tx — the time from the first to the
 * last purchase (across) — is still alive, by the model. Customers who bought recently are alive
 * whatever their frequency; for frequent buyers a long silence means a likely dropout. A customer
 * without repeat purchases has recency 0, so the bottom row is one cell. The colours are ten bins of
 * 10 % on the viridis scale (colour-blind safe; dark = likely gone).
 *
 * @param model - a BG/NBD or Pareto/NBD model (`fitBgNbd`, `bgNbdModel`, `fitParetoNbd`, `paretoNbdModel`)
 * @param options - `age` or `summary` (required: one of them), `maxFrequency`, `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `model` when it is not a transaction model or answers out of
 *   range, `age` when neither it nor `summary` is given or it is not a number > 0, or another option
 *   that is unknown or out of range
 *
 * @example
 * ```ts
 * import { bgNbdModel } from 'retention-metrics';
 * import { pAliveMatrix } from 'retention-metrics/charts';
 * const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * pAliveMatrix(model, { age: 39, maxFrequency: 10 }).includes('Recency (weeks from the first to the last purchase)'); // => true
 * ```
 */
export function pAliveMatrix(model: BgNbdModel | ParetoNbdModel, options: PAliveMatrixOptions): string {
  const checked = checkedTransactionModel(model, { name: 'model' });
  const settings = resolveChartOptions(options, KEYS);
  const { age, maxFrequency } = gridSize(options ?? {});
  const document = chartDocument();
  const unit = checked.unitDays;
  const columns = Math.min(MAX_COLUMNS, Math.max(2, Math.floor(age) + 1));
  const recencies = Array.from({ length: columns }, (_, j) => (age * j) / (columns - 1));
  // Three significant digits keep the columns' labels apart for any age > 0.
  const label = (tx: number): string => String(Number(tx.toPrecision(3)));
  const cells: AliveCell[] = [];
  for (let x = 0; x <= maxFrequency; x++) {
    for (const tx of x === 0 ? [0] : recencies) {
      const p = checked.pAlive(x, tx, age);
      cells.push({ x: String(x), tx: label(tx), p, tip: `x = ${x}, tx = ${label(tx)}: P(alive) ${percent(p)}` });
    }
  }
  const frequencies = Array.from({ length: maxFrequency + 1 }, (_, x) => String(maxFrequency - x));
  const txLabels = recencies.map(label);
  const color = { type: 'threshold', domain: BINS, scheme: 'viridis' } as const;
  const units = modelUnitName(unit, true);
  const plot = drawPlot(document, {
    width: settings.width,
    height: Math.min(640, Math.max(240, 40 + 16 * (maxFrequency + 1))),
    marginLeft: 56,
    marginBottom: 40,
    padding: 0,
    x: { type: 'band', domain: txLabels, label: `Recency (${units} from the first to the last purchase)`, labelAnchor: 'center', ticks: thinTicks(txLabels, settings.width - 76, 32), tickSize: 0 },
    y: { type: 'band', domain: frequencies, label: 'Frequency (repeat purchases)', labelAnchor: 'top', ticks: thinTicks(frequencies, 600, 16), tickSize: 0 },
    color,
    marks: [Plot.cell(cells, { x: 'tx', y: 'x', fill: 'p', title: 'tip', className: 'rm-alive-cell' })],
  });
  const legend = drawLegend(document, { ...color, label: 'Probability alive', tickFormat: percentTick }, Math.min(360, settings.width - 16));
  const title = settings.title ?? 'Probability that a customer is alive';
  const subtitle = settings.subtitle ?? `By frequency and recency, for customers ${formatAge(age)} ${units} after their first purchase (${modelName(model)})`;
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes: [`${capitalize(units)}: the model's time unit.`] });
}

function modelName(model: { model?: unknown }): string {
  return model.model === 'pareto-nbd' ? 'Pareto/NBD' : model.model === 'bg-nbd' ? 'BG/NBD' : 'the model';
}

function formatAge(age: number): string {
  return String(Math.round(age * 10) / 10);
}

/** The age and highest frequency: the options', else the summary's. */
function gridSize(options: PAliveMatrixOptions): { age: number; maxFrequency: number } {
  const summary = options.summary;
  if (summary !== undefined && (typeof summary !== 'object' || summary === null || !(summary.T instanceof Float64Array) || !(summary.x instanceof Uint32Array))) {
    throw new InvalidOptionError('summary', summary, 'must be the result of rfmSummary()');
  }
  let age: unknown = options.age;
  if (age === undefined) {
    if (summary === undefined) throw new InvalidOptionError('age', age, 'is required without a summary: the customers’ age T in the model’s time unit');
    age = summary.T.reduce((m, t) => Math.max(m, t), 0);
  }
  if (typeof age !== 'number' || !(age > 0) || !Number.isFinite(age)) {
    throw new InvalidOptionError('age', age, `${describeValue(age)} is not a number > 0 (the customers’ age in the model’s time unit)`);
  }
  return { age, maxFrequency: wholeOption('maxFrequency', options.maxFrequency, summary === undefined ? 20 : typicalMaxFrequency(summary.x), 1, 100) };
}

/**
 * The frequency below which 99 % of the customers are (at least 1, at most 100): the few heaviest
 * buyers would otherwise stretch the matrix into rows no customer is near.
 */
function typicalMaxFrequency(x: Uint32Array): number {
  if (x.length === 0) return 1;
  const sorted = Float64Array.from(x).sort();
  return Math.max(1, Math.min(100, sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))]));
}
