/**
 * Ids numbered through an open-addressing table whose slots are chosen by a keyed hash (see
 * `id-hash.ts`): the ids a `Map` would place by a hash anyone can compute (see `ids.ts`).
 *
 * @module
 * @internal
 */
import { type HashSeed, hashKey, hashString, processHashSeed } from './id-hash.ts';
import type { CustomerId } from './types.ts';

/** Slots of the smallest table. */
const MIN_SLOTS = 1024;

/** The tag under which a number's 64 bits are hashed (a string is hashed by its code units). */
const NUMBER_TAG = 9;

// The 64 bits of a number, as two words.
const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

/**
 * @internal The keyed hash of an id: of a string's code units, or of a number's 64 bits (`-0` is
 * hashed as `0`, the id it stands for).
 *
 * @param id - a customer id
 * @param seed - the key
 * @returns a 32-bit hash
 */
export function hashId(id: CustomerId, seed: HashSeed): number {
  if (typeof id === 'string') return hashString(id, seed);
  numberBits[0] = id === 0 ? 0 : id;
  return hashKey(NUMBER_TAG, numberWords[0], numberWords[1], seed);
}

/**
 * @internal A table from ids to account numbers: open addressing, linear probing, at most three
 * quarters full. Each slot holds an account number plus one (0: empty) and the hash of that account's
 * id, so a probe compares ids only when their hashes agree.
 *
 * Invariant: the slot an id starts probing at depends on a secret key drawn at random per process, so
 * no choice of ids (crafted to share a hash under a known function) makes probe runs longer than
 * random ids do.
 */
export class KeyedIdTable {
  /** Account number + 1 of each slot's id; 0 for an empty slot. */
  private accountOfSlot = new Int32Array(MIN_SLOTS);
  /** The hash of each slot's id. */
  private hashOfSlot = new Int32Array(MIN_SLOTS);
  private mask = MIN_SLOTS - 1;
  private size = 0;

  /** @param seed - the hash key (the process's random one; a fixed key only in tests) */
  constructor(private readonly seed: HashSeed = processHashSeed()) {}

  /**
   * The account number of `id`: its index in `ids`, where a new id is appended.
   *
   * @param id - a customer id (a number is never `-0`)
   * @param ids - the ids numbered so far, by account number
   * @returns its account number
   */
  accountOf(id: CustomerId, ids: CustomerId[]): number {
    const hash = hashId(id, this.seed);
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.accountOfSlot[slot];
      if (entry === 0) break;
      if (this.hashOfSlot[slot] === hash && ids[entry - 1] === id) return entry - 1;
      slot = (slot + 1) & this.mask;
    }
    const account = ids.length;
    ids.push(id);
    this.accountOfSlot[slot] = account + 1;
    this.hashOfSlot[slot] = hash;
    this.size++;
    if (4 * this.size > 3 * this.mask) this.grow();
    return account;
  }

  /**
   * The slots read by looking up each id of the table, summed over its ids: for each, one more than the
   * distance from the slot its hash names to the slot that holds it. Hashes that spread the ids keep
   * it below about 2.5 per id at the table's load; ids that all name one slot make it about n²/2.
   *
   * @returns the sum
   */
  probeLength(): number {
    let sum = 0;
    for (let slot = 0; slot <= this.mask; slot++) {
      if (this.accountOfSlot[slot] === 0) continue;
      sum += ((slot - (this.hashOfSlot[slot] & this.mask)) & this.mask) + 1;
    }
    return sum;
  }

  /** Double the table and place every entry again. */
  private grow(): void {
    const accounts = this.accountOfSlot;
    const hashes = this.hashOfSlot;
    const mask = 2 * this.mask + 1;
    this.accountOfSlot = new Int32Array(mask + 1);
    this.hashOfSlot = new Int32Array(mask + 1);
    this.mask = mask;
    for (let from = 0; from < accounts.length; from++) {
      if (accounts[from] === 0) continue;
      let slot = hashes[from] & mask;
      while (this.accountOfSlot[slot] !== 0) slot = (slot + 1) & mask;
      this.accountOfSlot[slot] = accounts[from];
      this.hashOfSlot[slot] = hashes[from];
    }
  }
}
