/**
 * Holdout evaluation of a transaction model, as data: predicted vs actual holdout transactions per
 * customer and by calibration frequency, the cumulative tracking series of the papers, and errors.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import type { CustomerId } from '../input/types.ts';
import { type TransactionModel, checkedTransactionModel } from './checked-model.ts';
import { columnsLength, describeEntry } from './columns.ts';
import { checkRow } from './customer-columns.ts';
import { type HoldoutOptions, resolveHoldoutOptions } from './prediction-options.ts';
import type { RfmSummary } from './rfm-summary.ts';
import { type TrackingRow, trackingSeries } from './tracking.ts';

export type { TrackingRow } from './tracking.ts';
export type { HoldoutOptions } from './prediction-options.ts';

/** One customer in {@link HoldoutEvaluation.customers}. */
export interface HoldoutCustomer {
  /** The customer's id. */
  readonly customerId: CustomerId;
  /** Repeat transactions in the calibration period. */
  readonly x: number;
  /** E[Y(holdout length) | x, tx, T]. */
  readonly predicted: number;
  /** Transaction days in the holdout period. */
  readonly actual: number;
}

/** Customers grouped by calibration frequency x. */
export interface HoldoutFrequencyRow {
  /** `'0'`, `'1'`, …, and `'7+'` for the last group. */
  readonly frequency: string;
  /** Customers in the group. */
  readonly customers: number;
  /** Mean predicted holdout transactions. */
  readonly meanPredicted: number;
  /** Mean actual holdout transactions. */
  readonly meanActual: number;
}

/** The result of {@link evaluateHoldout}. */
export interface HoldoutEvaluation {
  /** Holdout length in the summary's unit. */
  readonly holdoutLength: number;
  /** Per customer, in summary order. */
  readonly customers: HoldoutCustomer[];
  /** By calibration frequency 0, 1, …, `maxFrequency`+. */
  readonly byFrequency: HoldoutFrequencyRow[];
  /** Per period of the summary's unit, over calibration and holdout. */
  readonly tracking: TrackingRow[];
  /** Σ predicted (conditional expectations). */
  readonly predictedTotal: number;
  /** Σ actual holdout transactions. */
  readonly actualTotal: number;
  /** `(predictedTotal − actualTotal) ÷ actualTotal`, `null` when nothing was bought in the holdout. */
  readonly aggregateError: number | null;
  /** Unconditional expectation of the holdout repeat transactions: `Σᵢ E[X(Tᵢ + h)] − E[X(Tᵢ)]`. */
  readonly trackingHoldoutTotal: number;
  /** Mean absolute error per customer. */
  readonly mae: number;
  /** Root mean squared error per customer. */
  readonly rmse: number;
}

const HOLDOUT_COLUMNS = { required: ['ids', 'x', 'tx', 'T', 'holdout', 'firstDay'], optional: [] };

/**
 * Compare a model's predictions with what customers did in the holdout period.
 *
 * - Per customer: predicted `E[Y(h) | x, tx, T]` (h = holdout length) vs actual holdout transaction days;
 *   MAE and RMSE over customers; aggregate error of the totals.
 * - By calibration frequency: mean predicted vs mean actual for x = 0, 1, …, 7+.
 * - Tracking (the papers' cumulative plot): for each period of the summary's unit counted from the
 *   earliest first purchase, expected cumulative = `Σᵢ E[X(tᵢ)]` with `tᵢ` = (period's last day − the
 *   customer's first day) ÷ unit (0 before the first day), the same day convention as T; actual = repeat
 *   transaction days up to the period's last day.
 *
 * @param model - a transaction model fitted on the summary's calibration data
 * @param summary - an `rfmSummary` made with `holdoutEnd`
 * @param options - `maxFrequency` (default 7, at most 10,000)
 * @returns the evaluation as plain data
 * @throws {@link InvalidOptionError} for an unknown option, something that is not a model or an
 *   `rfmSummary`, a summary without a holdout or in another unit than the model, `maxFrequency` not an
 *   integer in [1, 10,000], an impossible row, or a model answer out of range
 *
 * @example
 * ```ts
 * import { bgNbdModel, evaluateHoldout, rfmSummary } from 'retention-metrics';
 * const s = rfmSummary(
 *   [
 *     { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
 *     { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
 *     { customerId: 'ann', date: '2024-02-19', amount: '10.00' },
 *     { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
 *   ],
 *   { calibrationEnd: '2024-02-11', holdoutEnd: '2024-03-10', unit: 'week' },
 * );
 * const e = evaluateHoldout(bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), s);
 * e.actualTotal; // => 1
 * e.predictedTotal; // => 0.382
 * e.tracking.length; // => 10
 * e.tracking.at(-1)?.actualCumulative; // => 2
 * ```
 */
