/**
 * Dense integer ids: a table indexed by the id, from ids in a narrow range to account numbers, for
 * a typed-array id column (`ledger.fromColumns`).
 *
 * @module
 * @internal
 */
import type { AccountNumbering } from './ids.ts';
import type { CustomerId } from './types.ts';

/** How much wider than the column the ids' range may be: a table of at most 2n + 1024 slots. */
function tableFits(min: number, max: number, n: number): boolean {
  return max - min <= 2 * n + 1024;
}

/**
 * @internal Numbers integer ids in a narrow range through a table indexed by `id − min`, accounts in
 * order of first sight, as {@link IdNumbering} numbers them.
 */
export class DenseIdTable implements AccountNumbering {
  /** The account of each id, at `id − min`; −1 while the id has none. */
  private readonly accountOfSlot: Int32Array;
  /** The slot (`id − min`) of each account numbered so far. */
  private readonly slotOfAccount: Uint32Array;
  private accounts = 0;

  /**
   * @param min - the least id
   * @param max - the largest id
   * @param n - the most accounts there can be
   */
  constructor(
    private readonly min: number,
    max: number,
    n: number,
  ) {
    const size = max - min + 1;
    this.accountOfSlot = new Int32Array(size).fill(-1);
    this.slotOfAccount = new Uint32Array(Math.min(n, size));
  }

  /**
   * @internal The table for the first `n` ids of a column, when the column is a typed array of integers
   * spanning a range not much wider than it; `null` otherwise.
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
    return tableFits(min, max, n) ? new DenseIdTable(min, max, n) : null;
  }

  /**
   * The account of an id in the table's range, numbering it on first sight.
   *
   * @param id - an integer from the table's least to its largest id
   * @returns its account number
   */
  accountOf(id: CustomerId): number {
    const slot = (id as number) - this.min;
    const known = this.accountOfSlot[slot];
    if (known >= 0) return known;
    const account = this.accounts++;
    this.accountOfSlot[slot] = account;
    this.slotOfAccount[account] = slot;
    return account;
  }

  /** @returns the ids of the accounts numbered so far, by account number */
  idsByAccount(): CustomerId[] {
    const ids = new Array<CustomerId>(this.accounts);
    for (let a = 0; a < this.accounts; a++) ids[a] = this.slotOfAccount[a] + this.min;
    return ids;
  }
}
