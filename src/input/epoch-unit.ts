/**
 * Numeric dates: epoch seconds, milliseconds, microseconds or nanoseconds, as numbers or `bigint`s
 * (DuckDB and Arrow hand over TIMESTAMP columns as `BigInt64Array`s of microseconds).
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';

/**
 * The unit of numeric dates (numbers and `bigint`s): `'ms'` (default), `'s'`, `'us'` (microseconds) or
 * `'ns'`. Instants are kept in whole milliseconds: finer units are rounded down to the millisecond.
 */
export type EpochUnit = 's' | 'ms' | 'us' | 'ns';

/** Milliseconds per unit, as a multiplier (`s`, `ms`) or a divisor (`us`, `ns`). */
const SCALE: Readonly<Record<EpochUnit, { readonly times: number; readonly per: number; readonly perBig: bigint }>> = {
  s: { times: 1000, per: 1, perBig: 1n },
  ms: { times: 1, per: 1, perBig: 1n },
  us: { times: 1, per: 1000, perBig: 1000n },
  ns: { times: 1, per: 1_000_000, perBig: 1_000_000n },
};

/**
 * @internal Check a `timeUnit` option.
 * @throws {@link InvalidOptionError} for anything but `'s'`, `'ms'`, `'us'`, `'ns'`
 */
export function assertEpochUnit(value: unknown): EpochUnit {
  if (value === undefined) return 'ms';
  if (value === 's' || value === 'ms' || value === 'us' || value === 'ns') return value;
  throw new InvalidOptionError('timeUnit', value, `${describeValue(value)} is not a unit of numeric dates ('s', 'ms', 'us' or 'ns')`);
}

/**
 * @internal Epoch milliseconds of a numeric date in `unit` (rounded down to the millisecond for `us` and
 * `ns`), or `NaN` when it is not finite. Range checks are the caller's.
 */
export function numberToEpochMs(value: number, unit: EpochUnit): number {
  if (unit === 'ms') return value;
  const scale = SCALE[unit];
  return scale.per === 1 ? value * scale.times : Math.floor(value / scale.per);
}

/** @internal Epoch milliseconds of a `bigint` date in `unit`, rounded down to the millisecond. */
export function bigintToEpochMs(value: bigint, unit: EpochUnit): number {
  const scale = SCALE[unit];
  if (scale.per === 1) return Number(value) * scale.times;
  const quotient = value / scale.perBig;
  // bigint division truncates toward zero: step down for a negative value with a remainder.
  return Number(value < 0n && quotient * scale.perBig !== value ? quotient - 1n : quotient);
}
