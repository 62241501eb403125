/**
 * Customer ids: what is one, and their numbering into account numbers in order of first sight.
 *
 * @module
 */
import { describeValue } from '../errors.ts';
import { DenseIdTable, denseSlots } from './dense-ids.ts';
import type { HashSeed } from './id-hash.ts';
import { KeyedIdTable } from './keyed-id-table.ts';
import { SequentialShape } from './sequential-ids.ts';
import type { CustomerId } from './types.ts';

/**
 * Whether `value` can be a customer id: any string, or a finite number.
 *
 * @param value - anything
 * @returns `true` for a string or a finite number
 */
export function isCustomerId(value: unknown): value is CustomerId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Why `value` is not a usable customer id.
 *
 * @param value - a value that is no customer id
 * @returns the reason, for an error message
 */
export function explainId(value: unknown): string {
  if (value === undefined || value === null) return `is missing (${String(value)}); every record needs a customer id`;
  if (typeof value === 'number') return `${describeValue(value)} is not a usable customer id (numbers must be finite)`;
  return `${describeValue(value)} is not a customer id (use a string or a number)`;
}

/**
 * Longest string numbered through the `Map`: the engine hashes a longer string by its length alone
 * (V8's `String::kMaxHashCalcLength`), so ids of one such length would all share a bucket.
 */
export const MAX_MAP_STRING_LENGTH = 16_383;

/** What numbers ids into accounts: the account of an id, and the ids by account number. */
export interface AccountNumbering {
  /** The account number of `id` (the next one when it is new). */
  accountOf(id: CustomerId): number;
  /** The ids numbered so far, by account number. */
  idsByAccount(): CustomerId[];
}

/**
 * Numbers ids by first sight: account `k` has the id `ids[k]`. Strings and numbers are distinct ids
 * (`1` is not `"1"`), `-0` is `0`, and every string is an ordinary id (`"__proto__"` and `""`
 * included).
 *
 * Sequential ids (see `sequential-ids.ts`) whose values stay within {@link denseSlots} of the ids to
 * number are numbered through a {@link DenseIdTable}. The first id that is not (another shape, or a
 * value beyond the table) hands every id numbered so far, in account order, to the general numbering
 * below, which numbers them the same, and takes all later ids.
 *
 * Invariant of the general numbering: no id is placed by a hash that someone choosing ids could
 * compute. Strings up to {@link MAX_MAP_STRING_LENGTH} characters go through a `Map`, whose string
 * hash takes a seed drawn at random per process; the hash of a string of up to 7 digits is its value
 * instead, but with 10^7 such strings, a bucket holds at most 10^7 ÷ buckets of them, which bounds the
 * work crafted ids can cause. A `Map` hashes numbers by a fixed function, and longer strings by their
 * length: numbers and longer strings go through a table placed by a keyed hash ({@link KeyedIdTable}).
 */
export class IdNumbering implements AccountNumbering {
  /** The ids numbered so far, by account number. */
  ids: CustomerId[] = [];
  /** The shape and table of sequential ids while every id so far had the shape; then `null`. */
  private sequential: { readonly shape: SequentialShape; readonly table: DenseIdTable } | null | undefined = undefined;
  private readonly accountOfString = new Map<string, number>();
  private readonly keyed: KeyedIdTable;

  /**
   * @param capacity - the most ids there will be (sizes the table of sequential ids)
   * @param seed - the keyed table's hash key (the process's random one; a fixed key only in tests)
   */
  constructor(
    private readonly capacity: number,
    seed?: HashSeed,
  ) {
    this.keyed = new KeyedIdTable(seed);
  }

  /**
   * The account number of `id`, numbering it on first sight.
   *
   * @param id - a customer id
   * @returns its account number
   */
  accountOf(id: CustomerId): number {
    if (this.sequential === undefined) this.sequential = this.sequentialFor(id);
    if (this.sequential !== null) {
      const { shape, table } = this.sequential;
      const value = shape.valueOfId(id);
      const account = value < 0 ? -1 : table.accountOfValue(value, id === 0 ? 0 : id);
      if (account >= 0) return account;
      this.handOver(table.ids);
    }
    return this.generalAccountOf(id);
  }

  /** @returns the ids numbered so far, by account number */
  idsByAccount(): CustomerId[] {
    return this.ids;
  }

  /** @returns the keyed table's probe length (see {@link KeyedIdTable.probeLength}) */
  keyedProbeLength(): number {
    return this.keyed.probeLength();
  }

  /** The sequential numbering the first id sets, or `null` when it has no sequential shape. */
  private sequentialFor(first: CustomerId): { shape: SequentialShape; table: DenseIdTable } | null {
    const shape = SequentialShape.of(first);
    if (shape === null) return null;
    const table = new DenseIdTable(0, denseSlots(this.capacity));
    this.ids = table.ids;
    return { shape, table };
  }

  /** Number the ids of the sequential table, in account order, by the general numbering (the same numbers). */
  private handOver(numbered: readonly CustomerId[]): void {
    this.sequential = null;
    this.ids = [];
    for (const id of numbered) this.generalAccountOf(id);
  }

  /** The account number of `id` in the general numbering (see the invariant above). */
  private generalAccountOf(id: CustomerId): number {
    if (typeof id === 'string' && id.length <= MAX_MAP_STRING_LENGTH) {
      const known = this.accountOfString.get(id);
      if (known !== undefined) return known;
      const account = this.ids.length;
      this.ids.push(id);
      this.accountOfString.set(id, account);
      return account;
    }
    return this.keyed.accountOf(id === 0 ? 0 : id, this.ids);
  }
}
