/**
 * Dense ids: a table indexed by an id's integer value, from values in a narrow range to account
 * numbers — for integer ids in a typed column (`ledger.fromColumns`), and for sequential ids read one
 * at a time (see `sequential-ids.ts`).
 *
 * @module
 * @internal
 */
import type { AccountNumbering } from './ids.ts';
import { numberSlotsAhead } from './slots-ahead.ts';
import type { CustomerId } from './types.ts';

/**
 * @internal The most slots a table for `n` ids may have: the ids' values may spread over about twice
 * their number, so that the table stays within a few bytes per id.
 *
 * @param n - the number of ids
 * @returns the slot limit
 */
export function denseSlots(n: number): number {
  return 2 * n + 1025;
}

/**
 * @internal Numbers ids through a table indexed by `value − min`, accounts in order of first sight, as
 * {@link IdNumbering} numbers them.
 */
export class DenseIdTable implements AccountNumbering {
  /** The ids numbered so far, by account number. */
  readonly ids: CustomerId[] = [];
  /** The account of each value, at `value − min`; −1 while the value has none. */
  private readonly accountOfSlot: Int32Array;

  /**
   * @param min - the least value
   * @param size - the number of values from `min` on
   */
  constructor(
    private readonly min: number,
    size: number,
  ) {
    this.accountOfSlot = new Int32Array(size).fill(-1);
  }

  /**
   * @internal The table for the first `n` ids of a column, when the column is a typed array of integers
   * spanning a range not much wider than it ({@link denseSlots}); `null` otherwise.
   *
   * @param column - the id column
   * @param n - its length
   * @returns the empty table, or `null`
   */
  static forColumn(column: ArrayLike<unknown>, n: number): DenseIdTable | null {
    if (!ArrayBuffer.isView(column) || n === 0) return null;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const id = column[i];
      if (typeof id !== 'number' || !Number.isInteger(id)) return null;
      if (id < min) min = id;
      if (id > max) max = id;
    }
    return max - min < denseSlots(n) ? new DenseIdTable(min, max - min + 1) : null;
  }

  /**
   * The account of an integer id in the table's range, numbering it on first sight.
   *
   * @param id - an integer from the table's least value on, in its range
   * @returns its account number
   */
  accountOf(id: CustomerId): number {
    return this.accountOfValue(id as number, id === 0 ? 0 : id);
  }

  /**
   * The account of the id with this value, numbering it on first sight; −1 (nothing numbered) when the
   * value is outside the table's range.
   *
   * @param value - the id's integer value
   * @param id - the id
   * @returns its account number, or −1
   */
  accountOfValue(value: number, id: CustomerId): number {
    const slot = value - this.min;
    if (!(slot >= 0 && slot < this.accountOfSlot.length)) return -1;
    const known = this.accountOfSlot[slot];
    if (known >= 0) return known;
    const account = this.ids.length;
    this.ids.push(id);
    this.accountOfSlot[slot] = account;
    return account;
  }

  /**
   * Number the first `n` ids of the column the table was made for ({@link DenseIdTable.forColumn}), in
   * order of first sight (through `slots-ahead.ts`, which gives the numbers {@link accountOf} would).
   *
   * The new ids are listed from their slots once at the end: an array of their exact number, rather
   * than one grown an id at a time. An id listed is `min + slot`, the integer it is (`-0` comes out
   * as `0`).
   *
   * @param column - the id column: integers in the table's range
   * @param n - its length
   * @returns the account number of each entry
   */
  numberColumn(column: ArrayLike<number>, n: number): Uint32Array {
    const firstNew = this.ids.length;
    const { accounts, newSlots } = numberSlotsAhead(column, n, this.min, this.accountOfSlot, firstNew);
    this.ids.length = firstNew + newSlots.length;
    for (let k = 0; k < newSlots.length; k++) this.ids[firstNew + k] = this.min + newSlots[k];
    return accounts;
  }

  /** @returns the ids numbered so far, by account number */
  idsByAccount(): CustomerId[] {
    return this.ids;
  }
}
