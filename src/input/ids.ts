/**
 * Customer ids: validation and interning into account numbers.
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';
import { describeValue } from '../errors.ts';
import type { Scratch } from './event-columns.ts';
import { type HashSeed, hashKey, hashString, processHashSeed } from './id-hash.ts';
import type { CustomerId } from './types.ts';

/** Whether `value` can be a customer id: any string, or a finite number. */
export function isCustomerId(value: unknown): value is CustomerId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Smallest table: 2^10 slots. */
const MIN_SLOT_BITS = 10;
/** Words per slot of the table: account number + 1 (0 = empty), then the id's tag and its two key words. */
const SLOT = 4;
/** Words per staged key (see {@link IdInterner.stage}). */
export const KEY_WORDS = 2;
/** Longest string whose characters make its key: 8 characters of one byte each fill two 32-bit words. */
const PACKED_LENGTH = 8;
/** The tag of a number id (its key holds the number's 64 bits). A packed string's tag is its length, 0–8. */
const NUMBER_TAG = 9;
/** The staged tag of a string that is not packed (its key holds its index in `unpacked`, then its hash). */
const UNPACKED = 15;
/**
 * Slots are addressed by 28 bits of an id's hash; a staged word holds them below the tag. (A table of
 * more than 2^28 slots, for some 200 million customers, stays correct, with longer probe runs.)
 */
const HASH_BITS = 0x0fffffff;
/** Look-ups issued together by {@link IdInterner.numberStaged}. */
const BATCH = 8;

// The 64 bits of a number id, as two words.
const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

/**
 * Numbers accounts by id in order of first sight: account `k` has the id `ids[k]`. Strings and numbers
 * are distinct ids (`1` is not `"1"`), `-0` is `0`, and every string is an ordinary id (`"__proto__"`
 * and `""` included).
 *
 * With millions of records the cost of numbering is memory latency: the table of ids seen so far is
 * far larger than the cache, and a `Map` (or any table of references) reaches the stored id through a
 * pointer, one more cache miss per record. So every id is turned into a tag and two 32-bit words that
 * usually hold the whole id — a number's 64 bits, or the characters of a string of up to 8 one-byte
 * characters (`"10482"`, `"c0187525"`) — and the table (open addressing, linear probing, at most three
 * quarters full) keeps them in the slot beside the account number: an id is found by comparing
 * integers in one cache line. A longer string's slot holds its hash (with the sign bit set, so no
 * length or number tag equals it), and the strings are compared when the hashes agree.
 *
 * Slots are chosen by a keyed hash (see `id-hash.ts`) whose key is secret and random: ids chosen to
 * collide — in a table that places them by a hash anyone can compute, a few thousand such ids fall
 * in one run of slots and cost n²/2 comparisons — fare no worse than any others.
 *
 * Ids can be numbered one at a time ({@link intern}) or staged first — tags and keys written into
 * columns while the records are read ({@link stage}), all numbered afterwards in one pass
 * ({@link numberStaged}) that issues several table look-ups before waiting on any of them.
 *
 * Staged ids of one common shape need no hashing at all: integers from 0 to 2^31 − 1, or strings
 * made of one prefix and digits — of one width (`"c0187525"`, `"00042"`), or of varying widths
 * without leading zeros (`"7"`, `"1234"`, `"CU-98"`) — each stand for a number, and when those
 * numbers fall in a range of at most 2n + 1024 the ids are numbered through a table indexed by it
 * ({@link numberDense}): a few megabytes read at random instead of a hash table of tens. The first id
 * that does not fit sends the whole set back to hashing, with the same result.
 */
export class IdInterner {
  /** Account ids in order of first sight (a direct numbering replaces the array: read it afterwards). */
  ids: CustomerId[] = [];
  /** Staged strings that are not packed, by the index their key holds. */
  private readonly unpacked: string[] = [];
  /** `SLOT` words per slot (see {@link SLOT}). */
  private slots: Int32Array = new Int32Array(SLOT << MIN_SLOT_BITS);
  private mask = (1 << MIN_SLOT_BITS) - 1;
  /** The key of {@link intern}'s id. */
  private readonly key = new Int32Array(KEY_WORDS);
  /** A batch's first probes: slot offsets and their entries. */
  private readonly at = new Int32Array(BATCH);
  private readonly entry = new Int32Array(BATCH);
  /** Whether {@link numberStaged} numbered through a direct table (the hash table then holds none of the ids). */
  private numberedDirectly = false;