export function evaluateHoldout(model: TransactionModel, summary: RfmSummary, options: HoldoutOptions = {}): HoldoutEvaluation {
  const { maxFrequency: maxF } = resolveHoldoutOptions(options);
  if (typeof summary !== 'object' || summary === null) throw new InvalidOptionError('summary', summary, `${describeValue(summary)} is not an rfmSummary`);
  const h = summary.holdoutLength;
  const hold = summary.holdout;
  if (h === null || hold === null) throw new InvalidOptionError('summary', summary.holdoutEnd, 'has no holdout period: make it with rfmSummary(data, { holdoutEnd })');
  const n = columnsLength(summary, HOLDOUT_COLUMNS, (column, value, reason) => {
    throw new InvalidOptionError(`summary.${column}`, value, reason);
  });
  const checked = checkedTransactionModel(model, { name: 'model', historyUnitDays: summary.unitDays });
  const customers = new Array<HoldoutCustomer>(n);
  const groupN = new Float64Array(maxF + 1);
  const groupP = new Float64Array(maxF + 1);
  const groupA = new Float64Array(maxF + 1);
  let predictedTotal = 0;
  let actualTotal = 0;
  let abs = 0;
  let sq = 0;
  let trackingHoldoutTotal = 0;
  for (let i = 0; i < n; i++) {
    checkRow(summary, i, false);
    const x = summary.x[i] as number;
    const tx = summary.tx[i] as number;
    const T = summary.T[i] as number;
    const predicted = checked.conditionalExpectedTransactions(h, x, tx, T);
    const actual = hold[i];
    if (!(typeof actual === 'number' && actual >= 0 && actual < Number.POSITIVE_INFINITY)) {
      throw new InvalidOptionError(`summary.holdout[${i}]`, actual, `${describeEntry(actual)} is not a count of holdout transaction days`);
    }
    customers[i] = { customerId: summary.ids[i], x, predicted, actual };
    const g = Math.min(x, maxF);
    groupN[g] = groupN[g] + 1;
    groupP[g] = groupP[g] + predicted;
    groupA[g] = groupA[g] + actual;
    predictedTotal += predicted;
    actualTotal += actual;
    abs += Math.abs(predicted - actual);
    sq += (predicted - actual) * (predicted - actual);
    trackingHoldoutTotal += checked.expectedTransactions(T + h) - checked.expectedTransactions(T);
  }
  const byFrequency: HoldoutFrequencyRow[] = [];
  for (let g = 0; g <= maxF; g++) {
    const c = groupN[g];
    byFrequency.push({
      frequency: g === maxF ? `${g}+` : String(g),
      customers: c,
      meanPredicted: c > 0 ? groupP[g] / c : 0,
      meanActual: c > 0 ? groupA[g] / c : 0,
    });
  }
  return {
    holdoutLength: h,
    customers,
    byFrequency,
    tracking: trackingSeries(checked, summary),
    predictedTotal,
    actualTotal,
    aggregateError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : null,
    trackingHoldoutTotal,
    mae: n > 0 ? abs / n : 0,
    rmse: n > 0 ? Math.sqrt(sq / n) : 0,
  };
}
