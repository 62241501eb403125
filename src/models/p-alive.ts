/**
 * P(alive) as a function of a customer, for the dormancy segments: looked up by id in a summary, or
 * computed from a history in days for a model fitted in any unit.
 *
 * @module
 */
import { InvalidOptionError, RetentionError, describeValue } from '../errors.ts';
import type { CustomerId } from '../input/types.ts';
import { type TransactionModel, checkedTransactionModel } from './checked-model.ts';
import { type CustomerColumns, checkColumns, checkRow } from './customer-columns.ts';
import { type PAliveScorerOptions, resolvePAliveScorerOptions } from './prediction-options.ts';
import { checkCustomer } from './saved.ts';
import { type ModelTimeUnit, unitDays } from './time-unit.ts';

export type { PAliveScorerOptions } from './prediction-options.ts';

/**
 * The key of an id in the scorer's table: a string, tagged by the id's type (`1` and `"1"` differ).
 * Engines hash string keys with a per-process random seed but may hash number keys without one, so
 * ids chosen to collide could otherwise make every look-up walk all of them.
 */
function lookupKey(id: unknown): string {
  return typeof id === 'number' ? `n${id}` : `s${String(id)}`;
}

/**
 * A function from customer id (or any object with an `id`, such as dormancy's `AliveInput`) to the
 * model's P(alive) at the summary's calibration end. Looks ids up in a `Map` built once.
 *
 * @param model - a transaction model fitted in the summary's time unit
 * @param summary - an `RfmSummary` (or columns with `ids`)
 * @param options - `missing`: the probability for ids not in the summary
 * @returns `(customer) => probability`
 * @throws {@link InvalidOptionError} for an unknown option, something that is not a model or an object
 *   of columns, a summary without ids or in another unit than the model, an impossible row, a model
 *   answer outside [0, 1], or `missing` not in [0, 1]; the returned function throws a
 *   {@link RetentionError} for an unknown id unless `missing` is set
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
  const { missing } = resolvePAliveScorerOptions(options);
  const n = checkColumns(summary, false);
  const ids = summary.ids;
  if (ids === undefined) throw new InvalidOptionError('summary.ids', undefined, 'are required to look customers up');
  const checked = checkedTransactionModel(model, { name: 'model', historyUnitDays: summary.unitDays });
  const p = new Float64Array(n);
  const row = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    checkRow(summary, i, false);
    p[i] = checked.pAlive(summary.x[i] as number, summary.tx[i] as number, summary.T[i] as number);
    row.set(lookupKey(ids[i]), i);
  }
  return (customer) => {
    const id = typeof customer === 'object' && customer !== null ? customer.id : customer;
    const i = row.get(lookupKey(id));
    if (i !== undefined) return p[i];
    if (missing !== null) return missing;
    throw new RetentionError(`pAliveScorer: customer ${describeValue(id)} is not in the summary`);
  };
}

/**
 * A P(alive) function over histories measured in days (`{ x, tx, T }` with tx and T in days, as
 * dormancy's `AliveInput` gives them), for a model fitted in `unit`: divides the days by the unit's
 * length. A customer with T = 0 (first order on the as-of day) is alive (1).
 *
 * @param model - a transaction model
 * @param unit - the model's time unit (`'day'`, `'week'`, `{ days: n }`); may be left out when the model
 *   carries its own `unit` (a fit on an `rfmSummary`, or a model saved with one), and must agree with it
 * @returns `(customer) => probability`
 * @throws {@link InvalidOptionError} for something that is not a model, a bad unit, a unit unlike the
 *   model's, or none at all; the function throws one for an impossible history or a model answer
 *   outside [0, 1]
 *
 * @example
 * ```ts
 * import { bgNbdModel, pAliveInDays } from 'retention-metrics';
 * const weekly = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * const alive = pAliveInDays(weekly);
 * alive({ x: 2, tx: 213, T: 272 }); // => 0.727
 * alive({ x: 0, tx: 0, T: 0 }); // => 1
 * ```
 */
export function pAliveInDays(model: TransactionModel, unit?: ModelTimeUnit): (customer: { readonly x: number; readonly tx: number; readonly T: number }) => number {
  const given = unit === undefined ? undefined : unitDays(unit);
  const checked = checkedTransactionModel(model, { name: 'model', historyUnitDays: given, historyName: 'the unit given' });
  const u = given ?? checked.unitDays;
  if (u === null) throw new InvalidOptionError('unit', unit, 'the model does not carry its time unit: pass it (e.g. pAliveInDays(model, \'week\'))');
  return (c) => {
    if (typeof c !== 'object' || c === null) throw new InvalidOptionError('customer', c, `${describeValue(c)} is not a history { x, tx, T } in days`);
    if (c.T === 0 && c.x === 0) return 1;
    checkCustomer(c.x, c.tx, c.T, 'customer.');
    return checked.pAlive(c.x, c.tx / u, c.T / u);
  };
}