  /** @param seed - the hash key (by default the process's random one; a fixed key only in tests) */
  constructor(private readonly seed: HashSeed = processHashSeed()) {}

  /**
   * The account number of `id`, numbering it on first sight.
   *
   * @param id - a customer id
   * @returns its account number
   */
  intern(id: CustomerId): number {
    if (this.numberedDirectly) throw new Error('IdInterner: ids numbered through a direct table take no more ids');
    const { key } = this;
    const tag = writeKey(id, key, 0);
    if (tag < 0) {
      const hash = hashString(id as string, this.seed);
      return this.find(hash & HASH_BITS, hash | 0x80000000, 0, 0, id);
    }
    const low = key[0] ?? 0;
    const high = key[1] ?? 0;
    return this.find(hashKey(tag, low, high, this.seed) & HASH_BITS, tag, low, high, id);
  }

  /**
   * Stage the id of event `k`: its key goes to `keys[2k]`, `keys[2k + 1]`, and `words[k]` gets its tag
   * (top 4 bits), to be numbered by {@link numberStaged}. A string that is not packed is hashed now,
   * while it is in the cache: 28 bits of its hash go below its tag. A packed key is hashed by
   * `numberStaged` only if the ids are not numbered directly.
   *
   * @param id - a customer id
   * @param k - the event's position
   * @param words - one word per event (overwritten with account numbers by `numberStaged`)
   * @param keys - {@link KEY_WORDS} words per event
   */
  stage(id: CustomerId, k: number, words: Uint32Array, keys: Int32Array): void {
    const at = k * KEY_WORDS;
    const tag = writeKey(id, keys, at);
    if (tag >= 0) {
      words[k] = (tag << 28) >>> 0;
      return;
    }
    const hash = hashString(id as string, this.seed);
    keys[at] = this.unpacked.push(id as string) - 1;
    keys[at + 1] = hash;
    words[k] = ((UNPACKED << 28) | (hash & HASH_BITS)) >>> 0;
  }

  /**
   * Number the ids staged for events `0 … n − 1`, in that order: `words[k]` becomes event `k`'s
   * account number.
   *
   * @param words - as written by {@link stage}
   * @param keys - as written by {@link stage}
   * @param n - the number of staged events
   * @param room - where to take the table from (free memory the caller has), when it fits there
   */
  numberStaged(words: Uint32Array, keys: Int32Array, n: number, room?: Scratch): void {
    if (this.numberedDirectly) throw new Error('IdInterner: ids numbered through a direct table take no more ids');
    if (this.ids.length === 0 && n > 0 && this.numberDirectly(words, keys, n, room)) {
      this.numberedDirectly = true;
      return;
    }
    for (let k = 0; k < n; k += CHUNK) this.hashRange(words, keys, k, Math.min(n, k + CHUNK));
    // A table sized once for the estimated number of distinct ids spares the growth steps (each
    // re-places every entry, and each is more memory for the collector to account for).
    if (this.ids.length === 0 && n > 1 << MIN_SLOT_BITS) this.reserve(1.05 * distinctEstimate(words, n), room);
    // A kernel called per chunk of events, which engines optimize as a whole (see CHUNK).
    for (let k = 0; k < n; k += CHUNK) this.numberRange(words, keys, k, Math.min(n, k + CHUNK));
  }

