/**
 * Fixed RFM cut points: their validation, and scores from them.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { toMinorUnits } from '../input/money.ts';
import { countBelow } from './order-statistics.ts';
import type { RfmCuts } from './rfm-types.ts';

const CUT_KEYS = optionKeys<RfmCuts>({ recency: true, frequency: true, monetary: true });

/** Validated cut points, `null` per dimension scored by rank; money in minor units. @internal */
export interface ResolvedCuts {
  readonly recency: Float64Array | null;
  readonly frequency: Float64Array | null;
  readonly monetaryMinor: Float64Array | null;
}

/**
 * @internal Check the `cuts` option of `rfm`: per dimension given, an array of exactly `bins − 1`
 * finite values ≥ 0 in strictly ascending order (so at most 99: `bins` is at most 100).
 *
 * @param value - the option
 * @param bins - the number of scores
 * @param currencyDigits - decimal digits of the ledger's currency, to read monetary cuts
 * @returns the cuts, money in minor units
 * @throws {@link InvalidOptionError} naming the dimension and the offending cut
 */
export function resolveCuts(value: RfmCuts | undefined, bins: number, currencyDigits: number): ResolvedCuts {
  const cuts = checkOptionKeys(value, CUT_KEYS, 'cuts.');
  const number = (x: unknown): number => (typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN);
  const money = (x: unknown): number => toMinorUnits(x, currencyDigits);
  return {
    recency: cutList('cuts.recency', cuts.recency, bins, number, 'a finite number of days ≥ 0'),
    frequency: cutList('cuts.frequency', cuts.frequency, bins, number, 'a finite number of orders ≥ 0'),
    monetaryMinor: cutList('cuts.monetary', cuts.monetary, bins, money, `an amount ≥ 0 with at most ${currencyDigits} decimals`),
  };
}

function cutList(option: string, value: unknown, bins: number, read: (x: unknown) => number, what: string): Float64Array | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) throw new InvalidOptionError(option, value, `must be an array of ${bins - 1} ascending cut points`);
  if (value.length !== bins - 1) {
    throw new InvalidOptionError(
      option,
      value,
      `has ${value.length} cut points; ${bins} scores take ${bins - 1} (the last value of every score but the last)`,
    );
  }
  const out = new Float64Array(value.length);
  // An index loop, not forEach: a hole in a sparse array is read as `undefined` and refused.
  for (let i = 0; i < value.length; i++) {
    const cut: unknown = value[i];
    const x = read(cut);
    if (!(x >= 0)) throw new InvalidOptionError(`${option}[${i}]`, cut, `${describeValue(cut)} is not ${what}`);
    if (i > 0 && !(x > out[i - 1])) {
      throw new InvalidOptionError(`${option}[${i}]`, cut, `cut points must be strictly ascending (${describeValue(cut)} is not above ${describeValue(value[i - 1])})`);
    }
    out[i] = x;
  }
  return out;
}

/**
 * @internal Scores 1…bins from fixed cut points: `1 + #{ c ∈ cuts : c < v }`, so each cut is the last
 * value of its score; with `descending` (recency, smaller is better) the score is reversed,
 * `bins − #{ c : c < v }`.
 *
 * @param values - finite values (not modified)
 * @param cuts - `bins − 1` strictly ascending cut points
 * @param descending - whether smaller values get higher scores
 * @returns the score of each value
 */
export function scoresByCuts(values: Float64Array, cuts: Float64Array, descending: boolean): Uint8Array {
  const scores = new Uint8Array(values.length);
  const top = cuts.length + 1;
  for (let i = 0; i < values.length; i++) {
    const below = countBelow(cuts, values[i]);
    scores[i] = descending ? top - below : 1 + below;
  }
  return scores;
}
