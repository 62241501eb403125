/**
 * Ids of one common shape numbered without hashing: integers from 0 to 2^31 − 1, or strings made of
 * one prefix and digits — of one width (`"c0187525"`, `"00042"`), or of varying widths without leading
 * zeros (`"7"`, `"1234"`, `"CU-98"`) — each stand for a number, and when those numbers fall in a range
 * of at most 2n + 1024 the ids are numbered through a table indexed by it (`dense-ids.ts`): a few
 * megabytes read at random instead of a hash table of tens.
 *
 * @module
 * @internal
 */
import { CHUNK } from '../chunks.ts';
import { denseIds, denseTable, numberDense } from './dense-ids.ts';
import type { Scratch } from './event-columns.ts';
import { KEY_WORDS, NUMBER_TAG, PACKED_LENGTH, idOfKey, keyByte, keyNumber } from './id-keys.ts';
import type { CustomerId } from './types.ts';

/**
 * @internal Number staged ids through a direct table when they allow it (see {@link DirectShape}): all
 * integers from 0 to 2^31 − 1, or all strings made of one prefix and digits (of one width, or of any
 * width without leading zeros), with values in a range of at most 2n + 1024. Each word becomes its
 * event's account number.
 *
 * @param words - staged words (see `id-keys.ts`)
 * @param keys - staged keys
 * @param n - the number of staged events
 * @param room - free memory to take the table from
 * @returns the accounts' ids, or `null` with nothing changed when the ids do not allow it
 */
export function numberDirectly(words: Uint32Array, keys: Int32Array, n: number, room: Scratch | undefined): CustomerId[] | null {
  const shape = directShape(words[0] ?? 0, keys[0] ?? 0, keys[1] ?? 0);
  if (shape === null) return null;
  const tag = shape[SHAPE_TAG] ?? 0;
  // Each word is replaced by its key's slot value, so the numbering pass reads nothing else.
  const range = Int32Array.of(0x7fffffff, -0x80000000, 0);
  // Values spread too wide for a table are found out as early as ids that do not fit.
  const widest = 2 * n + 1024;
  let valued = 0;
  while (valued < n) {
    const hi = Math.min(n, valued + CHUNK);
    valued = directValues(words, keys, valued, hi, shape, range);
    if (valued < hi || (range[1] ?? 0) - (range[0] ?? 0) >= widest) break;
  }
  const min = range[0] ?? 0;
  if (valued < n || (range[1] ?? 0) - min >= widest) {
    for (let k = 0; k < valued; k += CHUNK) restoreWords(words, keys, k, Math.min(valued, k + CHUNK), tag);
    return null;
  }
  const dense = denseTable(min, (range[1] ?? 0) - min + 1, n, room);
  for (let k = 0; k < n; k += CHUNK) numberDense(words, dense, k, Math.min(n, k + CHUNK), words);
  const ids = denseIds(dense);
  // The accounts' ids are their values so far: a string id is rebuilt from its value.
  if (tag !== NUMBER_TAG) {
    // Digits of one width keep their leading zeros; digits of varying widths have none.
    const width = ((range[SEEN] ?? 0) & OTHER_LENGTH) === 0 ? tag - (shape[SHAPE_FIRST_DIGIT] ?? 0) : 0;
    for (let a = 0; a < ids.length; a += CHUNK) directIds(ids, a, Math.min(ids.length, a + CHUNK), shape, width);
  }
  return ids;
}

/**
 * What every staged key of a set numbered through a direct table shares, from the first one: its tag
 * (the number tag, or a string's length), and for strings the characters before the digits — their
 * bytes in the two key words and the masks of those bytes — where the digits start, and for each
 * length the masks of the digits' bytes. Such strings are one prefix followed by 1–8 digits, and
 * each is determined by the value of its digits when either all have one width (leading zeros
 * included: `"c0187525"` is slot 187525) or none has a leading zero (`"c7"`, `"c12"`, `"c0"`).
 */
type DirectShape = Int32Array;
const SHAPE_TAG = 0;
const SHAPE_PREFIX_LOW = 1;
const SHAPE_PREFIX_HIGH = 2;
const SHAPE_PREFIX_MASK_LOW = 3;
const SHAPE_PREFIX_MASK_HIGH = 4;
const SHAPE_FIRST_DIGIT = 5;
/** Digit masks of a string of length t (0 when it would have no digit): low word at 6 + t, high word at 15 + t. */
const SHAPE_DIGIT_MASK_LOW = 6;
const SHAPE_DIGIT_MASK_HIGH = 15;
const SHAPE_SIZE = 24;

/** Slot of `range` (after its minimum and maximum) noting what the strings valued so far have shown. */
const SEEN = 2;
/** A string of another length than the first. */
const OTHER_LENGTH = 1;
/** A string whose digits have a leading zero. */
const LEADING_ZERO = 2;

