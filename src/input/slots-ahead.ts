/**
 * Numbering the slots of a dense id column (see `dense-ids.ts`) in order of first sight, with the
 * table read a few entries ahead of its use: the fast path of `DenseIdTable.numberColumn`.
 *
 * The table is far larger than the cache, and whether an entry's slot is new is known only once the
 * slot is read: a loop that reads, decides and maybe writes one entry at a time waits out every read
 * in turn. Here the slots of {@link AHEAD} entries are read before any of them is acted on, so those
 * reads overlap; a slot read as unnumbered is read again when its turn comes, since an earlier entry
 * of the same group may have numbered it.
 *
 * Invariant: the accounts and new slots equal those of numbering the entries one at a time
 * (property-tested through `DenseIdTable.numberColumn` against `DenseIdTable.accountOf`).
 *
 * @module
 * @internal
 */

/** Entries whose slots are read before any of them is acted on. */
const AHEAD = 4;

/** The accounts numbered from a table, in order of first sight. */
class FirstSight {
  /** The slot of each new account, from the first new one on. */
  readonly newSlots: Uint32Array;
  /** The next account number. */
  numbered: number;

  /**
   * @param table - the account of each slot, −1 while it has none (numbered in place)
   * @param firstNew - the first account number to give
   * @param most - the most new accounts there can be
   */
  constructor(
    private readonly table: Int32Array,
    private readonly firstNew: number,
    most: number,
  ) {
    this.newSlots = new Uint32Array(most);
    this.numbered = firstNew;
  }

  /** The account of a slot, numbering it when it has none yet. */
  accountOf(slot: number): number {
    let account = this.table[slot];
    if (account < 0) {
      account = this.numbered++;
      this.table[slot] = account;
      this.newSlots[account - this.firstNew] = slot;
    }
    return account;
  }
}

/**
 * @internal Number the first `n` entries of a column through a dense table, in order of first sight.
 *
 * @param column - integers from `min` on, each within the table's slots
 * @param n - the entries to number
 * @param min - the value of slot 0
 * @param table - the account of each slot, −1 while it has none; new accounts are written into it
 * @param firstNew - the number of the first new account (the accounts numbered before)
 * @returns the account of each entry, and the slot of each new account in order
 */
export function numberSlotsAhead(column: ArrayLike<number>, n: number, min: number, table: Int32Array, firstNew: number): { accounts: Uint32Array; newSlots: Uint32Array } {
  const accounts = new Uint32Array(n);
  // At most one new account per entry and per slot.
  const sight = new FirstSight(table, firstNew, Math.min(n, table.length));
  let i = 0;
  for (; i + AHEAD <= n; i += AHEAD) {
    const s0 = column[i] - min;
    const s1 = column[i + 1] - min;
    const s2 = column[i + 2] - min;
    const s3 = column[i + 3] - min;
    const a0 = table[s0];
    const a1 = table[s1];
    const a2 = table[s2];
    const a3 = table[s3];
    accounts[i] = a0 >= 0 ? a0 : sight.accountOf(s0);
    accounts[i + 1] = a1 >= 0 ? a1 : sight.accountOf(s1);
    accounts[i + 2] = a2 >= 0 ? a2 : sight.accountOf(s2);
    accounts[i + 3] = a3 >= 0 ? a3 : sight.accountOf(s3);
  }
  for (; i < n; i++) accounts[i] = sight.accountOf(column[i] - min);
  return { accounts, newSlots: sight.newSlots.subarray(0, sight.numbered - firstNew) };
}
