/**
 * Exact money in: amounts in major units (`"19.99"`, `19.99`, `Decimal`, whole `bigint`s) to integer
 * minor units. The way back is in `minor-decimal.ts`, the messages for refused amounts in
 * `amount-messages.ts`.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { Exact } from './exact.ts';

/** How amounts with more decimals than the currency allows are rounded (default: they are an error). */
export type AmountRounding = 'halfUp' | 'halfEven' | 'halfDown' | 'up' | 'down' | 'ceil' | 'floor';

/** @internal decimal.js's rounding mode of each {@link AmountRounding}. */
export const ROUNDING_MODES: Readonly<Record<AmountRounding, Decimal.Rounding>> = {
  halfUp: Decimal.ROUND_HALF_UP,
  halfEven: Decimal.ROUND_HALF_EVEN,
  halfDown: Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceil: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/** Largest amount, in minor units, that integer arithmetic on doubles holds exactly (2^53 − 1). */
export const MAX_EXACT_MINOR = Number.MAX_SAFE_INTEGER;

/** Check `currencyDigits` (an integer 0…8). */
export function assertCurrencyDigits(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 8) {
    throw new InvalidOptionError('currencyDigits', value, `${describeValue(value)} is not an integer from 0 to 8`);
  }
  return value;
}

/** Check a `rounding` option (or `undefined`). */
export function assertRounding(value: unknown): AmountRounding | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !Object.hasOwn(ROUNDING_MODES, value)) {
    throw new InvalidOptionError('rounding', value, `must be one of ${Object.keys(ROUNDING_MODES).join(', ')}`);
  }
  return value as AmountRounding;
}

/** @internal 10^k for k = 0…8, the scales of the currencies' digits. */
export const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000] as const;

/**
 * Parse a plain decimal string (`-12.5`, `+0.10`, `.5`; no exponent) into minor units.
 * Returns `NaN` when the text is not such a number, has too many decimals or is out of range.
 */
function plainDecimalToMinor(text: string, digits: number): number {
  const n = text.length;
  let i = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 45 /* - */ || first === 43 /* + */) {
    negative = first === 45;
    i = 1;
  }
  let whole = 0;
  let wholeDigits = 0;
  while (i < n) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    wholeDigits++;
    i++;
  }
  let fraction = 0;
  let fractionDigits = 0;
  if (i < n && text.charCodeAt(i) === 46 /* . */) {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      if (fractionDigits < digits) {
        fraction = fraction * 10 + c;
      } else if (c !== 0) {
        return Number.NaN; // more significant decimals than the currency allows
      }
      fractionDigits++;
      i++;
    }
  }
  if (i !== n || wholeDigits + fractionDigits === 0 || wholeDigits > 16) return Number.NaN;
  const scale = POW10[digits];
  const used = fractionDigits < digits ? fractionDigits : digits;
  const minor = whole * scale + fraction * POW10[digits - used];
  if (minor > MAX_EXACT_MINOR) return Number.NaN;
  // A negative zero ("-0.00") is refused, as neither an order nor a refund; the general reading says so.
  return negative ? (minor === 0 ? Number.NaN : -minor) : minor;
}

/**
 * Convert an amount in major units to integer minor units, exactly.
 *
 * Accepts finite numbers (read as their shortest decimal form, so `19.99` is 1999 cents), plain
 * decimal strings (surrounding whitespace allowed; `"1e3"` exponent forms are parsed with `Decimal`)
 * and `Decimal`s. Returns `NaN` for anything it cannot convert exactly; {@link explainAmount} says why.
 *
 * @param value - the amount
 * @param digits - the currency's decimal digits
 * @param rounding - how to round excess decimals; `undefined` makes them an error
 * @returns integer minor units, or `NaN`
 */
export function toMinorUnits(value: unknown, digits: number, rounding?: AmountRounding): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) return Number.NaN;
    if (Number.isInteger(value)) {
      const minor = value * POW10[digits];
      return Math.abs(minor) <= MAX_EXACT_MINOR ? minor : Number.NaN;
    }
  }
  if (typeof value === 'number' || typeof value === 'string') {
    const text = typeof value === 'number' ? String(value) : value;
    const fast = plainDecimalToMinor(text, digits);
    return Number.isNaN(fast) ? slowToMinor(text.trim(), digits, rounding) : fast;
  }
  if (typeof value === 'bigint') {
    const minor = value * BigInt(POW10[digits]);
    return minor <= MAX_EXACT_MINOR_BIG && minor >= -MAX_EXACT_MINOR_BIG ? Number(minor) : Number.NaN;
  }
  if (Decimal.isDecimal(value)) return readDecimal(value, digits, rounding);
  return Number.NaN;
}

const MAX_EXACT_MINOR_BIG = BigInt(MAX_EXACT_MINOR);

/**
 * A `Decimal` amount, or `NaN` when it is not a well-formed decimal.js value: `Decimal.isDecimal` also
 * answers `true` for any object with decimal.js's tag, whose methods may be missing or throw.
 */
function readDecimal(value: Decimal, digits: number, rounding: AmountRounding | undefined): number {
  try {
    return decimalToMinor(value, digits, rounding);
  } catch {
    return Number.NaN;
  }
}

/** A decimal number as text: optional sign, digits with an optional point, optional exponent. */
export const DECIMAL_SYNTAX = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function slowToMinor(text: string, digits: number, rounding: AmountRounding | undefined): number {
  if (!DECIMAL_SYNTAX.test(text)) return Number.NaN;
  return decimalToMinor(new Exact(text), digits, rounding);
}

/**
 * Exact conversion of a decimal to minor units: decimal places are checked (or rounded) without ever
 * rounding to a precision, so neither the caller's `Decimal.set(...)` nor the number of significant
 * digits can let excess decimals through.
 */
function decimalToMinor(value: Decimal, digits: number, rounding: AmountRounding | undefined): number {
  let exact = new Exact(value);
  if (!exact.isFinite()) return Number.NaN;
  if (exact.decimalPlaces() > digits) {
    if (rounding === undefined) return Number.NaN;
    exact = exact.toDecimalPlaces(digits, ROUNDING_MODES[rounding]);
  }
  if (exact.isZero() && exact.isNegative()) return Number.NaN;
  if (exact.abs().greaterThan(new Exact(MAX_EXACT_MINOR).dividedBy(POW10[digits]))) return Number.NaN;
  return Number(exact.toFixed(digits).replace('.', ''));
}