/** The mask of the bytes of characters `from … to − 1` (0–8) in the low (`word` 0) or high (`word` 1) key word. */
function byteMask(from: number, to: number, word: number): number {
  let mask = 0;
  for (let i = Math.max(from, 4 * word); i < Math.min(to, 4 * word + 4); i++) mask |= 0xff << (8 * (i & 3));
  return mask;
}

/** The {@link DirectShape} of a set whose first staged key is this one; `null` when it has none (no digits at the end, a long string). */
function directShape(word: number, low: number, high: number): DirectShape | null {
  const tag = word >>> 28;
  const shape = new Int32Array(SHAPE_SIZE);
  shape[SHAPE_TAG] = tag;
  if (tag === NUMBER_TAG) return shape;
  if (tag === 0 || tag > PACKED_LENGTH) return null;
  let firstDigit = tag;
  while (firstDigit > 0 && isDigitCode(keyByte(low, high, firstDigit - 1))) firstDigit--;
  if (firstDigit === tag) return null;
  shape[SHAPE_PREFIX_MASK_LOW] = byteMask(0, firstDigit, 0);
  shape[SHAPE_PREFIX_MASK_HIGH] = byteMask(0, firstDigit, 1);
  shape[SHAPE_PREFIX_LOW] = low & (shape[SHAPE_PREFIX_MASK_LOW] ?? 0);
  shape[SHAPE_PREFIX_HIGH] = high & (shape[SHAPE_PREFIX_MASK_HIGH] ?? 0);
  shape[SHAPE_FIRST_DIGIT] = firstDigit;
  for (let length = firstDigit + 1; length <= PACKED_LENGTH; length++) {
    shape[SHAPE_DIGIT_MASK_LOW + length] = byteMask(firstDigit, length, 0);
    shape[SHAPE_DIGIT_MASK_HIGH + length] = byteMask(firstDigit, length, 1);
  }
  return shape;
}

/** Whether a character code is an ASCII digit. */
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether every byte of `word` under `mask` is an ASCII digit: its high nibble is 3, and adding 6 keeps it so. */
function digitsUnder(word: number, mask: number): boolean {
  const threes = 0x30303030 & mask;
  const bytes = word & mask;
  return (bytes & 0xf0f0f0f0) === threes && ((bytes + (0x06060606 & mask)) & 0xf0f0f0f0) === threes;
}

/**
 * Replace the words of staged events `lo … hi − 1` (one chunk, see {@link CHUNK}) by their keys' slot
 * values, and widen `range` (`[min, max]`, then for strings what they showed: {@link SEEN}) to them.
 * Returns the first event whose key lacks the shape (its word and those after it unchanged), else `hi`.
 */
function directValues(words: Uint32Array, keys: Int32Array, lo: number, hi: number, shape: DirectShape, range: Int32Array): number {
  return (shape[SHAPE_TAG] ?? 0) === NUMBER_TAG
    ? directNumberValues(words, keys, lo, hi, range)
    : directStringValues(words, keys, lo, hi, shape, range);
}

/** {@link directValues} for number ids: their values, when all are integers from 0 to 2^31 − 1. */
function directNumberValues(words: Uint32Array, keys: Int32Array, lo: number, hi: number, range: Int32Array): number {
  let min = range[0] ?? 0;
  let max = range[1] ?? 0;
  let k = lo;
  for (; k < hi; k++) {
    if ((words[k] ?? 0) >>> 28 !== NUMBER_TAG) break;
    const value = keyNumber(keys[k * KEY_WORDS] ?? 0, keys[k * KEY_WORDS + 1] ?? 0);
    const slot = value | 0;
    if (slot !== value || slot < 0) break;
    words[k] = slot;
    if (slot < min) min = slot;
    if (slot > max) max = slot;
  }
  range[0] = min;
  range[1] = max;
  return k;
}

/**
 * {@link directValues} for string ids: the value of their digits. Every byte that is not a digit (the
 * prefix, and the empty bytes after a string shorter than 8) is read as a `0` digit, which makes an
 * 8-digit number whose trailing zeros are then divided off; 4 digits of a word are read at once.
 * A set with strings of several lengths as well as a leading zero (`"c7"`, `"c07"`) is not one shape.
 */
