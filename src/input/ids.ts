/**
 * Customer ids: validation and interning into account numbers.
 *
 * @module
 */
import { describeValue } from '../errors.ts';
import type { CustomerId } from './types.ts';

/** Whether `value` can be a customer id: any string, or a finite number. */
export function isCustomerId(value: unknown): value is CustomerId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Smallest string table: 2^10 slots. */
const MIN_SLOT_BITS = 10;
/** Words per slot of the string table. */
const SLOT = 4;
/** Longest string stored whole in its slot: 8 characters of one byte each fill two 32-bit words. */
const PACKED_LENGTH = 8;

/**
 * Numbers accounts by id in order of first sight: `intern(id)` is the account number of `id`, and
 * `ids[k]` the id of account `k`. Strings and numbers are distinct ids (`1` is not `"1"`), `-0` is `0`,
 * and every string is an ordinary id (`"__proto__"` and `""` included).
 *
 * Strings go to an open-addressing table of their own (FNV-1a hash, linear probing, at most three
 * quarters full) rather than a `Map`. With millions of customers the cost of interning is memory
 * latency: a `Map` (or a table of references) reaches the stored string through a pointer, one more
 * cache miss per record. So a slot holds the account number and, for the common short ids (up to 8
 * characters, each below U+0100, such as `"10482"` or `"c0187525"`), the characters themselves: such an
 * id is found by comparing integers in one cache line. Longer ids keep their hash in the slot and are
 * compared as strings when the hashes agree.
 */
export class IdInterner {
  /** Account ids in order of first sight. */
  readonly ids: CustomerId[] = [];
  private readonly numbers = new Map<number, number>();
  /**
   * `SLOT` words per slot: account number + 1 (0 = empty); a tag (the length, 0–8, of a packed id, or
   * the hash with its sign bit set); and the packed characters (zero otherwise).
   */
  private slots = new Int32Array(SLOT << MIN_SLOT_BITS);
  private mask = (1 << MIN_SLOT_BITS) - 1;
  private strings = 0;

  /** The account number of `id`, numbering it on first sight. */
  intern(id: CustomerId): number {
    return typeof id === 'string' ? this.internString(id) : this.internNumber(id);
  }

  private internNumber(id: number): number {
    let account = this.numbers.get(id);
    if (account === undefined) {
      account = this.ids.length;
      this.numbers.set(id, account);
      this.ids.push(id === 0 ? 0 : id); // -0 and 0 are one id
    }
    return account;
  }

  private internString(id: string): number {
    // One pass over the characters: the hash, and the packed form while it fits.
    const length = id.length;
    let hash = 0x811c9dc5;
    let low = 0;
    let high = 0;
    let packed = length <= PACKED_LENGTH;
    for (let i = 0; i < length; i++) {
      const c = id.charCodeAt(i);
      hash = Math.imul(hash ^ c, 0x01000193);
      if (c > 0xff) packed = false;
      else if (i < 4) low |= c << (8 * i);
      else high |= c << (8 * (i - 4));
    }
    const tag = packed ? length : hash | 0x80000000; // a negative tag never equals a length
    const { slots, mask, ids } = this;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT;
      const entry = slots[at] ?? 0;
      if (entry === 0) break;
      if (slots[at + 1] === tag && (packed ? slots[at + 2] === low && slots[at + 3] === high : ids[entry - 1] === id)) {
        return entry - 1;
      }
      slot = (slot + 1) & mask;
    }
    const account = ids.length;
    ids.push(id);
    const at = slot * SLOT;
    slots[at] = account + 1;
    slots[at + 1] = tag;
    slots[at + 2] = packed ? low : 0;
    slots[at + 3] = packed ? high : 0;
    this.strings++;
    if (4 * this.strings > 3 * mask) this.grow();
    return account;
  }

  /** Double the string table and re-place every entry. */
  private grow(): void {
    const old = this.slots;
    const mask = 2 * this.mask + 1;
    const slots = new Int32Array(SLOT * (mask + 1));
    for (let from = 0; from < old.length; from += SLOT) {
      const entry = old[from] ?? 0;
      if (entry === 0) continue;
      const tag = old[from + 1] ?? 0;
      const low = old[from + 2] ?? 0;
      const high = old[from + 3] ?? 0;
      // A long id's tag is its hash with the sign bit set, which no mask reaches; a packed id's hash
      // is recomputed from its characters.
      let slot = (tag < 0 ? tag : packedHash(tag, low, high)) & mask;
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

/** The FNV-1a hash of a packed id: `length` characters, four per word, lowest byte first. */
function packedHash(length: number, low: number, high: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (((i < 4 ? low : high) >>> (8 * (i & 3))) & 0xff), 0x01000193);
  return hash;
}

/** Why `value` is not a usable customer id. */
export function explainId(value: unknown): string {
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs a customer id`;
  if (typeof value === 'number') return `${describeValue(value)} is not a usable customer id (numbers must be finite)`;
  return `${describeValue(value)} is not a customer id (use a string or a number)`;
}
