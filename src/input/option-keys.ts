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
import { InvalidOptionError, describeValue } from '../errors.ts';

/**
 * @internal The candidate closest to `name`, or `undefined` when none is close enough to be a
 * plausible slip (an edit distance, ignoring case, of at most a third of the longer name, and at
 * least 1; a candidate equal but for case always qualifies).
 *
 * @param name - what the caller wrote
 * @param candidates - the valid names
 * @returns the valid name most like `name`, or `undefined`
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const limit = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
    if (Math.abs(other.length - lower.length) > limit) continue;
    const distance = editDistance(lower, other, limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping
 * early once every alignment exceeds `limit`. Names are short, so the quadratic table is small.
 */
function editDistance(a: string, b: string, limit: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? Infinity) + 1, (current[j - 1] ?? Infinity) + 1, (previous[j - 1] ?? Infinity) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? Infinity) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? Infinity;
}

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