function directStringValues(words: Uint32Array, keys: Int32Array, lo: number, hi: number, shape: DirectShape, range: Int32Array): number {
  const first = shape[SHAPE_TAG] ?? 0;
  const prefixLow = shape[SHAPE_PREFIX_LOW] ?? 0;
  const prefixHigh = shape[SHAPE_PREFIX_HIGH] ?? 0;
  const prefixMaskLow = shape[SHAPE_PREFIX_MASK_LOW] ?? 0;
  const prefixMaskHigh = shape[SHAPE_PREFIX_MASK_HIGH] ?? 0;
  const firstDigit = shape[SHAPE_FIRST_DIGIT] ?? 0;
  // The leading digit's byte: its word and its place in the word.
  const leadingHigh = firstDigit >= 4;
  const leadingShift = 8 * (firstDigit & 3);
  let min = range[0] ?? 0;
  let max = range[1] ?? 0;
  let seen = range[SEEN] ?? 0;
  let k = lo;
  for (; k < hi; k++) {
    const low = keys[k * KEY_WORDS] ?? 0;
    const high = keys[k * KEY_WORDS + 1] ?? 0;
    const length = (words[k] ?? 0) >>> 28;
    if (length <= firstDigit || length > PACKED_LENGTH) break;
    if ((low & prefixMaskLow) !== prefixLow || (high & prefixMaskHigh) !== prefixHigh) break;
    const digitMaskLow = shape[SHAPE_DIGIT_MASK_LOW + length] ?? 0;
    const digitMaskHigh = shape[SHAPE_DIGIT_MASK_HIGH + length] ?? 0;
    if (!digitsUnder(low, digitMaskLow) || !digitsUnder(high, digitMaskHigh)) break;
    const leading = ((leadingHigh ? high : low) >>> leadingShift) & 0xff;
    seen |= (length !== first ? OTHER_LENGTH : 0) | (leading === 48 && length > firstDigit + 1 ? LEADING_ZERO : 0);
    if (seen === (OTHER_LENGTH | LEADING_ZERO)) break;
    const firstFour = fourDigits((low & digitMaskLow) | (ZERO_DIGITS & ~digitMaskLow));
    const lastFour = fourDigits((high & digitMaskHigh) | (ZERO_DIGITS & ~digitMaskHigh));
    const slot = (firstFour * 10_000 + lastFour) / (POW10_UP_TO_8[PACKED_LENGTH - length] ?? 1) | 0;
    words[k] = slot;
    if (slot < min) min = slot;
    if (slot > max) max = slot;
  }
  range[0] = min;
  range[1] = max;
  range[SEEN] = seen;
  return k;
}

/**
 * Replace the values `ids[lo … hi − 1]` (one chunk) of string ids of this shape by the strings: the
 * prefix, then the value's digits, padded with zeros to `width` digits (0: as many as it has).
 */
function directIds(ids: CustomerId[], lo: number, hi: number, shape: DirectShape, width: number): void {
  const firstDigit = shape[SHAPE_FIRST_DIGIT] ?? 0;
  for (let a = lo; a < hi; a++) {
    let value = ids[a] as number;
    let digits = 1;
    while (digits < width || (POW10_UP_TO_8[digits] ?? Number.POSITIVE_INFINITY) <= value) digits++;
    const length = firstDigit + digits;
    let low = shape[SHAPE_PREFIX_LOW] ?? 0;
    let high = shape[SHAPE_PREFIX_HIGH] ?? 0;
    for (let i = length - 1; i >= firstDigit; i--) {
      const digit = value % 10;
      value = (value - digit) / 10;
      if (i < 4) low |= (48 + digit) << (8 * i);
      else high |= (48 + digit) << (8 * i - 32);
    }
    ids[a] = idOfKey(length, low, high);
  }
}

/** Four `0` digits, one per byte. */
const ZERO_DIGITS = 0x30303030;
const POW10_UP_TO_8 = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000] as const;

/** The number written by a word's four digit bytes (the first character in the lowest byte). */
function fourDigits(word: number): number {
  const digits = word - ZERO_DIGITS; // every byte 0–9: no borrow between bytes
  // Bytes 0 and 2 become 10·d0 + d1 and 10·d2 + d3 (at most 99: no carry between bytes).
  const pairs = (Math.imul(digits, 10) + (digits >>> 8)) & 0x00ff00ff;
  return (pairs & 0xff) * 100 + (pairs >>> 16);
}

/**
 * Undo {@link directValues} for events `lo … hi − 1`, whose keys all had the shape: their words as
 * `IdInterner.stage` wrote them (their tags). The tag is `tag` for numbers; a string's is its
 * length, the place after its last digit (a digit is never a zero byte).
 */
function restoreWords(words: Uint32Array, keys: Int32Array, lo: number, hi: number, tag: number): void {
  for (let k = lo; k < hi; k++) {
    const low = keys[k * KEY_WORDS] ?? 0;
    const high = keys[k * KEY_WORDS + 1] ?? 0;
    const keyTag = tag === NUMBER_TAG ? NUMBER_TAG : high !== 0 ? 8 - (Math.clz32(high) >>> 3) : 4 - (Math.clz32(low) >>> 3);
    words[k] = (keyTag << 28) >>> 0;
  }
}
