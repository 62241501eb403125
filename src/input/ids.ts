/**
 * Customer ids: validation and interning into account numbers.
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';
import { describeValue } from '../errors.ts';
import type { Scratch } from './event-columns.ts';
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
/** The staged tag of a string that is not packed (its key holds its index in `unpacked` and its hash). */
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

/** A 32-bit hash of an id held whole by its tag and key words (a number, or a string of ≤ 8 one-byte characters). */
function mixKey(tag: number, low: number, high: number): number {
  let h = Math.imul(low ^ (low >>> 16), 0x85ebca6b) ^ high;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ tag;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** The FNV-1a hash of a string's UTF-16 code units. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

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
 * Ids can be numbered one at a time ({@link intern}) or staged first — tags and keys written into
 * columns while the records are read ({@link stage}), all numbered afterwards in one pass
 * ({@link numberStaged}) that issues several table look-ups before waiting on any of them.
 */
export class IdInterner {
  /** Account ids in order of first sight. */
  readonly ids: CustomerId[] = [];
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

  /**
   * The account number of `id`, numbering it on first sight.
   *
   * @param id - a customer id
   * @returns its account number
   */
  intern(id: CustomerId): number {
    const { key } = this;
    const tag = writeKey(id, key, 0);
    if (tag < 0) {
      const hash = stringHash(id as string);
      return this.find(hash & HASH_BITS, hash | 0x80000000, 0, 0, id);
    }
    const low = key[0] ?? 0;
    const high = key[1] ?? 0;
    return this.find(mixKey(tag, low, high) & HASH_BITS, tag, low, high, id);
  }

  /**
   * Stage the id of event `k`: its key goes to `keys[2k]`, `keys[2k + 1]`, and `words[k]` gets its tag
   * (top 4 bits) and 28 bits of its hash, to be numbered by {@link numberStaged}.
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
      words[k] = ((tag << 28) | (mixKey(tag, keys[at] ?? 0, keys[at + 1] ?? 0) & HASH_BITS)) >>> 0;
      return;
    }
    const hash = stringHash(id as string);
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
    // A table sized once for the estimated number of distinct ids spares the growth steps (each
    // re-places every entry, and each is more memory for the collector to account for).
    if (this.ids.length === 0 && n > 1 << MIN_SLOT_BITS) this.reserve(1.05 * distinctEstimate(words, n), room);
    // A kernel called per chunk of events, which engines optimize as a whole (see CHUNK).
    for (let k = 0; k < n; k += CHUNK) this.numberRange(words, keys, k, Math.min(n, k + CHUNK));
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
      let slot = (tag < 0 ? tag : mixKey(tag, low, high)) & HASH_BITS & mask;
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
