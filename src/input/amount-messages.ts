/**
 * Why an amount was refused, in a sentence a person can act on.
 *
 * @module
 * @internal
 */
import { Decimal } from 'decimal.js';
import { describeValue } from '../errors.ts';
import { Exact } from './exact.ts';
import { fromMinorUnits } from './minor-decimal.ts';
import { type AmountRounding, DECIMAL_SYNTAX, MAX_EXACT_MINOR, ROUNDING_MODES } from './money.ts';

/**
 * Why {@link toMinorUnits} rejected `value` — a sentence a person can act on.
 *
 * @param value - the rejected amount
 * @param digits - the currency's decimal digits
 * @param rounding - the rounding the amount was read with, if any
 * @returns e.g. `"12,50" is not a number (use "12.50")`
 */
export function explainAmount(value: unknown, digits: number, rounding?: AmountRounding): string {
  const shown = Decimal.isDecimal(value) ? (wellFormed(value)?.toString() ?? 'a Decimal') : describeValue(value);
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs an amount`;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'is NaN, not an amount';
    if (!Number.isFinite(value)) return `${shown} is not a finite amount`;
    if (Object.is(value, -0)) return NEGATIVE_ZERO;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return 'is an empty string, not an amount';
    if (/^[+-]?\d+,\d+$/.test(text)) return `${shown} is not a number (use "${text.replace(',', '.')}")`;
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
      return `${shown} is not a number (remove the thousands separators: "${text.replaceAll(',', '')}")`;
    }
    const bare = withoutCurrency(text);
    if (bare !== undefined) return `${shown} is not a number (remove the currency: "${bare}")`;
    if (!DECIMAL_SYNTAX.test(text)) return `${shown} is not a number`;
  } else if (typeof value === 'bigint') {
    return `${shown} is out of range (at most ${fromMinorUnits(MAX_EXACT_MINOR, digits).toFixed(digits)} in absolute value)`;
  } else if (Decimal.isDecimal(value)) {
    const decimal = wellFormed(value);
    if (decimal === undefined) return 'is not a well-formed Decimal (an object that only carries decimal.js\'s tag)';
    if (!decimal.isFinite()) return `${shown} is not a finite amount`;
  } else {
    return `${describeKind(value)} is not an amount (use a number, a numeric string or a Decimal)`;
  }
  const decimal = new Exact(typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : (value as Decimal));
  if (decimal.isZero() && decimal.isNegative()) return NEGATIVE_ZERO;
  if (!decimal.isFinite() || decimal.abs().times(10 ** digits).greaterThan(MAX_EXACT_MINOR)) {
    return `${shown} is out of range (at most ${fromMinorUnits(MAX_EXACT_MINOR, digits).toFixed(digits)} in absolute value)`;
  }
  if (rounding !== undefined && decimal.toDecimalPlaces(digits, ROUNDING_MODES[rounding]).isZero() && decimal.isNegative()) {
    return `${shown} rounds to a negative zero, which is neither an order nor a refund`;
  }
  return `${shown} has more than ${digits} decimal${digits === 1 ? '' : 's'} (pass a \`rounding\` option to round it)`;
}

const NEGATIVE_ZERO = 'is a negative zero: neither an order nor a refund (use 0 for a zero-value order, or leave the record out)';

/** The number in a string such as `"$12.50"`, `"12.50 €"` or `"USD 12.50"`, or `undefined` when it is no such string. */
function withoutCurrency(text: string): string | undefined {
  const match = /^([+-]?)\s*(?:\p{Sc}|[A-Z]{3})\s*([+-]?)\s*(\d[\d.]*)$|^([+-]?\d[\d.]*)\s*(?:\p{Sc}|[A-Z]{3})$/u.exec(text);
  if (match === null) return undefined;
  const number = match[4] ?? `${match[1] === '-' || match[2] === '-' ? '-' : ''}${match[3] ?? ''}`;
  return DECIMAL_SYNTAX.test(number) ? number : undefined;
}

/** The value as a private `Decimal` when it is a well-formed decimal.js value, else `undefined`. */
function wellFormed(value: Decimal): Decimal | undefined {
  try {
    const decimal = new Exact(value);
    return decimal.isNaN() && !value.isNaN() ? undefined : decimal;
  } catch {
    return undefined;
  }
}

function describeKind(value: unknown): string {
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  if (typeof value === 'bigint') return `the bigint ${String(value)}`;
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}
