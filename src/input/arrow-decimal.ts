/**
 * Arrow `Decimal` columns as amounts: each value is an unscaled integer of `bitWidth` bits (little-endian
 * 32-bit words, two's complement) and the column's `scale` digits after the point. A value is exactly
 * a number of minor units when the scale equals the currency's digits, and after an exact rescale
 * otherwise (`19.9900` at scale 4 is 1999 cents; `19.995` is not a whole number of cents).
 *
 * @module
 * @internal
 */
import { MAX_EXACT_MINOR } from './money.ts';
import type { ArrowVectorLike } from './arrow-vector.ts';

const MAX_EXACT_BIG = BigInt(MAX_EXACT_MINOR);

/**
 * @internal The unscaled value of entry `i` of a decimal column's words.
 *
 * @param words - the column's 32-bit words, `stride` per value
 * @param i - the entry
 * @param stride - words per value (`bitWidth / 32`)
 * @returns the signed integer the words hold
 */
export function unscaledAt(words: ArrayLike<number | bigint>, i: number, stride: number): bigint {
  let value = 0n;
  for (let w = stride - 1; w >= 0; w--) value = (value << 32n) | BigInt(Number(words[i * stride + w]) >>> 0);
  const bits = BigInt(32 * stride);
  // Two's complement: a value with its top bit set is negative.
  return value >> (bits - 1n) === 1n ? value - (1n << bits) : value;
}

/**
 * @internal A decimal written out with its scale (`-250` at scale 2 is `"-2.50"`), as the amount the
 * reader reports or rounds when it is not an exact number of minor units.
 *
 * @param unscaled - the unscaled value
 * @param scale - digits after the point (a negative scale multiplies)
 * @returns the decimal string
 */
export function decimalText(unscaled: bigint, scale: number): string {
  if (scale <= 0) return (unscaled * 10n ** BigInt(-scale)).toString();
  const sign = unscaled < 0n ? '-' : '';
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  return `${sign}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
}

/**
 * @internal The minor units a decimal equals exactly, or `null` when it is no whole number of minor
 * units or beyond the exact range.
 *
 * @param unscaled - the unscaled value
 * @param scale - the column's scale
 * @param digits - the currency's digits
 * @returns the minor units, or `null`
 */
export function exactMinorOf(unscaled: bigint, scale: number, digits: number): number | null {
  let minor = unscaled;
  if (scale > digits) {
    const factor = 10n ** BigInt(scale - digits);
    if (unscaled % factor !== 0n) return null;
    minor = unscaled / factor;
  } else if (scale < digits) {
    minor = unscaled * 10n ** BigInt(digits - scale);
  }
  if (minor > MAX_EXACT_BIG || minor < -MAX_EXACT_BIG) return null;
  return Number(minor);
}

/**
 * @internal A decimal column read as amounts: a `Float64Array` of minor units when every entry is
 * exactly a number of them (the fast path, amounts in minor units); otherwise the entries as decimal
 * strings (`null` where null), read as major units so that the entries that are not exact are rounded
 * under the `rounding` option or reported with the reason.
 *
 * @param vector - a `Decimal` vector
 * @param digits - the currency's digits
 * @returns the column and the unit it is in
 */
export function decimalAmounts(vector: ArrowVectorLike, digits: number): { column: ArrayLike<unknown>; unit: 'minor' | 'major' } {
  const scale = vector.type.scale ?? 0;
  const stride = Math.max(1, (vector.type.bitWidth ?? 128) / 32);
  const words = vector.toArray() as ArrayLike<number | bigint>;
  const n = vector.length;
  const minor = new Float64Array(n);
  let exact = vector.nullCount === 0;
  for (let i = 0; i < n && exact; i++) {
    const value = exactMinorOf(unscaledAt(words, i, stride), scale, digits);
    if (value === null) exact = false;
    else minor[i] = value;
  }
  if (exact) return { column: minor, unit: 'minor' };
  const text = new Array<string | null>(n);
  for (let i = 0; i < n; i++) text[i] = vector.get(i) === null ? null : decimalText(unscaledAt(words, i, stride), scale);
  return { column: text, unit: 'major' };
}
