/**
 * The customer-base summary the buy-till-you-die models are fitted on.
 *
 * @module
 */
import { InvalidInputError } from '../errors.ts';
import { columnsLength, describeEntry, inputFailure } from './columns.ts';
import { MAX_TRANSACTIONS } from './limits.ts';
import { isWholeDays } from './time-unit.ts';

/**
 * Per-customer (or per-pattern) frequency summary, as columns.
 *
 * - `x`: number of repeat transactions (transaction days after the first), an integer ≥ 0;
 * - `tx`: time from the first to the last transaction (0 when `x` is 0), `0 ≤ tx ≤ T`;
 * - `T`: time from the first transaction to the end of the calibration period, `T > 0`;
 * - `weight`: optional number of customers sharing the row (default 1 each), ≥ 0;
 * - `unitDays`: optional days per time unit of `tx` and `T` (`rfmSummary` sets it), which a fit
 *   records in the model so that scoring can refuse histories in another unit.
 *
 * Times are in any unit (days, weeks…); the fitted rate parameters are in that unit. `x` is at most
 * 1,000,000: a larger count is refused rather than sizing the fit's tables.
 */
export interface FrequencySummary {
  /** Repeat transactions per row (integers ≥ 0). */
  readonly x: ArrayLike<number>;
  /** Recency: time of the last transaction, measured from the first (0 if `x` is 0). */
  readonly tx: ArrayLike<number>;
  /** Age: time from the first transaction to the end of the calibration period. */
  readonly T: ArrayLike<number>;
  /** Number of customers each row stands for (default 1). */
  readonly weight?: ArrayLike<number>;
  /** Days per time unit of `tx` and `T`, when known (1 for days, 7 for weeks). */
  readonly unitDays?: number;
}

/** A validated summary in typed arrays, with explicit weights. */
export interface CompressedSummary {
  /** Repeat transactions per row. */
  readonly x: Float64Array;
  /** Recency per row. */
  readonly tx: Float64Array;
  /** Age per row. */
  readonly T: Float64Array;
  /** Customers per row. */
  readonly weight: Float64Array;
  /** Days per time unit of `tx` and `T`, when the input said it. */
  readonly unitDays?: number;
  /** The columns as plain arrays, so `JSON.stringify` gives arrays rather than `{"0": …}` objects. */
  toJSON(): { x: number[]; tx: number[]; T: number[]; weight: number[]; unitDays?: number };
}

const FREQUENCY_COLUMNS = { required: ['x', 'tx', 'T'], optional: ['weight'], scalars: ['unitDays'] };

/**
 * The columns of a compressed summary, as {@link compressedSummary} takes them (`unitDays` always
 * given, `undefined` when not known). @internal
 */
export type CompressedColumns = Omit<CompressedSummary, 'toJSON' | 'unitDays'> & { readonly unitDays: number | undefined };

/**
 * A compressed summary from its columns (with `toJSON`).
 *
 * @param columns - the rows' `x`, `tx`, `T` and `weight`, and `unitDays` when known
 * @returns the summary
 * @internal
 */
export function compressedSummary(columns: CompressedColumns): CompressedSummary {
  const { x, tx, T, weight, unitDays } = columns;
  const toJSON = (): ReturnType<CompressedSummary['toJSON']> => ({
    x: Array.from(x),
    tx: Array.from(tx),
    T: Array.from(T),
    weight: Array.from(weight),
    ...(unitDays === undefined ? {} : { unitDays }),
  });
  return unitDays === undefined ? { x, tx, T, weight, toJSON } : { x, tx, T, weight, unitDays, toJSON };
}

/**
 * Check a summary and return it as typed arrays with explicit weights (rows kept in order).
 *
 * @param summary - the columns to check
 * @param source - name used in error messages
 * @returns typed-array copy with `weight` filled in
 * @throws {@link InvalidInputError} when the summary is not an object of array-like columns, lengths
 *   differ, the summary is empty, `x` is not an integer in [0, 1,000,000], `tx` is outside `[0, T]`,
 *   `T` is not positive, a weight is negative or not finite, `x = 0` with `tx > 0`, or `unitDays` is
 *   not a whole number ≥ 1 (the index of the first bad row is reported)
 * @internal
 */
export function validateSummary(summary: FrequencySummary, source = 'summary'): CompressedSummary {
  const n = columnsLength(summary, FREQUENCY_COLUMNS, inputFailure(source));
  if (n === 0) throw new InvalidInputError(0, 'record', 0, 'the summary is empty', source);
  const unitDays = summary.unitDays;
  if (unitDays !== undefined && !isWholeDays(unitDays)) {
    throw new InvalidInputError(0, 'record', unitDays, `unitDays: ${describeEntry(unitDays)} is not a whole number of days ≥ 1`, source);
  }
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const weight = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const xi = summary.x[i];
    const ti = summary.tx[i];
    const Ti = summary.T[i];
    const wi = summary.weight === undefined ? 1 : summary.weight[i];
    if (typeof xi !== 'number' || !Number.isInteger(xi) || xi < 0 || xi > MAX_TRANSACTIONS) {
      throw new InvalidInputError(i, 'record', xi, `x = ${describeEntry(xi)} must be a non-negative integer (at most ${MAX_TRANSACTIONS})`, source);
    }
    if (typeof Ti !== 'number' || !Number.isFinite(Ti) || Ti <= 0) throw new InvalidInputError(i, 'record', Ti, `T = ${describeEntry(Ti)} must be a positive finite number`, source);
    if (typeof ti !== 'number' || !Number.isFinite(ti) || ti < 0 || ti > Ti) throw new InvalidInputError(i, 'record', ti, `tx = ${describeEntry(ti)} must be within [0, T = ${Ti}]`, source);
    if (xi === 0 && ti !== 0) throw new InvalidInputError(i, 'record', ti, `tx = ${ti} must be 0 when x = 0`, source);
    if (typeof wi !== 'number' || !Number.isFinite(wi) || wi < 0) throw new InvalidInputError(i, 'record', wi, `weight = ${describeEntry(wi)} must be a non-negative finite number`, source);
    x[i] = xi;
    tx[i] = ti;
    T[i] = Ti;
    weight[i] = wi;
    total += wi;
  }
  if (total <= 0) throw new InvalidInputError(0, 'record', total, 'the weights sum to 0', source);
  return compressedSummary({ x, tx, T, weight, unitDays });
}