  /**
   * Number the staged ids through a direct table when they allow it (see {@link DirectShape}): all
   * integers from 0 to 2^31 − 1, or all strings made of one prefix and digits (of one width, or of
   * any width without leading zeros), with values in a range of at most 2n + 1024. Returns `false`,
   * with nothing changed, otherwise.
   */
  private numberDirectly(words: Uint32Array, keys: Int32Array, n: number, room: Scratch | undefined): boolean {
    const shape = directShape(words[0] ?? 0, keys[0] ?? 0, keys[1] ?? 0);
    if (shape === null) return false;
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
      return false;
    }
    const dense = denseTable(min, (range[1] ?? 0) - min + 1, n, room);
    for (let k = 0; k < n; k += CHUNK) numberDense(words, dense, k, Math.min(n, k + CHUNK), words);
    const ids = denseIds(dense);
    this.ids = ids;
    // The accounts' ids are their values so far: a string id is rebuilt from its value.
    if (tag !== NUMBER_TAG) {
      // Digits of one width keep their leading zeros; digits of varying widths have none.
      const width = ((range[SEEN] ?? 0) & OTHER_LENGTH) === 0 ? tag - (shape[SHAPE_FIRST_DIGIT] ?? 0) : 0;
      for (let a = 0; a < ids.length; a += CHUNK) directIds(ids, a, Math.min(ids.length, a + CHUNK), shape, width);
    }
    return true;
  }

  /** Put 28 bits of the hash of the packed keys of staged events `k0 … k1 − 1` below their tags. */
  private hashRange(words: Uint32Array, keys: Int32Array, k0: number, k1: number): void {
    const { seed } = this;
    for (let k = k0; k < k1; k++) {
      const tag = (words[k] ?? 0) >>> 28;
      if (tag === UNPACKED) continue; // hashed when staged
      words[k] = ((tag << 28) | (hashKey(tag, keys[k * KEY_WORDS] ?? 0, keys[k * KEY_WORDS + 1] ?? 0, seed) & HASH_BITS)) >>> 0;
    }
  }

  /** Number the staged events `k0 … k1 − 1` (see {@link numberStaged}). */
  private numberRange(words: Uint32Array, keys: Int32Array, k0: number, k1: number): void {
    const { at, entry } = this;
    let k = k0;
    for (; k + BATCH <= k1; k += BATCH) {
      // The batch's first probes are loaded before any is used, so their cache misses overlap. A
      // first probe that already holds the key is final (entries never change once written); anything
      // else goes through `find`, which reads the table again (an earlier id of the batch may have
      // been numbered, or the table grown, meanwhile).
      const { slots, mask } = this;
      for (let j = 0; j < BATCH; j++) {
        const slot = ((words[k + j] ?? 0) & HASH_BITS & mask) * SLOT;
        at[j] = slot;
        entry[j] = slots[slot] ?? 0;
      }
      for (let j = 0; j < BATCH; j++) {
        const word = words[k + j] ?? 0;
        const tag = word >>> 28;
        const low = keys[(k + j) * KEY_WORDS] ?? 0;
        const high = keys[(k + j) * KEY_WORDS + 1] ?? 0;
        const slot = at[j] ?? 0;
        const found = entry[j] ?? 0;
        words[k + j] = found !== 0 && slots[slot + 1] === tag && slots[slot + 2] === low && slots[slot + 3] === high
          ? found - 1
          : this.findStaged(word, low, high);
      }
    }
    for (; k < k1; k++) words[k] = this.findStaged(words[k] ?? 0, keys[k * KEY_WORDS] ?? 0, keys[k * KEY_WORDS + 1] ?? 0);
  }

  /** {@link find} for a staged word and key. */
  private findStaged(word: number, low: number, high: number): number {
    const tag = word >>> 28;
    if (tag !== UNPACKED) return this.find(word & HASH_BITS, tag, low, high, undefined);
    return this.find(word & HASH_BITS, high | 0x80000000, 0, 0, this.unpacked[low] ?? '');
  }

  /**
   * The account number of the id with this hash, tag and key, numbering it when it is new. `id` is the
   * id itself when the caller has it (always for a string that is not packed); otherwise it is rebuilt
   * from the key.
   */
  private find(hash: number, tag: number, low: number, high: number, id: CustomerId | undefined): number {
    const { slots, mask, ids } = this;
    const long = tag < 0;
    const text = long && typeof id === 'string' ? id : '';
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const entry = slots[at] ?? 0;
      if (entry === 0) break;
      if (slots[at + 1] === tag && (long ? ids[entry - 1] === text : slots[at + 2] === low && slots[at + 3] === high)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    const account = ids.length;
    ids.push(long ? text : typeof id === 'string' ? id : idOfKey(tag, low, high)); // a number is read back from its key: -0 becomes 0
    const at = slot * SLOT;
    slots[at] = account + 1;
    slots[at + 1] = tag;
    slots[at + 2] = long ? 0 : low;
    slots[at + 3] = long ? 0 : high;
    if (4 * ids.length > 3 * mask) this.grow();
    return account;
  }

  /**
   * The slots that looking up each id of the hash table reads, summed over its ids: for each, one more
   * than the distance from the slot its hash names to the slot that holds it. Hashes that spread the
   * ids keep it below about 2.5 per id at the table's load; ids whose hashes all name one slot make it
   * about n²/2.
   *
   * @returns the sum (0 when the ids were numbered through a direct table, which has no probing)
   */
  probeLength(): number {
    const { slots, mask } = this;
    let sum = 0;
    for (let slot = 0; slot <= mask; slot++) {
      const at = slot * SLOT;
      if ((slots[at] ?? 0) === 0) continue;
      const tag = slots[at + 1] ?? 0;
      const hash = tag < 0 ? tag : hashKey(tag, slots[at + 2] ?? 0, slots[at + 3] ?? 0, this.seed);
      sum += ((slot - (hash & HASH_BITS & mask)) & mask) + 1;
    }
    return sum;
  }

  /** Double the table and re-place every entry. */
  private grow(): void {
    this.resize(2 * this.mask + 1);
  }

  /** Make room for `count` ids without growing, give or take the estimate's error. */
  private reserve(count: number, room: Scratch | undefined): void {
    let mask = this.mask;
    while (3 * mask < 4 * count) mask = 2 * mask + 1;
    if (mask !== this.mask) this.resize(mask, room);
  }

  /** Move every entry to a table of `mask + 1` slots (taken from `room` when given). */
  private resize(mask: number, room?: Scratch): void {
    const old = this.slots;
    const slots = room === undefined ? new Int32Array(SLOT * (mask + 1)) : room.int32(SLOT * (mask + 1));
    for (let from = 0; from < old.length; from += SLOT) {
      const entry = old[from] ?? 0;
      if (entry === 0) continue;
      const tag = old[from + 1] ?? 0;
      const low = old[from + 2] ?? 0;
      const high = old[from + 3] ?? 0;
      // A long string's tag is its hash with the sign bit set.
      let slot = (tag < 0 ? tag : hashKey(tag, low, high, this.seed)) & HASH_BITS & mask;
      while ((slots[slot * SLOT] ?? 0) !== 0) slot = (slot + 1) & mask;
      const to = slot * SLOT;
      slots[to] = entry;
      slots[to + 1] = tag;
      slots[to + 2] = low;
      slots[to + 3] = high;
    }
    this.slots = slots;
    this.mask = mask;
  }
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

/** The byte of character `i` (0–7) of a packed key. */
function keyByte(low: number, high: number, i: number): number {
  return (i < 4 ? low >>> (8 * i) : high >>> (8 * i - 32)) & 0xff;
}

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
    numberWords[0] = keys[k * KEY_WORDS] ?? 0;
    numberWords[1] = keys[k * KEY_WORDS + 1] ?? 0;
    const value = numberBits[0] ?? 0;
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
 * {@link IdInterner.stage} wrote them (their tags). The tag is `tag` for numbers; a string's is its
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

/**
 * A direct table from integer ids to account numbers: slot `id − min` holds the id's account, −1 until
 * it has one. Accounts are numbered in order of first sight, and each one's slot is kept, so that the
 * ids can be listed once at the end ({@link denseIds}) instead of growing an array one id at a time
 * (which allocates about three times the final array on millions of accounts).
 */
export interface DenseTable {
  readonly table: Int32Array;
  readonly min: number;
  /** The slot of each account numbered so far. */
  readonly slots: Uint32Array;
  /** How many accounts are numbered so far. */
  accounts: number;
}

/**
 * An empty {@link DenseTable} for integer ids from `min` to `min + size − 1`, of which there are at
 * most `count`, its arrays taken from `room` when there is room.
 */
export function denseTable(min: number, size: number, count: number, room: Scratch | undefined): DenseTable {
  const table = (room === undefined ? new Int32Array(size) : room.int32(size)).fill(-1);
  const most = Math.min(count, size);
  return { table, min, slots: room === undefined ? new Uint32Array(most) : room.uint32(most), accounts: 0 };
}

/**
 * Number the ids of events `lo … hi − 1` (one chunk) through the dense table, into `idOf`; an id seen
 * for the first time becomes the next account.
 *
 * Eight look-ups are issued before any of their results is used: the table is far larger than the
 * cache, and a slot met for the first time (a branch no predictor gets right) would otherwise hold
 * back the next look-up's load. A slot found unnumbered is looked up again, since an earlier event of
 * the same eight may have numbered it.
 */
export function numberDense(idColumn: ArrayLike<number>, dense: DenseTable, lo: number, hi: number, idOf: Uint32Array): void {
  const { table, min } = dense;
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const s0 = (idColumn[i] ?? 0) - min;
    const s1 = (idColumn[i + 1] ?? 0) - min;
    const s2 = (idColumn[i + 2] ?? 0) - min;
    const s3 = (idColumn[i + 3] ?? 0) - min;
    const s4 = (idColumn[i + 4] ?? 0) - min;
    const s5 = (idColumn[i + 5] ?? 0) - min;
    const s6 = (idColumn[i + 6] ?? 0) - min;
    const s7 = (idColumn[i + 7] ?? 0) - min;
    const a0 = table[s0] ?? -1;
    const a1 = table[s1] ?? -1;
    const a2 = table[s2] ?? -1;
    const a3 = table[s3] ?? -1;
    const a4 = table[s4] ?? -1;
    const a5 = table[s5] ?? -1;
    const a6 = table[s6] ?? -1;
    const a7 = table[s7] ?? -1;
    idOf[i] = a0 >= 0 ? a0 : denseAccount(dense, s0);
    idOf[i + 1] = a1 >= 0 ? a1 : denseAccount(dense, s1);
    idOf[i + 2] = a2 >= 0 ? a2 : denseAccount(dense, s2);
    idOf[i + 3] = a3 >= 0 ? a3 : denseAccount(dense, s3);
    idOf[i + 4] = a4 >= 0 ? a4 : denseAccount(dense, s4);
    idOf[i + 5] = a5 >= 0 ? a5 : denseAccount(dense, s5);
    idOf[i + 6] = a6 >= 0 ? a6 : denseAccount(dense, s6);
    idOf[i + 7] = a7 >= 0 ? a7 : denseAccount(dense, s7);
  }
  for (; i < hi; i++) idOf[i] = denseAccount(dense, (idColumn[i] ?? 0) - min);
}

