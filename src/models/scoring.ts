/**
 * Scoring customers with a fitted (or saved) model, without a ledger: one customer from four numbers,
 * every customer of a summary, and the P(alive) functions that the dormancy segments accept.
 *
 * @module
 */
import { InvalidOptionError, RetentionError, describeValue } from '../errors.ts';
import type { FrequencySummary } from './summary.ts';
import type { CustomerId } from '../input/types.ts';
import { checkArg } from './params.ts';
import { type ModelTimeUnit, unitDays } from './time-unit.ts';

/** What the scoring, CLV and holdout functions need of a transaction model (BG/NBD or Pareto/NBD). */
export interface TransactionModel {
  /** P(alive at T | x, tx, T). */
  pAlive(x: number, tx: number, T: number): number;
  /** E[X(t)] for a new customer. */
  expectedTransactions(t: number): number;
  /** E[Y(t) | x, tx, T]. */
  conditionalExpectedTransactions(t: number, x: number, tx: number, T: number): number;
}

/** What the scoring and CLV functions need of a spend model (Gamma-Gamma). */
export interface SpendModel {
  /** E[Z | x, zbar]: expected value of a future transaction. */
  conditionalExpectedSpend(x: number, zbar: number): number;
}

/** One customer's history in the model's time unit (`zbar` = mean repeat value, major units). */
export interface CustomerHistory {
  /** Repeat transactions. */
  readonly x: number;
  /** Recency. */
  readonly tx: number;
  /** Age. */
  readonly T: number;
  /** Mean value of the repeat transactions (needed for a spend prediction when x > 0). */
  readonly zbar?: number;
}

/** Columns of customers: an `RfmSummary`, or any `{ x, tx, T }` (with `ids`, `zbar` where needed). */
export interface CustomerColumns extends Omit<FrequencySummary, 'weight'> {
  /** Customer ids (default: row numbers). */
  readonly ids?: readonly CustomerId[];
  /** Mean repeat value (major units). */
  readonly zbar?: ArrayLike<number>;
}

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

/** Options of {@link scoreCustomer} and {@link scoreCustomers}. */
export interface ScoreOptions {
  /** Prediction horizon in the model's time unit (> 0). */
  horizon: number;
  /** Optional spend model for the value columns. */
  spendModel?: SpendModel;
}

function horizonOf(options: ScoreOptions): number {
  const h = options.horizon;
  if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0) throw new InvalidOptionError('horizon', h, `${describeValue(h)} is not a positive number of time units`);
  return h;
}

function score(model: TransactionModel, spend: SpendModel | undefined, horizon: number, x: number, tx: number, T: number, zbar: number): CustomerScore {
  const expectedTransactions = model.conditionalExpectedTransactions(horizon, x, tx, T);
  const expectedSpend = spend === undefined ? null : spend.conditionalExpectedSpend(x, zbar);
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
 * @param model - a transaction model (e.g. `bgNbdModel(saved)`)
 * @param customer - `{ x, tx, T, zbar? }` in the model's time unit
 * @param options - `horizon` (model units) and an optional `spendModel`
 * @returns P(alive), expected transactions in the horizon, expected spend and value (or `null`)
 * @throws {@link InvalidOptionError} for an impossible history or a non-positive horizon
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
  const horizon = horizonOf(options);
  const zbar = customer.zbar ?? 0;
  if (options.spendModel !== undefined && customer.x > 0) {
    if (customer.zbar === undefined) throw new InvalidOptionError('customer.zbar', undefined, 'is required with a spend model when x > 0');
    checkArg('zbar', zbar, 0);
  }
  return score(model, options.spendModel, horizon, customer.x, customer.tx, customer.T, zbar);
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
 * @param model - a transaction model
 * @param summary - an `RfmSummary` or columns `{ ids?, x, tx, T, zbar? }`
 * @param options - `horizon` and an optional `spendModel` (then `zbar` is required)
 * @returns one row per customer
 * @throws {@link InvalidOptionError} for a bad horizon, columns of different lengths, a missing
 *   `zbar` with a spend model, or an impossible row
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
  const horizon = horizonOf(options);
  const n = checkColumns(summary, options.spendModel !== undefined);
  const out = new Array<CustomerScoreRow>(n);
  for (let i = 0; i < n; i++) {
    const x = summary.x[i] ?? 0;
    const tx = summary.tx[i] ?? 0;
    const T = summary.T[i] ?? 0;
    const s = score(model, options.spendModel, horizon, x, tx, T, summary.zbar?.[i] ?? 0);
    out[i] = { customerId: summary.ids?.[i] ?? i, x, tx, T, ...s };
  }
  return out;
}

