/**
 * The saved form of a fitted model and checks shared by the prediction functions.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { checkArg } from './params.ts';

/** What a model's `toJSON()` returns: enough to score customers with no data. */
export interface SavedModel<M extends string, P> {
  /** Model tag, e.g. `'bg-nbd'`. */
  readonly model: M;
  /** The parameters. */
  readonly params: P;
}

/**
 * Check one customer's `(x, tx, T)` for a prediction.
 *
 * @param x - repeat transactions (integer ≥ 0)
 * @param tx - recency, `0 ≤ tx ≤ T` (0 when `x = 0`)
 * @param T - age (> 0)
 * @throws {@link InvalidOptionError} when the triple is impossible
 * @internal
 */
export function checkCustomer(x: number, tx: number, T: number): void {
  checkArg('x', x, 0, true);
  checkArg('T', T, 0);
  if (!(T > 0)) throw new InvalidOptionError('T', T, 'must be > 0');
  checkArg('tx', tx, 0);
  if (tx > T) throw new InvalidOptionError('tx', tx, `must be ≤ T (${T})`);
}
