/**
 * Predictive CLV: discounted expected transactions (BG/NBD or Pareto/NBD) × expected spend
 * (Gamma-Gamma) × margin, per customer and in total.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { Money } from '../input/exact.ts';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { discountOption, marginOption } from '../input/option-values.ts';
import type { CustomerId } from '../input/types.ts';
import { type SpendModel, type TransactionModel, checkedSpendModel, checkedTransactionModel } from './checked-model.ts';
import { type CustomerColumns, type CustomerHistory, checkColumns, historyAt, readHistory } from './customer-columns.ts';

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

/** Every option of {@link predictiveClv}, for the check of unknown keys. */
type PredictiveClvOptions = PredictiveClvBase & { summary?: CustomerColumns; customer?: CustomerHistory };

const PREDICTIVE_CLV_KEYS = optionKeys<PredictiveClvOptions>({
  transactionModel: true,
  spendModel: true,
  horizon: true,
  discountRate: true,
  period: true,
  margin: true,
  summary: true,
  customer: true,
});

interface Resolved {
  readonly model: ReturnType<typeof checkedTransactionModel>;
  readonly spend: SpendModel;
  readonly horizon: number;
  readonly period: number;
  readonly factors: Float64Array;
  readonly margin: number;
}

function resolve(options: PredictiveClvBase, unitDays: number | undefined): Resolved {
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
  const model = checkedTransactionModel(options.transactionModel, 'transactionModel', unitDays);
  return { model, spend: checkedSpendModel(options.spendModel, 'spendModel'), horizon, period, factors, margin };
}

function one(r: Resolved, id: CustomerId | null, x: number, tx: number, T: number, zbar: number): PredictiveClvCustomer {
  let prev = 0;
  let discounted = 0;
  const k = r.factors.length;
  for (let j = 1; j <= k; j++) {
    const t = j === k ? r.horizon : j * r.period;
    const e = r.model.conditionalExpectedTransactions(t, x, tx, T);
    discounted += (e - prev) * r.factors[j - 1];
    prev = e;
  }
  const expectedSpend = r.spend.conditionalExpectedSpend(x, zbar);
  return {
    customerId: id,
    expectedTransactions: prev,
    discountedTransactions: discounted,
    expectedSpend,
    clv: new Money(discounted * expectedSpend * r.margin),
  };
}

/**
 * Predictive customer lifetime value over a finite horizon (docs/definitions.md, "Customer lifetime value").
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
 * Every value the models return is checked (a `NaN`, a negative count or an infinite spend throws,
 * named by the model method), and a summary that says its unit (`unitDays`) must be in the
 * transaction model's unit when the model has one.
 *
 * @throws {@link InvalidOptionError} for an unknown option, both or neither of `summary` and
 *   `customer`, something that is not a model, a history or an object of columns, a bad horizon,
 *   period, discount rate (≤ −1), margin (> 1), columns of different lengths, a summary in another unit
 *   than the model, an impossible history, or a model answer out of range
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
  options: PredictiveClvOptions,
): PredictiveClvReport | PredictiveClvCustomer {
  const opts = checkOptionKeys(options, PREDICTIVE_CLV_KEYS);
  const { summary, customer } = opts;
  if (customer !== undefined && summary !== undefined) throw new InvalidOptionError('customer', customer, 'give a summary or a customer, not both');
  if (customer !== undefined) {
    const c = readHistory(customer, 'customer', true);
    return one(resolve(opts as PredictiveClvBase, undefined), null, c.x, c.tx, c.T, c.zbar);
  }
  if (summary === undefined) throw new InvalidOptionError('summary', undefined, 'give a summary or a customer');
  const n = checkColumns(summary, true);
  const r = resolve(opts as PredictiveClvBase, summary.unitDays);
  const customers = new Array<PredictiveClvCustomer>(n);
  let total = 0;
  let expected = 0;
  for (let i = 0; i < n; i++) {
    const h = historyAt(summary, i, true);
    const row = one(r, summary.ids === undefined ? i : summary.ids[i], h.x, h.tx, h.T, h.zbar);
    customers[i] = row;
    total += row.discountedTransactions * row.expectedSpend * r.margin;
    expected += row.expectedTransactions;
  }
  return { customers, total: new Money(total), expectedTransactions: expected };
}
