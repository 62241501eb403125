/**
 * Private decimal arithmetic: a decimal.js class of our own (40 significant digits, half-even), so a
 * caller's global `Decimal.set(...)` never changes a result, and the conversion of a result into the
 * package's shared `Decimal` class.
 *
 * @module
 * @internal
 */
import { Decimal } from 'decimal.js';

/** @internal Private arithmetic context, independent of the caller's global Decimal settings. */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, minE: -9e15, maxE: 9e15 });

/** @internal Significant digits of every money value computed by a division. */
export const RESULT_DIGITS = 20;

/**
 * @internal A result for the caller: a `Decimal` of the package's shared class, rounded half-even to
 * 20 significant digits (built from its string, which the constructor never rounds).
 */
export function toMoney(value: Decimal): Decimal {
  return new Decimal(value.toSignificantDigits(RESULT_DIGITS, Decimal.ROUND_HALF_EVEN).toString());
}