/**
 * Check that the columns have one length (and `zbar` when needed).
 *
 * @returns the number of rows
 * @throws {@link InvalidOptionError} otherwise
 * @internal
 */
export function checkColumns(summary: CustomerColumns, needZbar: boolean): number {
  const n = summary.x.length;
  const lengths: [string, number | undefined][] = [
    ['tx', summary.tx.length],
    ['T', summary.T.length],
    ['ids', summary.ids?.length],
    ['zbar', summary.zbar?.length],
  ];
  for (const [name, len] of lengths) {
    if (len !== undefined && len !== n) throw new InvalidOptionError(`summary.${name}`, len, `has ${len} rows, x has ${n}`);
  }
  if (needZbar && summary.zbar === undefined) throw new InvalidOptionError('summary.zbar', undefined, 'is required with a spend model');
  return n;
}

/** Options of {@link pAliveScorer}. */
export interface PAliveScorerOptions {
  /** Probability returned for an id that is not in the summary (default: throw a `RetentionError`). */
  missing?: number;
}

/**
 * A function from customer id (or any object with an `id`, such as dormancy's `AliveInput`) to the
 * model's P(alive) at the summary's calibration end. Looks ids up in a `Map` built once.
 *
 * @param model - a transaction model fitted in the summary's time unit
 * @param summary - an `RfmSummary` (or columns with `ids`)
 * @param options - `missing`: the probability for ids not in the summary
 * @returns `(customer) => probability`
 * @throws {@link InvalidOptionError} when the summary has no ids or `missing` is not in [0, 1]; the
 *   returned function throws a {@link RetentionError} for an unknown id unless `missing` is set
 *
 * @example
 * ```ts
 * import { bgNbdModel, pAliveScorer } from 'retention-metrics';
 * const m = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const alive = pAliveScorer(m, { ids: ['a', 'b'], x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86] }, { missing: 1 });
 * alive('a'); // => 0.727
 * alive({ id: 'b' }); // => 1
 * alive('nobody'); // => 1
 * ```
 */
export function pAliveScorer(
  model: TransactionModel,
  summary: CustomerColumns,
  options: PAliveScorerOptions = {},
): (customer: CustomerId | { readonly id: CustomerId }) => number {
  const ids = summary.ids;
  if (ids === undefined) throw new InvalidOptionError('summary.ids', undefined, 'are required to look customers up');
  const n = checkColumns(summary, false);
  const missing = options.missing;
  if (missing !== undefined && !(missing >= 0 && missing <= 1)) throw new InvalidOptionError('missing', missing, `${describeValue(missing)} is not a probability`);
  const p = new Float64Array(n);
  const row = new Map<CustomerId, number>();
  for (let i = 0; i < n; i++) {
    p[i] = model.pAlive(summary.x[i] ?? 0, summary.tx[i] ?? 0, summary.T[i] ?? 0);
    row.set(ids[i] ?? i, i);
  }
  return (customer) => {
    const id = typeof customer === 'object' ? customer.id : customer;
    const i = row.get(id);
    if (i !== undefined) return p[i] ?? 0;
    if (missing !== undefined) return missing;
    throw new RetentionError(`pAliveScorer: customer ${describeValue(id)} is not in the summary`);
  };
}

/**
 * A P(alive) function over histories measured in days (`{ x, tx, T }` with tx and T in days, as
 * dormancy's `AliveInput` gives them), for a model fitted in `unit`: divides the days by the unit's
 * length. A customer with T = 0 (first order on the as-of day) is alive (1).
 *
 * @param model - a transaction model
 * @param unit - the model's time unit (`'day'`, `'week'`, `{ days: n }`)
 * @returns `(customer) => probability`
 * @throws {@link InvalidOptionError} for a bad unit; the function throws one for an impossible history
 *
 * @example
 * ```ts
 * import { bgNbdModel, pAliveInDays } from 'retention-metrics';
 * const weekly = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const alive = pAliveInDays(weekly, 'week');
 * alive({ x: 2, tx: 213, T: 272 }); // => 0.727
 * alive({ x: 0, tx: 0, T: 0 }); // => 1
 * ```
 */
export function pAliveInDays(model: TransactionModel, unit: ModelTimeUnit): (customer: { readonly x: number; readonly tx: number; readonly T: number }) => number {
  const u = unitDays(unit);
  return (c) => (c.T === 0 && c.x === 0 ? 1 : model.pAlive(c.x, c.tx / u, c.T / u));
}
