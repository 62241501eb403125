/**
 * Scoring customers with a fitted (or saved) model, without a ledger: one customer from four numbers,
 * every customer of a summary, and the P(alive) functions that the dormancy segments accept.
 *
 * @module
 */
import type { CustomerId } from '../input/types.ts';
import { type CheckedTransactionModel, type TransactionModel, checkedTransactionModel } from './checked-model.ts';
import { type CustomerColumns, type CustomerHistory, checkColumns, historyAt, readHistory } from './customer-columns.ts';
import { type ScoreOptions, type ScoreSettings, resolveScoreOptions } from './prediction-options.ts';

export type { TransactionModel, SpendModel } from './checked-model.ts';
export type { CustomerHistory, CustomerColumns } from './customer-columns.ts';
export type { ScoreOptions } from './prediction-options.ts';
export { pAliveScorer, pAliveInDays, type PAliveScorerOptions } from './p-alive.ts';

/** The scores of one customer. */
export interface CustomerScore {
  /** P(alive) now (at T). */
  readonly pAlive: number;
  /** Expected transactions in the next `horizon` units. */
  readonly expectedTransactions: number;
  /** Expected value of one future transaction (major units), or `null` without a spend model. */
  readonly expectedSpend: number | null;
  /** `expectedTransactions × expectedSpend` (undiscounted, no margin), or `null` without a spend model. */
  readonly expectedValue: number | null;
}

/** One customer's scores under the settings (the history already checked). */
function score(model: CheckedTransactionModel, settings: ScoreSettings, history: Required<CustomerHistory>): CustomerScore {
  const { horizon, spend } = settings;
  const { x, tx, T, zbar } = history;
  const expectedTransactions = model.conditionalExpectedTransactions(horizon, x, tx, T);
  const expectedSpend = spend === null ? null : spend.conditionalExpectedSpend(x, zbar);
  return {
    pAlive: model.pAlive(x, tx, T),
    expectedTransactions,
    expectedSpend,
    expectedValue: expectedSpend === null ? null : expectedTransactions * expectedSpend,
  };
}

/**
 * Score one customer from their history and a model (fitted, or loaded from saved parameters): the
 * checkout-time call. Values are plain numbers (model expectations, not amounts of money booked).
 *
 * The history is taken to be in the model's time unit (a model's `unit` says which; there is nothing
 * on four numbers to check it against). Every value the models return is checked, so a model written
 * by the caller that answers `NaN`, a negative count or a probability outside [0, 1] throws instead of
 * becoming a score.
 *
 * @param model - a transaction model (e.g. `bgNbdModel(saved)`)
 * @param customer - `{ x, tx, T, zbar? }` in the model's time unit (x at most 1,000,000)
 * @param options - `horizon` (model units) and an optional `spendModel`
 * @returns P(alive), expected transactions in the horizon, expected spend and value (or `null`)
 * @throws {@link InvalidOptionError} for an unknown option, something that is not a model or a
 *   history, an impossible history, a non-positive horizon, or a model answer out of range (named by
 *   the model method, e.g. `model.pAlive`)
 *
 * @example
 * ```ts
 * import { bgNbdModel, gammaGammaModel, scoreCustomer } from 'retention-metrics';
 * const purchases = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const spend = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
 * const s = scoreCustomer(purchases, { x: 2, tx: 30.43, T: 38.86, zbar: 22.35 }, { horizon: 52, spendModel: spend });
 * s.pAlive; // => 0.727
 * s.expectedTransactions; // => 1.559
 * s.expectedValue; // => 38.44
 * ```
 */
export function scoreCustomer(model: TransactionModel, customer: CustomerHistory, options: ScoreOptions): CustomerScore {
  const settings = resolveScoreOptions(options);
  const checked = checkedTransactionModel(model, { name: 'model' });
  return score(checked, settings, readHistory(customer, 'customer', settings.spend !== null));
}

/** One row of {@link scoreCustomers}. */
export interface CustomerScoreRow extends CustomerScore {
  /** The customer's id (the row number when the columns have no ids). */
  readonly customerId: CustomerId;
  /** Repeat transactions. */
  readonly x: number;
  /** Recency. */
  readonly tx: number;
  /** Age. */
  readonly T: number;
}

/**
 * Score every customer of a summary (rows in summary order; sort them as needed).
 *
 * A summary that says its unit (`unitDays`, as `rfmSummary` does) must be in the model's unit when the
 * model has one: a weekly model is never applied to days.
 *
 * @param model - a transaction model
 * @param summary - an `RfmSummary` or columns `{ ids?, x, tx, T, zbar?, unitDays? }`
 * @param options - `horizon` and an optional `spendModel` (then `zbar` is required)
 * @returns one row per customer
 * @throws {@link InvalidOptionError} for an unknown option, a bad horizon, something that is not a
 *   model or an object of columns, columns of different lengths, a summary in another unit than the
 *   model, a missing `zbar` with a spend model, an impossible row, or a model answer out of range
 *
 * @example
 * ```ts
 * import { bgNbdModel, scoreCustomers } from 'retention-metrics';
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const rows = scoreCustomers(m, { ids: ['a', 'b'], x: [2, 2], tx: [30.43, 5], T: [38.86, 38.86] }, { horizon: 39 });
 * rows.map((r) => r.customerId); // => ['a', 'b']
 * rows[1]?.pAlive; // => 0.124
 * ```
 */
export function scoreCustomers(model: TransactionModel, summary: CustomerColumns, options: ScoreOptions): CustomerScoreRow[] {
  const settings = resolveScoreOptions(options);
  const needZbar = settings.spend !== null;
  const n = checkColumns(summary, needZbar);
  const checked = checkedTransactionModel(model, { name: 'model', historyUnitDays: summary.unitDays });
  const out = new Array<CustomerScoreRow>(n);
  for (let i = 0; i < n; i++) {
    const history = historyAt(summary, i, needZbar);
    out[i] = { customerId: summary.ids === undefined ? i : summary.ids[i], x: history.x, tx: history.tx, T: history.T, ...score(checked, settings, history) };
  }
  return out;
}
