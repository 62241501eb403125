/**
 * Unknown option keys and near-miss names.
 *
 * In JavaScript a misspelt option (`timezone` for `timeZone`) would otherwise be ignored and the call
 * would answer a different question without a word. Every entry point passes its options object
 * through {@link checkOptionKeys} once, before reading it.
 *
 * @module
 * @internal
 */
import { closestName } from './closest-name.ts';
import { InvalidOptionError, describeValue } from './errors.ts';

/** @internal `" (did you mean `x`?)"` when a close valid name exists, else `""`. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const closest = closestName(name, candidates);
  return closest === undefined ? '' : ` (did you mean \`${closest}\`?)`;
}

/**
 * @internal Check that an options argument is `undefined` or a plain object whose own keys are all
 * known, and return it typed as an object.
 *
 * Keys whose value is `undefined` are checked too: `{ timezone: undefined }` is as much a slip as
 * `{ timezone: 'Europe/Berlin' }`.
 *
 * @param options - what the caller passed
 * @param known - the valid keys
 * @param prefix - how the options object is named in messages, e.g. `'fields.'` for a nested object
 * @returns `options`, or an empty object for `undefined`
 * @throws {@link InvalidOptionError} naming the first unknown key and the closest valid one, or when
 *   `options` is not an object
 */
export function checkOptionKeys<T extends object>(options: T | undefined, known: readonly string[], prefix = ''): T | Record<string, never> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const name = prefix === '' ? 'options' : prefix.slice(0, -1);
    throw new InvalidOptionError(name, options, `${describeValue(options)} is not an options object`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const listed = known.length === 0 ? 'no options are accepted here' : `the options are ${known.map((k) => `\`${k}\``).join(', ')}`;
      throw new InvalidOptionError(`${prefix}${key}`, (options as Record<string, unknown>)[key], `unknown option${didYouMean(key, known)}; ${listed}`);
    }
  }
  return options;
}

/**
 * @internal The keys of an options type, listed once in an object the compiler checks against the
 * type: a key missing from `spec`, or one the type does not have, is a type error. This keeps each
 * entry point's list of valid keys in step with its documented options.
 *
 * @param spec - every key of `T` mapped to `true`
 * @returns the keys, for {@link checkOptionKeys}
 */
export function optionKeys<T extends object>(spec: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.freeze(Object.keys(spec));
}