/** Weighted totals of a compressed summary (the fits' starting values and weight). @internal */
export interface SummaryTotals {
  /** Σ weight · x. */
  readonly sumX: number;
  /** Σ weight · T. */
  readonly sumT: number;
  /** Σ weight. */
  readonly weight: number;
  /**
   * The pooled purchase rate Σ w·x ÷ Σ w·T, the scale of the transaction fits' starting points; when
   * nobody bought again, 1 ÷ max(Σ w·T, 1) instead (a rate of 0 is no starting point in log space).
   */
  readonly pooledRate: number;
}

/**
 * The weighted totals of a compressed summary.
 *
 * @param summary - validated rows
 * @returns Σ w·x, Σ w·T, Σ w and the pooled purchase rate
 * @internal
 */
export function summaryTotals(summary: CompressedSummary): SummaryTotals {
  let sumX = 0;
  let sumT = 0;
  let weight = 0;
  for (let i = 0; i < summary.x.length; i++) {
    const w = summary.weight[i];
    sumX += w * summary.x[i];
    sumT += w * summary.T[i];
    weight += w;
  }
  const pooledRate = sumX > 0 ? sumX / sumT : 1 / Math.max(sumT, 1);
  return { sumX, sumT, weight, pooledRate };
}

/**
 * Which counts `0…max(counts)` occur in a column of whole numbers ≥ 0 (validated), so that a
 * likelihood's terms that depend on the count alone are computed once per count that occurs.
 *
 * @param counts - the column
 * @returns `occurs[x] === 1` when x is in the column; its length is `max(counts) + 1`
 * @internal
 */
export function occurringCounts(counts: Float64Array): Uint8Array {
  let max = 0;
  for (let i = 0; i < counts.length; i++) max = Math.max(max, counts[i]);
  const occurs = new Uint8Array(max + 1);
  for (let i = 0; i < counts.length; i++) occurs[counts[i]] = 1;
  return occurs;
}

/**
 * Collapse identical `(x, tx, T)` rows into one row each with summed weights, so a fit costs what the
 * distinct patterns cost. Rows are returned sorted by `x`, then `tx`, then `T`; zero-weight rows are
 * dropped. The summary's `unitDays` is kept; `toJSON()` gives the columns as plain arrays.
 *
 * @param summary - per-customer columns (optionally already weighted)
 * @returns the distinct rows with their weights
 * @throws {@link InvalidInputError} for the invalid rows listed in {@link FrequencySummary}
 *
 * @example
 * ```ts
 * import { compressSummary } from 'retention-metrics';
 * const s = compressSummary({ x: [0, 2, 0], tx: [0, 5, 0], T: [10, 10, 10] });
 * s.x.length; // => 2
 * s.weight[0]; // => 2
 * ```
 */
export function compressSummary(summary: FrequencySummary): CompressedSummary {
  const v = validateSummary(summary);
  const n = v.x.length;
  if (isCompressed(v)) return v; // already distinct, sorted and weighted: nothing to do
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => (v.x[i] - v.x[j]) || (v.tx[i] - v.tx[j]) || (v.T[i] - v.T[j]));
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const wi = v.weight[i];
    if (wi === 0) continue;
    const last = x.length - 1;
    if (last >= 0 && x[last] === v.x[i] && tx[last] === v.tx[i] && T[last] === v.T[i]) {
      w[last] = w[last] + wi;
    } else {
      x.push(v.x[i]);
      tx.push(v.tx[i]);
      T.push(v.T[i]);
      w.push(wi);
    }
  }
  return compressedSummary({ x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weight: Float64Array.from(w), unitDays: v.unitDays });
}

/** Whether rows are strictly increasing by (x, tx, T) with positive weights (the output of a compression). */
function isCompressed(v: CompressedSummary): boolean {
  const n = v.x.length;
  for (let i = 0; i < n; i++) {
    if (!(v.weight[i] > 0)) return false;
    if (i === 0) continue;
    const dx = v.x[i] - v.x[i - 1];
    const dt = v.tx[i] - v.tx[i - 1];
    const dT = v.T[i] - v.T[i - 1];
    if (!(dx > 0 || (dx === 0 && (dt > 0 || (dt === 0 && dT > 0))))) return false;
  }
  return true;
}
