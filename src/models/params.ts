/**
 * Checking parameters handed to the model loaders.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { didYouMean } from '../option-keys.ts';

/**
 * Smallest parameter a model accepts: the fits report an estimate below it as a maximum on the
 * boundary, and the predictions are only checked down to it.
 */
export const PARAM_MIN = 1e-6;
/** Largest parameter a model accepts (the fits' boundary on the other side). */
export const PARAM_MAX = 1e6;

/**
 * The saved object `input` stands for: `input.toJSON()` when it has that method (a fit or a model),
 * else `input`; `undefined` when that is not a saved `{ model, params, … }` object.
 *
 * @param model - the expected model tag
 * @param input - parameters or saved model
 * @param savedKeys - the keys a saved model may have besides `model` and `params`
 * @returns the saved object, or `undefined` for bare parameters
 * @throws {@link InvalidOptionError} for a saved model of another kind or with an unknown key
 * @internal
 */
export function savedForm(model: string, input: unknown, savedKeys: readonly string[] = []): Readonly<Record<string, unknown>> | undefined {
  let source: unknown = input;
  if (typeof input === 'object' && input !== null && typeof (input as { toJSON?: unknown }).toJSON === 'function') {
    source = (input as { toJSON: () => unknown }).toJSON();
  }
  if (typeof source !== 'object' || source === null || !('model' in source)) return undefined;
  const saved = source as Readonly<Record<string, unknown>>;
  if (saved.model !== model) throw new InvalidOptionError('model', saved.model, `expected a saved "${model}" model, not ${describeValue(saved.model)}`);
  refuseUnknown(saved, ['model', 'params', ...savedKeys], '', 'key of a saved model');
  return saved;
}

/**
 * Read the parameters `names` from `input`: either the parameters themselves or a saved
 * `{ model, params, … }` object produced by a model's `toJSON()` (an object with a `toJSON` method,
 * such as a fit, is read through it). Each parameter must be a number in
 * [{@link PARAM_MIN}, {@link PARAM_MAX}]; unknown keys are refused, so a misspelt parameter or a
 * field of another format does not pass unnoticed.
 *
 * @param model - the expected model tag
 * @param names - parameter names
 * @param input - parameters or saved model
 * @param savedKeys - the keys a saved model may have besides `model` and `params`
 * @returns the parameters as a plain object
 * @throws {@link InvalidOptionError} for a missing parameter, one outside the range, an unknown key,
 *   or a saved model of another kind
 * @internal
 */
export function readParams<K extends string>(model: string, names: readonly K[], input: unknown, savedKeys: readonly string[] = []): Record<K, number> {
  const saved = savedForm(model, input, savedKeys);
  const source = saved === undefined ? input : saved.params;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new InvalidOptionError('params', source, `${describeValue(source)} is not an object with ${names.join(', ')}`);
  }
  const values = source as Readonly<Record<string, unknown>>;
  refuseUnknown(values, names, 'params.', 'parameter');
  const params = {} as Record<K, number>;
  for (const name of names) {
    const v = values[name];
    if (typeof v !== 'number' || !(v >= PARAM_MIN && v <= PARAM_MAX)) {
      throw new InvalidOptionError(`params.${name}`, v, `${describeValue(v)} is not a number in [1e-6, 1e6]`);
    }
    params[name] = v;
  }
  return params;
}

function refuseUnknown(object: Readonly<Record<string, unknown>>, known: readonly string[], prefix: string, what: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      throw new InvalidOptionError(`${prefix}${key}`, object[key], `unknown ${what}${didYouMean(key, known)}; expected ${known.join(', ')}`);
    }
  }
}

/**
 * Check a scalar argument of a prediction function.
 *
 * @param name - argument name for the message
 * @param value - the value
 * @param min - smallest allowed value
 * @param integer - whether it must be an integer
 * @throws {@link InvalidOptionError} when the value is not finite, below `min`, or not an integer
 * @internal
 */
export function checkArg(name: string, value: number, min: number, integer = false): void {
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new InvalidOptionError(name, value, `must be ${integer ? 'an integer' : 'a finite number'} ≥ ${min}`);
  }
}
