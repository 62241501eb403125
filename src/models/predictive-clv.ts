/**
 * Predictive CLV: discounted expected transactions (BG/NBD or Pareto/NBD) × expected spend
 * (Gamma-Gamma) × margin, per customer and in total.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { Money } from '../input/exact.ts';
import type { CustomerId } from '../input/types.ts';
import { type CustomerColumns, type CustomerHistory, historyAt } from './customer-columns.ts';
import { type ClvSettings, type PredictiveClvBase, type PredictiveClvOptions, resolveClvOptions } from './prediction-options.ts';

export type { PredictiveClvBase } from './prediction-options.ts';

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

/** One customer's value under the settings (the history already checked). */
function customerValue(settings: ClvSettings, customerId: CustomerId | null, history: Required<CustomerHistory>): PredictiveClvCustomer {
  const { model, spend, horizon, period, discountFactors, margin } = settings;
  const { x, tx, T, zbar } = history;
  const k = discountFactors.length;
  let previous = 0;
  let discounted = 0;
  for (let j = 1; j <= k; j++) {
    const t = j === k ? horizon : j * period;
    const e = model.conditionalExpectedTransactions(t, x, tx, T);
    discounted += (e - previous) * discountFactors[j - 1];
    previous = e;
  }
  const expectedSpend = spend.conditionalExpectedSpend(x, zbar);
  return {
    customerId,
    expectedTransactions: previous,
    discountedTransactions: discounted,
    expectedSpend,
    clv: new Money(discounted * expectedSpend * margin),
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
export function predictiveClv(options: PredictiveClvOptions): PredictiveClvReport | PredictiveClvCustomer {
  const settings = resolveClvOptions(options);
  const { input } = settings;
  if ('customer' in input) return customerValue(settings, null, input.customer);
  const { summary, rows } = input;
  const customers = new Array<PredictiveClvCustomer>(rows);
  let total = 0;
  let expected = 0;
  for (let i = 0; i < rows; i++) {
    const row = customerValue(settings, summary.ids === undefined ? i : summary.ids[i], historyAt(summary, i, true));
    customers[i] = row;
    total += row.discountedTransactions * row.expectedSpend * settings.margin;
    expected += row.expectedTransactions;
  }
  return { customers, total: new Money(total), expectedTransactions: expected };
}
