/**
 * The staged form of an id: a tag and two 32-bit key words, which hold the whole id for a number
 * (its 64 bits) and for a string of up to 8 characters below U+0100 (its characters, one byte each).
 *
 * A staged id also has a word of its own: its tag in the top 4 bits, and below them 28 bits of its
 * hash, or, while ids are numbered directly, its value (see `direct-ids.ts`), and in the end its
 * account number.
 *
 * @module
 * @internal
 */
import type { CustomerId } from './types.ts';

/** @internal Words per staged key. */
export const KEY_WORDS = 2;
/** @internal Longest string whose characters make its key: 8 characters of one byte each fill two 32-bit words. */
export const PACKED_LENGTH = 8;
/** @internal The tag of a number id (its key holds the number's 64 bits). A packed string's tag is its length, 0–8. */
export const NUMBER_TAG = 9;
/** @internal The staged tag of a string that is not packed (its key holds its index among such strings, then its hash). */
export const UNPACKED = 15;
/**
 * @internal The bits of a staged word below the tag. Slots are addressed by 28 bits of an id's hash.
 * (A table of more than 2^28 slots, for some 200 million customers, stays correct, with longer probe
 * runs.)
 */
export const HASH_BITS = 0x0fffffff;

// The 64 bits of a number id, as two words.
const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

/**
 * @internal Write the key of a number, or of a string of at most 8 characters each below U+0100, to
 * `keys[at]` and `keys[at + 1]`, and return its tag; −1 for any other string (nothing written).
 *
 * @param id - a customer id
 * @param keys - key words
 * @param at - where the id's key goes
 * @returns its tag, or −1
 */
export function writeKey(id: CustomerId, keys: Int32Array, at: number): number {
  if (typeof id === 'number') {
    numberBits[0] = id === 0 ? 0 : id; // -0 and 0 are one id
    keys[at] = numberWords[0] ?? 0;
    keys[at + 1] = numberWords[1] ?? 0;
    return NUMBER_TAG;
  }
  const length = id.length;
  if (length > PACKED_LENGTH) return -1;
  let low = 0;
  let high = 0;
  for (let i = 0; i < length; i++) {
    const c = id.charCodeAt(i);
    if (c > 0xff) return -1;
    if (i < 4) low |= c << (8 * i);
    else high |= c << (8 * (i - 4));
  }
  keys[at] = low;
  keys[at + 1] = high;
  return length;
}

/**
 * @internal The id a key holds whole: a number (never `-0`), or a string of up to 8 one-byte characters.
 *
 * @param tag - the key's tag
 * @param low - its first word
 * @param high - its second word
 * @returns the id
 */
export function idOfKey(tag: number, low: number, high: number): CustomerId {
  if (tag === NUMBER_TAG) return keyNumber(low, high);
  const l0 = low & 0xff, l1 = (low >>> 8) & 0xff, l2 = (low >>> 16) & 0xff, l3 = low >>> 24;
  const h0 = high & 0xff, h1 = (high >>> 8) & 0xff, h2 = (high >>> 16) & 0xff, h3 = high >>> 24;
  switch (tag) {
    case 0: return '';
    case 1: return String.fromCharCode(l0);
    case 2: return String.fromCharCode(l0, l1);
    case 3: return String.fromCharCode(l0, l1, l2);
    case 4: return String.fromCharCode(l0, l1, l2, l3);
    case 5: return String.fromCharCode(l0, l1, l2, l3, h0);
    case 6: return String.fromCharCode(l0, l1, l2, l3, h0, h1);
    case 7: return String.fromCharCode(l0, l1, l2, l3, h0, h1, h2);
    default: return String.fromCharCode(l0, l1, l2, l3, h0, h1, h2, h3);
  }
}

/**
 * @internal The number a number id's key words hold.
 *
 * @param low - the key's first word
 * @param high - its second word
 * @returns the number
 */
export function keyNumber(low: number, high: number): number {
  numberWords[0] = low;
  numberWords[1] = high;
  return numberBits[0] ?? 0;
}

/**
 * @internal The byte of character `i` (0–7) of a packed key.
 *
 * @param low - the key's first word
 * @param high - its second word
 * @param i - the character's position
 * @returns its code
 */
export function keyByte(low: number, high: number, i: number): number {
  return (i < 4 ? low >>> (8 * i) : high >>> (8 * i - 32)) & 0xff;
}
