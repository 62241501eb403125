/**
 * Exact money: amounts in major units (`"19.99"`, `19.99`, `Decimal`) to integer minor units and back.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { Exact, Money, RESULT_DIGITS, toMoney } from './exact.ts';

/** How amounts with more decimals than the currency allows are rounded (default: they are an error). */
export type AmountRounding = 'halfUp' | 'halfEven' | 'halfDown' | 'up' | 'down' | 'ceil' | 'floor';

const ROUNDING_MODES: Readonly<Record<AmountRounding, Decimal.Rounding>> = {
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

const POW10 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000] as const;

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
  const scale = POW10[digits] ?? 10 ** digits;
  const used = fractionDigits < digits ? fractionDigits : digits;
  const minor = whole * scale + fraction * ((POW10[digits - used] ?? 10 ** (digits - used)));
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
      const minor = value * (POW10[digits] ?? 10 ** digits);
      return Math.abs(minor) <= MAX_EXACT_MINOR ? minor : Number.NaN;
    }
  }
  if (typeof value === 'number' || typeof value === 'string') {
    const text = typeof value === 'number' ? String(value) : value;
    const fast = plainDecimalToMinor(text, digits);
    return Number.isNaN(fast) ? slowToMinor(text.trim(), digits, rounding) : fast;
  }
  if (typeof value === 'bigint') {
    const minor = value * BigInt(POW10[digits] ?? 10 ** digits);
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
  if (exact.abs().greaterThan(new Exact(MAX_EXACT_MINOR).dividedBy(POW10[digits] ?? 10 ** digits))) return Number.NaN;
  return Number(exact.toFixed(digits).replace('.', ''));
}

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
