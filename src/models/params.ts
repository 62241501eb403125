/**
 * Checking parameters handed to the model loaders.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';

/**
 * Read positive finite parameters `names` from `params` (either the parameters themselves or a saved
 * `{ model, params }` object produced by a model's `toJSON()`).
 *
 * @param model - the expected model tag
 * @param names - parameter names
 * @param input - parameters or saved model
 * @returns the parameters as a plain object
 * @throws {@link InvalidOptionError} for a missing, non-finite or non-positive parameter, or a saved
 *   model of another kind
 * @internal
 */
export function readParams<K extends string>(model: string, names: readonly K[], input: unknown): Record<K, number> {
  let source: unknown = input;
  if (typeof input === 'object' && input !== null && 'model' in input) {
    const tagged = input as { model: unknown; params?: unknown };
    if (tagged.model !== model) throw new InvalidOptionError('model', tagged.model, `expected a saved "${model}" model`);
    source = tagged.params;
  }
  if (typeof source !== 'object' || source === null) throw new InvalidOptionError('params', source, `expected an object with ${names.join(', ')}`);
  const out = {} as Record<K, number>;
  for (const name of names) {
    const v = (source as Record<string, unknown>)[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      throw new InvalidOptionError(`params.${name}`, v, 'must be a positive finite number');
    }
    out[name] = v;
  }
  return out;
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
