/**
 * `frequencyHistogram`: customers by number of repeat transactions, actual and expected by the model.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { optionKeys } from '../option-keys.ts';
import { chartDocument } from './document.ts';
import { count } from './format.ts';
import { type Swatch, frame } from './frame.ts';
import { type ModelAndSummary, checkModelAndSummary } from './model-input.ts';
import { type ChartOptions, resolveChartOptions, wholeOption } from './options.ts';
import { Plot, drawPlot } from './plot.ts';

/**
 * Options of {@link frequencyHistogram}.
 *
 * @example
 * ```ts
 * import { bgNbdModel, rfmSummary } from 'retention-metrics';
 * import { type FrequencyHistogramOptions, frequencyHistogram } from 'retention-metrics/charts';
 * const options: FrequencyHistogramOptions = { maxFrequency: 10 };
 * const summary = rfmSummary([{ customerId: 'a', date: '2024-01-01', amount: 5 }], { calibrationEnd: '2024-02-29', unit: 'week' });
 * const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * frequencyHistogram({ model, summary }, options).includes('10+'); // => true
 * ```
 */
export interface FrequencyHistogramOptions extends ChartOptions {
  /** The last bar counts this many repeat transactions or more: 1–100 (default 7). */
  maxFrequency?: number;
}

const KEYS = optionKeys<FrequencyHistogramOptions>({ title: true, subtitle: true, width: true, maxFrequency: true });
const SERIES = [
  { key: 'actual', label: 'Actual', color: '#111' },
  { key: 'model', label: 'Model (expected)', color: '#0072B2' },
] as const;

/** One bar. */
interface FrequencyBar {
  frequency: string;
  series: 'actual' | 'model';
  customers: number;
  tip: string;
}

/**
 * The frequency histogram (as lifetimes' `plot_period_transactions`): the number of customers with 0, 1,
 * 2, … repeat transactions in the calibration period — actual, from the summary's `x`, beside the
 * number the model expects: Σ over the customers of P(X(Tᵢ) = n), each at their own age Tᵢ, the last
 * bar being "`maxFrequency` or more". A good fit has the pairs of bars alike.
 *
 * @param input - `{ model, summary }`: a BG/NBD or Pareto/NBD model and the `rfmSummary` it was fitted on
 * @param options - `maxFrequency` (default 7), `title`, `subtitle`, `width`
 * @returns the chart's markup: one self-contained `<svg>` element
 * @throws {@link InvalidOptionError} naming `input` (or its `model` or `summary`) when it is not a model
 *   with its summary, the model's `probabilityOfTransactions` when it answers out of range, or an option
 *   that is unknown or out of range
 *
 * @example
 * ```ts
 * import { bgNbdModel, rfmSummary } from 'retention-metrics';
 * import { frequencyHistogram } from 'retention-metrics/charts';
 * const summary = rfmSummary(
 *   [
 *     { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
 *     { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
 *     { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
 *   ],
 *   { calibrationEnd: '2024-03-31', unit: 'week' },
 * );
 * const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * frequencyHistogram({ model, summary }, { maxFrequency: 3 }).includes('3+'); // => true
 * ```
 */
export function frequencyHistogram(input: ModelAndSummary, options?: FrequencyHistogramOptions): string {
  const { model, summary } = checkModelAndSummary(input, 'input');
  if (typeof model.probabilityOfTransactions !== 'function') {
    throw new InvalidOptionError('input.model.probabilityOfTransactions', model.probabilityOfTransactions, 'is not a function: the model must be a BG/NBD or Pareto/NBD model');
  }
  const settings = resolveChartOptions(options, KEYS);
  const maxFrequency = wholeOption('maxFrequency', options?.maxFrequency, 7, 1, 100);
  const document = chartDocument();
  const title = settings.title ?? 'Customers by number of repeat transactions';
  const subtitle = settings.subtitle ?? 'Repeat transactions in the calibration period: actual, and expected by the model';
  const n = summary.x.length;
  if (n === 0) return frame({ document, width: settings.width, title, subtitle, legend: null, plot: null, notes: ['No customers to show.'] });
  const actual = new Array<number>(maxFrequency + 1).fill(0);
  for (let i = 0; i < n; i++) actual[Math.min(summary.x[i], maxFrequency)]++;
  const expected = expectedCounts(model, summary.T, maxFrequency);
  const labels = actual.map((_, k) => (k === maxFrequency ? `${k}+` : String(k)));
  const bars: FrequencyBar[] = labels.flatMap((frequency, k) => [
    { frequency, series: 'actual' as const, customers: actual[k], tip: `${frequency}: ${count(actual[k])} customers` },
    { frequency, series: 'model' as const, customers: expected[k], tip: `${frequency}: ${count(Math.round(expected[k] * 10) / 10)} customers expected` },
  ]);
  const plot = drawPlot(document, {
    width: settings.width,
    height: 360,
    marginLeft: 64,
    marginBottom: 40,
    fx: { domain: labels, label: 'Repeat transactions in the calibration period', labelAnchor: 'center', padding: 0.15 },
    x: { type: 'band', domain: SERIES.map((s) => s.key), axis: null, padding: 0.05 },
    y: { type: 'linear', zero: true, nice: true, label: 'Customers', labelArrow: 'none', grid: true, tickFormat: (v: number) => count(v) },
    color: { type: 'ordinal', domain: SERIES.map((s) => s.key), range: SERIES.map((s) => s.color) },
    marks: [Plot.barY(bars, { fx: 'frequency', x: 'series', y: 'customers', fill: 'series', title: 'tip', className: 'rm-frequency-bar' }), Plot.ruleY([0])],
  });
  const legend: Swatch[] = SERIES.map((s) => ({ label: s.label, color: s.color }));
  return frame({ document, width: settings.width, title, subtitle, legend, plot, notes: [`${count(n)} customers.`] });
}

/** Σᵢ P(X(Tᵢ) = k) for k < max, and the rest for "max or more"; each distinct age computed once. */
function expectedCounts(model: ModelAndSummary['model'], ages: Float64Array, max: number): number[] {
  const perAge = new Map<number, number>();
  for (const T of ages) perAge.set(T, (perAge.get(T) ?? 0) + 1);
  const expected = new Array<number>(max + 1).fill(0);
  for (const [T, customers] of perAge) {
    let below = 0;
    for (let k = 0; k < max; k++) {
      const p = model.probabilityOfTransactions(k, T);
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidOptionError('input.model.probabilityOfTransactions', p, `${describeValue(p)} for n = ${k}, t = ${T}: a probability must be a number in [0, 1]`);
      }
      expected[k] += customers * p;
      below += p;
    }
    // The tail is what the first bars leave, never below 0 by rounding.
    expected[max] += customers * Math.max(0, 1 - below);
  }
  return expected;
}
