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

/** decimal.js's base: each element of a value's `d` array holds 7 decimal digits. */
const WORD = 1e7;
const WORD_DIGITS = 7;

/** The number of decimal digits of a positive safe integer. */
function digitCount(value: number): number {
  let count = 1;
  while (count < 16 && value >= (POW10_16[count] ?? Number.POSITIVE_INFINITY)) count++;
  return count;
}
const POW10_16 = Array.from({ length: 17 }, (_, k) => 10 ** k);

/** `a / b` rounded down, exactly, for non-negative safe integers. */
function quotient(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/**
 * Turn integer minor units into a `Decimal` in major units (the boundary where money leaves the library).
 *
 * The value's fields are written directly in decimal.js's documented representation — sign `s`,
 * exponent `e` of the leading digit, and `d`, base-10^7 words aligned on the decimal point with no
 * leading or trailing zero word — which is what its constructor produces from the same digits (a
 * property test compares every field), at a fraction of the cost of parsing text. Exact, whatever
 * `Decimal.set` says.
 *
 * @param minor - integer minor units, |minor| ≤ 2^53 − 1
 * @param digits - the currency's decimal digits, 0–8
 * @returns the amount in major units, exact
 */
export function fromMinorUnits(minor: number, digits: number): Decimal {
  if (minor === 0) return decimalOf(1, 0, [0]);
  const sign = minor < 0 ? -1 : 1;
  const abs = Math.abs(minor);
  const scale = POW10[digits] ?? 10 ** digits;
  const fraction = abs % scale;
  const whole = quotient(abs - fraction, scale);
  // The fraction's first seven digits fill one word; an eighth digit starts a second.
  const first = digits <= WORD_DIGITS ? fraction * (POW10[WORD_DIGITS - digits] ?? 1) : quotient(fraction, 10);
  const second = digits <= WORD_DIGITS ? 0 : (fraction % 10) * (WORD / 10);
  // Array literals of exactly the significant words (no trailing zero word), as a million of them may be kept.
  if (whole >= WORD * WORD) {
    const w0 = quotient(whole, WORD * WORD);
    const w1 = quotient(whole, WORD) % WORD;
    const w2 = whole % WORD;
    const words = second !== 0 ? [w0, w1, w2, first, second] : first !== 0 ? [w0, w1, w2, first] : w2 !== 0 ? [w0, w1, w2] : w1 !== 0 ? [w0, w1] : [w0];
    return decimalOf(sign, digitCount(whole) - 1, words);
  }
  if (whole >= WORD) {
    const w0 = quotient(whole, WORD);
    const w1 = whole % WORD;
    const words = second !== 0 ? [w0, w1, first, second] : first !== 0 ? [w0, w1, first] : w1 !== 0 ? [w0, w1] : [w0];
    return decimalOf(sign, digitCount(whole) - 1, words);
  }
  if (whole > 0) return decimalOf(sign, digitCount(whole) - 1, second !== 0 ? [whole, first, second] : first !== 0 ? [whole, first] : [whole]);
  if (first > 0) return decimalOf(sign, digitCount(first) - WORD_DIGITS - 1, second !== 0 ? [first, second] : [first]);
  return decimalOf(sign, digitCount(second) - 2 * WORD_DIGITS - 1, [second]);
}

/** The own properties of a decimal.js value, in the order its constructor writes them. */
interface DecimalFields {
  constructor: typeof Decimal;
  s: number;
  e: number;
  d: number[];
}

/**
 * A `Decimal` with the given fields, made without running its constructor: the constructor parses its
 * argument and allocates a digit array that would be replaced at once, which costs more than the rest
 * when a report makes a value for each of millions of customers. decimal.js keeps a reference to its
 * constructor on each value (its methods create results through it), so that is set as well. This
 * relies on decimal.js 10's representation (the dependency is pinned); the money tests compare every
 * own property and the constructor with what decimal.js itself makes.
 */
function decimalOf(sign: number, exponent: number, words: number[]): Decimal {
  const value = Object.create(Money.prototype) as DecimalFields;
  value.constructor = Money;
  value.s = sign;
  value.e = exponent;
  value.d = words;
  return value as unknown as Decimal;
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
  return toMoney(new Exact(minor).dividedBy(count).dividedBy(POW10[digits] ?? 10 ** digits));
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
    const guard = out[RESULT_DIGITS] ?? 0;
    count = RESULT_DIGITS;
    position++;
    const last = out[count - 1] ?? 0;
    if (guard > 5 || (guard === 5 && (remainder !== 0 || last % 2 === 1))) {
      let i = count - 1;
      while (i >= 0 && out[i] === 9) out[i--] = 0;
      if (i >= 0) {
        out[i] = (out[i] ?? 0) + 1;
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
  // The significant digits, the last of which stands at 10^(position + 1) in minor units, as words.
  const exponent = position + count - digits;
  return decimalOf(negative ? -1 : 1, exponent, digitsToWords(out, count, exponent));
}

/** The words of one value under construction (reused: one call at a time). */
const wordScratch: number[] = [];

/**
 * decimal.js's base-10^7 words of the significant digits `digits[0 … count − 1]`, the first standing at
 * 10^`exponent`: a digit at 10^p belongs to the word of the powers 7·⌊p ÷ 7⌋ … 7·⌊p ÷ 7⌋ + 6, and the
 * words run from the first digit's to the last one's, zero words between them included.
 */
function digitsToWords(digits: Uint8Array, count: number, exponent: number): number[] {
  const words = wordScratch;
  words.length = 0;
  let slot = Math.floor(exponent / WORD_DIGITS);
  let word = 0;
  for (let i = 0; i < count; i++) {
    const power = exponent - i;
    const s = Math.floor(power / WORD_DIGITS);
    if (s !== slot) {
      words.push(word);
      word = 0;
      slot = s;
    }
    word += (digits[i] ?? 0) * (POW10[power - s * WORD_DIGITS] ?? 1);
  }
  words.push(word);
  return words.slice();
}
