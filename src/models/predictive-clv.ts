/**
 * Predictive CLV: discounted expected transactions (BG/NBD or Pareto/NBD) × expected spend
 * (Gamma-Gamma) × margin, per customer and in total.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { discountOption, marginOption } from '../input/option-values.ts';
import type { CustomerId } from '../input/types.ts';
import { checkArg } from './params.ts';
import { type CustomerColumns, type CustomerHistory, type SpendModel, type TransactionModel, checkColumns } from './scoring.ts';

/** Options shared by both forms of {@link predictiveClv}. */
export interface PredictiveClvBase {
  /** The purchase model (BG/NBD or Pareto/NBD), fitted in the summary's time unit. */
  transactionModel: TransactionModel;
  /** The spend model (Gamma-Gamma). */
  spendModel: SpendModel;
  /** Horizon in the model's time unit (e.g. 52 weeks). */
  horizon: number;
  /** Discount rate per discount period (e.g. 0.01 a month); 0 for no discounting. Must be > −1. */
  discountRate: number;
  /** Length of a discount period in model units (default 1; e.g. 52/12 for months on a weekly model). */
  period?: number;
  /** Share of revenue kept as profit (default 1: the result is revenue). */
  margin?: number;
}

/** One customer's predictive CLV. */
export interface PredictiveClvCustomer {
  /** The customer's id (the row number when the columns have no ids; `null` for a single history). */
  readonly customerId: CustomerId | null;
  /** Expected transactions in the horizon, undiscounted. */
  readonly expectedTransactions: number;
  /** The same, each period's expectation discounted by (1 + d)^k. */
  readonly discountedTransactions: number;
  /** Gamma-Gamma expected value of one transaction (major units). */
  readonly expectedSpend: number;
  /** `discountedTransactions × expectedSpend × margin`, a `Decimal` in major units (not rounded). */
  readonly clv: Decimal;
}

/** The predictive CLV of every customer of a summary. */
export interface PredictiveClvReport {
  /** One row per customer, in summary order. */
  readonly customers: PredictiveClvCustomer[];
  /** Sum of the customers' CLVs. */
  readonly total: Decimal;
  /** Sum of the undiscounted expected transactions. */
  readonly expectedTransactions: number;
}

interface Resolved {
  readonly model: TransactionModel;
  readonly spend: SpendModel;
  readonly horizon: number;
  readonly period: number;
  readonly factors: Float64Array;
  readonly margin: number;
}

function resolve(options: PredictiveClvBase): Resolved {
  const horizon = options.horizon;
  if (typeof horizon !== 'number' || !Number.isFinite(horizon) || horizon <= 0) {
    throw new InvalidOptionError('horizon', horizon, `${describeValue(horizon)} is not a positive number of time units`);
  }
  const period = options.period ?? 1;
  if (typeof period !== 'number' || !Number.isFinite(period) || period <= 0) {
    throw new InvalidOptionError('period', period, `${describeValue(period)} is not a positive number of time units`);
  }
  const d = discountOption('discountRate', options.discountRate);
  const margin = options.margin === undefined ? 1 : marginOption('margin', options.margin);
  const k = Math.ceil(horizon / period - 1e-9);
  if (k > 1_000_000) throw new InvalidOptionError('period', period, `gives ${k} discount periods in the horizon (at most 1,000,000)`);
  const factors = new Float64Array(k);
  for (let j = 0; j < k; j++) factors[j] = Math.pow(1 + d, -(j + 1));
  return { model: options.transactionModel, spend: options.spendModel, horizon, period, factors, margin };
}

function one(r: Resolved, id: CustomerId | null, x: number, tx: number, T: number, zbar: number): PredictiveClvCustomer {
  let prev = 0;
  let discounted = 0;
  const k = r.factors.length;
  for (let j = 1; j <= k; j++) {
    const t = j === k ? r.horizon : j * r.period;
    const e = r.model.conditionalExpectedTransactions(t, x, tx, T);
    discounted += (e - prev) * (r.factors[j - 1] ?? 0);
    prev = e;
  }
  const expectedSpend = r.spend.conditionalExpectedSpend(x, zbar);
  return {
    customerId: id,
    expectedTransactions: prev,
    discountedTransactions: discounted,
    expectedSpend,
    clv: new Decimal(discounted * expectedSpend * r.margin),
  };
}