/** The account of a dense table slot, numbering it when it has none yet. */
export function denseAccount(dense: DenseTable, slot: number): number {
  const { table } = dense;
  let account = table[slot] ?? -1;
  if (account < 0) {
    account = dense.accounts++;
    table[slot] = account;
    dense.slots[account] = slot;
  }
  return account;
}

/** The ids of a dense table's accounts, in account order: one array of exactly their number. */
export function denseIds(dense: DenseTable): CustomerId[] {
  const ids = new Array<CustomerId>(dense.accounts);
  for (let a = 0; a < dense.accounts; a += CHUNK) idsOfSlots(dense, a, Math.min(dense.accounts, a + CHUNK), ids);
  return ids;
}

/** `ids[a] = min + slot of a` for accounts `lo … hi − 1` (one chunk, see {@link CHUNK}). */
function idsOfSlots(dense: DenseTable, lo: number, hi: number, ids: CustomerId[]): void {
  const { slots, min } = dense;
  for (let a = lo; a < hi; a++) ids[a] = (slots[a] ?? 0) + min;
}

/** Registers of {@link distinctEstimate}: 2^12, for a standard error of about 1.6 %. */
const REGISTER_BITS = 12;

/**
 * The number of distinct ids among the first `n` staged, from their hashes, estimated with
 * HyperLogLog (Flajolet et al., 2007; linear counting below 2.5 × the number of registers). Only sizes
 * a table: an estimate off by a few percent costs a growth step or some unused slots, never a wrong
 * number.
 */
