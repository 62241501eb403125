/**
 * Private decimal arithmetic: a decimal.js class of our own (40 significant digits, half-even), so a
 * caller's global `Decimal.set(...)` never changes a result, and the class results are made with.
 *
 * @module
 * @internal
 */
import { Decimal } from 'decimal.js';

/** @internal Private arithmetic context, independent of the caller's global Decimal settings. */
export const Exact = Decimal.clone({ defaults: true, precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/**
 * @internal The class of every `Decimal` the library returns: decimal.js with its default settings,
 * whatever the caller set with `Decimal.set(...)` (a `maxE: 3` would otherwise turn a result above 9999
 * into `Infinity`). decimal.js classes share one prototype, so its values are `instanceof Decimal` and
 * `Decimal.isDecimal` holds; arithmetic on them runs with the default settings too.
 */
export const Money = Decimal.clone({ defaults: true });

/** @internal Significant digits of every money value computed by a division. */
export const RESULT_DIGITS = 20;

/**
 * @internal A result for the caller: a {@link Money} value rounded half-even to 20 significant digits
 * (built from its string, which the constructor never rounds).
 */
export function toMoney(value: Decimal): Decimal {
  return new Money(value.toSignificantDigits(RESULT_DIGITS, Decimal.ROUND_HALF_EVEN).toString());
}