/**
 * Predictive customer lifetime value over a finite horizon (DESIGN "CLV", predictive).
 *
 * Discounting convention: the horizon is cut into discount periods of `period` model units
 * (default 1), the last one possibly shorter. The expected transactions of period k are
 * `E[Y(k·period) | x, tx, T] − E[Y((k−1)·period) | x, tx, T]` and are discounted by `(1 + d)^k`, as
 * if paid at the end of the period (`lifetimes`' convention). With `discountRate: 0` the result is
 * `E[Y(horizon)] × E[Z | x, zbar] × margin`. Each customer's value is
 * `margin × E[Z | x, zbar] × Σ_k ΔE_k ÷ (1 + d)^k`, returned unrounded as a `Decimal`; the total is
 * their sum.
 *
 * @param options - models, `horizon`, `discountRate`, `period`, `margin`, and either `summary`
 *   (an `RfmSummary` or columns `{ ids?, x, tx, T, zbar }`) or `customer` (`{ x, tx, T, zbar }`)
 * @returns per customer and total for a summary; one customer's value for `customer`
 * @throws {@link InvalidOptionError} for a bad horizon, period, discount rate (≤ −1), margin (> 1),
 *   columns of different lengths, or an impossible history
 *
 * @example
 * ```ts
 * import { bgNbdModel, gammaGammaModel, predictiveClv } from 'retention-metrics';
 * const transactionModel = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const spendModel = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
 * const customer = { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 };
 * predictiveClv({ transactionModel, spendModel, customer, horizon: 52, discountRate: 0 }).clv.toFixed(2); // => '38.44'
 * // a year of weeks, 1 % a month (13 four-week periods), 30 % margin
 * const c = predictiveClv({ transactionModel, spendModel, customer, horizon: 52, period: 4, discountRate: 0.01, margin: 0.3 });
 * c.clv.toFixed(2); // => '10.81'
 * const all = predictiveClv({
 *   transactionModel, spendModel, horizon: 52, discountRate: 0,
 *   summary: { ids: ['a', 'b'], x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86], zbar: [22.35, 0] },
 * });
 * all.total.toFixed(2); // => '47.32'
 * ```
 */
export function predictiveClv(options: PredictiveClvBase & { summary: CustomerColumns }): PredictiveClvReport;
export function predictiveClv(options: PredictiveClvBase & { customer: CustomerHistory }): PredictiveClvCustomer;
export function predictiveClv(
  options: PredictiveClvBase & { summary?: CustomerColumns; customer?: CustomerHistory },
): PredictiveClvReport | PredictiveClvCustomer {
  const r = resolve(options);
  if (options.customer !== undefined) {
    const c = options.customer;
    if (c.x > 0 && c.zbar === undefined) throw new InvalidOptionError('customer.zbar', undefined, 'is required when x > 0');
    const zbar = c.zbar ?? 0;
    if (c.x > 0) checkArg('customer.zbar', zbar, 0);
    return one(r, null, c.x, c.tx, c.T, zbar);
  }
  const summary = options.summary;
  if (summary === undefined) throw new InvalidOptionError('summary', undefined, 'give a summary or a customer');
  const n = checkColumns(summary, true);
  const customers = new Array<PredictiveClvCustomer>(n);
  let total = 0;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    const row = one(r, summary.ids?.[i] ?? i, summary.x[i] ?? 0, summary.tx[i] ?? 0, summary.T[i] ?? 0, summary.zbar?.[i] ?? 0);
    customers[i] = row;
    total += row.discountedTransactions * row.expectedSpend * r.margin;
    expected += row.expectedTransactions;
  }
  return { customers, total: new Decimal(total), expectedTransactions: expected };
}
