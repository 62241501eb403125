/**
 * The saved form of a fitted model, the time unit a transaction model carries, and checks shared by
 * the prediction functions.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { MAX_TRANSACTIONS } from './limits.ts';
import { checkArg, readParams, savedForm } from './params.ts';
import { type ModelTimeUnit, unitDays, unitName, unitOfDays } from './time-unit.ts';

/** What a model's `toJSON()` returns: enough to score customers with no data. */
export interface SavedModel<M extends string, P> {
  /** Model tag, e.g. `'gamma-gamma'`. */
  readonly model: M;
  /** The parameters. */
  readonly params: P;
}

/**
 * The saved form of a transaction model (BG/NBD, Pareto/NBD): its rate parameters are per a time
 * unit, which it carries so that scoring can refuse histories measured in another one.
 */
export interface SavedTransactionModel<M extends string, P> extends SavedModel<M, P> {
  /**
   * The time unit of the summary the model was fitted on (`'day'`, `'week'` or `{ days: n }`), or
   * `null` when it is not known: a fit on columns that do not say their unit, or a model saved before
   * models carried one.
   */
  readonly unit: ModelTimeUnit | null;
}

/** What the transaction model loaders accept: a saved model, with or without its `unit`. */
export type SavedTransactionInput<M extends string, P> = SavedModel<M, P> & { readonly unit?: ModelTimeUnit | null };

/** Options of the transaction model loaders (`bgNbdModel`, `paretoNbdModel`) and of their fits. */
export interface TransactionModelOptions {
  /**
   * The time unit the parameters are per (`'day'`, `'week'` or `{ days: n }`). Needed only when the
   * saved model or the summary does not carry it; when both give one they must agree.
   */
  readonly unit?: ModelTimeUnit;
}

const MODEL_OPTION_KEYS = optionKeys<TransactionModelOptions>({ unit: true });

export type { TransactionFitOptions } from './fit-options.ts';

/**
 * Read a transaction model's parameters and time unit.
 *
 * @param model - the model tag
 * @param names - the parameter names
 * @param input - parameters, or a saved model (with or without `unit`)
 * @param options - the loader's options
 * @returns the parameters and the unit (`null` when neither the input nor the options give one)
 * @throws {@link InvalidOptionError} for bad parameters, an unknown option or key, a bad unit, or a
 *   `unit` option that contradicts the saved one
 * @internal
 */
export function readTransactionModel<K extends string>(
  model: string,
  names: readonly K[],
  input: unknown,
  options: TransactionModelOptions | undefined,
): { readonly params: Record<K, number>; readonly unit: ModelTimeUnit | null } {
  const opts = checkOptionKeys(options, MODEL_OPTION_KEYS);
  const params = readParams(model, names, input, ['unit']);
  const savedUnit = savedForm(model, input, ['unit'])?.unit;
  const saved = savedUnit === undefined || savedUnit === null ? null : unitDays(savedUnit as ModelTimeUnit, 'unit');
  const given = opts.unit === undefined ? null : unitDays(opts.unit, 'unit');
  if (saved !== null && given !== null && saved !== given) {
    throw new InvalidOptionError('unit', opts.unit, `the saved model is in ${unitName(saved)}, not ${unitName(given)}`);
  }
  const days = saved ?? given;
  return { params, unit: days === null ? null : unitOfDays(days) };
}

/**
 * Whether `(x, tx, T)` is a possible history: the test {@link checkCustomer} makes, without building
 * the names its messages need (it runs once per customer scored).
 *
 * @param x - repeat transactions
 * @param tx - recency
 * @param T - age
 * @returns `true` when `checkCustomer` would accept the triple
 * @internal
 */
export function isPossibleHistory(x: unknown, tx: unknown, T: unknown): boolean {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_TRANSACTIONS && Number.isFinite(T) && (T as number) > 0 && typeof tx === 'number' && tx >= 0 && tx <= (T as number);
}

/**
 * Check one customer's `(x, tx, T)` for a prediction.
 *
 * @param x - repeat transactions (integer in [0, {@link MAX_TRANSACTIONS}])
 * @param tx - recency, `0 ≤ tx ≤ T` (0 when `x = 0`)
 * @param T - age (> 0)
 * @param prefix - how the history is named in messages (e.g. `'customer.'`)
 * @throws {@link InvalidOptionError} when the triple is impossible or `x` is past the cap
 * @internal
 */
export function checkCustomer(x: number, tx: number, T: number, prefix = ''): void {
  if (isPossibleHistory(x, tx, T)) return;
  checkArg(`${prefix}x`, x, 0, true);
  if (x > MAX_TRANSACTIONS) throw new InvalidOptionError(`${prefix}x`, x, `${x} repeat transactions is past the limit of ${MAX_TRANSACTIONS}`);
  checkArg(`${prefix}T`, T, 0);
  if (!(T > 0)) throw new InvalidOptionError(`${prefix}T`, T, 'must be > 0');
  checkArg(`${prefix}tx`, tx, 0);
  if (tx > T) throw new InvalidOptionError(`${prefix}tx`, tx, `must be ≤ T (${T})`);
}
