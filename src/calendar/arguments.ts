/**
 * Checks of the numeric arguments of the public calendar functions, so that a string, a fraction or
 * `NaN` is an error rather than a silently wrong day (`daysFromCivil(2024, '2', 1)` would otherwise
 * concatenate instead of add).
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { MAX_EPOCH_MS } from './offset.ts';

/** @internal Largest |year| the calendar functions take (beyond the years a `Date` can hold). */
export const MAX_YEAR = 300_000;

/** @internal Largest |day number| the calendar functions take: every day of ±{@link MAX_YEAR} years. */
export const MAX_DAY = 110_000_000;

/**
 * @internal Check an integer argument within `[min, max]`.
 * @throws {@link InvalidOptionError} naming `name` otherwise
 */
export function integerArgument(name: string, value: unknown, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new InvalidOptionError(name, value, `${describeValue(value)} is not an integer from ${min} to ${max}`);
}

/**
 * @internal Check an instant argument: epoch milliseconds a `Date` can hold.
 * @throws {@link InvalidOptionError} naming `name` otherwise
 */
export function instantArgument(name: string, value: unknown): number {
  if (typeof value === 'number' && value >= -MAX_EPOCH_MS && value <= MAX_EPOCH_MS) return value;
  throw new InvalidOptionError(name, value, `${describeValue(value)} is not an instant a Date can hold (epoch milliseconds)`);
}