function distinctEstimate(words: Uint32Array, n: number): number {
  const m = 1 << REGISTER_BITS;
  const registers = new Uint8Array(m);
  const rest = 28 - REGISTER_BITS;
  for (let k = 0; k < n; k++) {
    const h = (words[k] ?? 0) & HASH_BITS;
    const register = h >>> rest;
    // Position of the first 1 bit in the remaining bits (a sentinel bit caps it).
    const rank = Math.clz32((h << (32 - rest)) | (1 << (31 - rest))) + 1;
    if (rank > (registers[register] ?? 0)) registers[register] = rank;
  }
  let sum = 0;
  let zeros = 0;
  for (let r = 0; r < m; r++) {
    const rank = registers[r] ?? 0;
    sum += 2 ** -rank;
    if (rank === 0) zeros++;
  }
  const estimate = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
  return estimate <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : estimate;
}

/**
 * Write the key of a number, or of a string of at most 8 characters each below U+0100, to `keys[at]`
 * and `keys[at + 1]`, and return its tag; −1 for any other string (nothing written).
 */
function writeKey(id: CustomerId, keys: Int32Array, at: number): number {
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

/** The id a key holds whole: a number, or a string of up to 8 one-byte characters. */
function idOfKey(tag: number, low: number, high: number): CustomerId {
  if (tag === NUMBER_TAG) {
    numberWords[0] = low;
    numberWords[1] = high;
    return numberBits[0] ?? 0;
  }
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

/** Why `value` is not a usable customer id. */
export function explainId(value: unknown): string {
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs a customer id`;
  if (typeof value === 'number') return `${describeValue(value)} is not a usable customer id (numbers must be finite)`;
  return `${describeValue(value)} is not a customer id (use a string or a number)`;
}
