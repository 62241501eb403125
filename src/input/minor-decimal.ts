/**
 * Exact money out: integer minor units to `Decimal`s in major units, and their quotients (averages) to
 * 20 significant digits.
 *
 * @module
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { Exact, Money, RESULT_DIGITS, toMoney } from './exact.ts';
import { POW10 } from './money.ts';

/** One minor unit in major units, `10^−digits`, for each number of a currency's digits. */
const MINOR_UNIT = POW10.map((scale) => new Money(1).dividedBy(scale));

/**
 * Turn integer minor units into a `Decimal` in major units (the boundary where money leaves the library).
 *
 * The integer is made by decimal.js's constructor and multiplied by one minor unit: exact, since
 * |minor| < 2^53 has at most 16 significant digits and {@link Money} keeps 20, whatever `Decimal.set`
 * says.
 *
 * @param minor - integer minor units, |minor| ≤ 2^53 − 1
 * @param digits - the currency's decimal digits, 0–8
 * @returns the amount in major units, exact
 */
export function fromMinorUnits(minor: number, digits: number): Decimal {
  // −0 is 0: no amount is a negative zero.
  return new Money(minor === 0 ? 0 : minor).times(MINOR_UNIT[digits]);
}

/**
 * Divide an amount of minor units by a count, as a `Decimal` in major units (e.g. AOV), exact to 20
 * significant digits. Returns `null` when the count is 0.
 *
 * The same number as `toMoney(minor ÷ count ÷ 10^digits)` in decimal arithmetic, computed by long division
 * on integers for integer counts up to 2^49 (see {@link roundedQuotient}); other counts take the decimal route.
 */
export function minorPer(minor: number, count: number, digits: number): Decimal | null {
  if (count === 0) return null;
  const dividend = Math.abs(minor);
  const divisor = Math.abs(count);
  if (Number.isSafeInteger(dividend) && Number.isInteger(divisor) && divisor <= MAX_LONG_DIVISOR) {
    return roundedQuotient(dividend, divisor, minor < 0 !== count < 0, digits);
  }
  return toMoney(new Exact(minor).dividedBy(count).dividedBy(POW10[digits]));
}

/** Largest divisor {@link roundedQuotient} takes: ten times a remainder stays an exact double. */
const MAX_LONG_DIVISOR = 2 ** 49;

/** The significant digits of one quotient, and a guard digit to round by (reused: one call at a time). */
const quotientDigits = new Uint8Array(RESULT_DIGITS + 1);

/**
 * `dividend ÷ divisor ÷ 10^digits` rounded half-even to {@link RESULT_DIGITS} significant digits, by long
 * division: the whole part, then one digit per step while a remainder is left, then one guard digit and
 * whether anything follows it. Every step is exact (remainders below 2^49, times ten below 2^53).
 *
 * This is the number the decimal route gives (the quotient to 40 significant digits, then rounded to
 * 20): rounding twice could only differ from rounding once if digits 21–40 of the quotient were nineteen
 * 9s or 0s in a row after a 5 or 4, and a fraction whose denominator is below 10^19 never has such a run
 * unless it ends there, in which case both roundings see the same exact digits.
 *
 * @param dividend - non-negative safe integer
 * @param divisor - positive integer ≤ 2^49
 * @param negative - the sign of the result
 * @param digits - the currency's decimal digits (the shift from minor to major units)
 */
function roundedQuotient(dividend: number, divisor: number, negative: boolean, digits: number): Decimal {
  let remainder = dividend % divisor;
  const whole = (dividend - remainder) / divisor;
  if (whole === 0 && remainder === 0) return fromMinorUnits(0, digits);
  const out = quotientDigits;
  let count = 0;
  /** Power of ten of the next digit written. */
  let position = -1;
  if (whole > 0) {
    const text = String(whole); // at most 16 digits, exact
    for (let i = 0; i < text.length; i++) out[count++] = text.charCodeAt(i) - 48;
    position = text.length - 1 - count;
  }
  while (count <= RESULT_DIGITS && remainder !== 0) {
    remainder *= 10;
    const next = remainder % divisor;
    const digit = (remainder - next) / divisor;
    remainder = next;
    if (count === 0 && digit === 0) {
      position--; // a leading zero of the fraction is not significant
      continue;
    }
    out[count++] = digit;
    position--;
  }
  if (count > RESULT_DIGITS) {
    const guard = out[RESULT_DIGITS];
    count = RESULT_DIGITS;
    position++;
    const last = out[count - 1];
    if (guard > 5 || (guard === 5 && (remainder !== 0 || last % 2 === 1))) {
      let i = count - 1;
      while (i >= 0 && out[i] === 9) out[i--] = 0;
      if (i >= 0) {
        out[i]++;
      } else {
        // 99…9 rounded up to 10…0 (twenty 9s cannot come from divisors ≤ 2^49, but the rounding stays whole).
        out[0] = 1;
        position++;
      }
    }
  }
  while (count > 1 && out[count - 1] === 0) {
    count--;
    position++;
  }
  // The significant digits, the first of which stands at 10^exponent in major units.
  const exponent = position + count - digits;
  let text = negative ? '-' : '';
  for (let i = 0; i < count; i++) text += String(out[i]);
  return new Money(`${text}e${exponent - count + 1}`);
}
