/**
 * Customer ids: validation and interning into account numbers.
 *
 * The {@link IdInterner} here is the hash table; around it, one concept a file: `id-keys.ts` (an id's
 * staged form: a tag and two key words), `id-hash.ts` (the keyed hash), `direct-ids.ts` and
 * `dense-ids.ts` (ids of one shape numbered by their value, without hashing), `distinct-estimate.ts`
 * (the table's size from the staged hashes).
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';
import { describeValue } from '../errors.ts';
import { numberDirectly } from './direct-ids.ts';
import { distinctEstimate } from './distinct-estimate.ts';
import type { Scratch } from './event-columns.ts';
import { type HashSeed, hashKey, hashString, processHashSeed } from './id-hash.ts';
import { HASH_BITS, KEY_WORDS, UNPACKED, idOfKey, writeKey } from './id-keys.ts';
import type { CustomerId } from './types.ts';

export { type DenseTable, denseAccount, denseIds, denseTable, numberDense } from './dense-ids.ts';
export { KEY_WORDS } from './id-keys.ts';

/** Whether `value` can be a customer id: any string, or a finite number. */
export function isCustomerId(value: unknown): value is CustomerId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Smallest table: 2^10 slots. */
const MIN_SLOT_BITS = 10;
/** Words per slot of the table: account number + 1 (0 = empty), then the id's tag and its two key words. */
const SLOT = 4;
/** Look-ups issued together by {@link IdInterner.numberStaged}. */
const BATCH = 8;

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
 * Staged ids of one common shape need no hashing at all (see `direct-ids.ts`): integers from 0 to
 * 2^31 − 1, or strings made of one prefix and digits, numbered through a table indexed by their value.
 * The first id that does not fit sends the whole set back to hashing, with the same result.
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
    const direct = this.ids.length === 0 && n > 0 ? numberDirectly(words, keys, n, room) : null;
    if (direct !== null) {
      this.ids = direct;
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

/** Why `value` is not a usable customer id. */
export function explainId(value: unknown): string {
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs a customer id`;
  if (typeof value === 'number') return `${describeValue(value)} is not a usable customer id (numbers must be finite)`;
  return `${describeValue(value)} is not a customer id (use a string or a number)`;
}
