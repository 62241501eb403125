/**
 * The object a ledger builder returns: one class, so that every ledger has the same shape.
 *
 * @module
 */
import { type AccountTotals, accountTotals } from './account-totals.ts';
import { type CustomerId, LEDGER_BRAND, type Ledger, type SkippedRecord } from './types.ts';

/** What a ledger knows once its events are grouped: all but its brand and what is computed on first read. */
export type LedgerFields = Omit<Ledger, typeof LEDGER_BRAND | 'account' | 'firstOrder' | 'lastOrder' | 'grossMinor' | 'netMinor'>;

/**
 * A built, frozen {@link Ledger}. Functions that read ledgers stay monomorphic because all ledgers
 * share this one shape; objects given per-ledger accessor properties would each get a shape of their
 * own, and code reading a few of them would slow down to a generic property look-up. The per-customer
 * totals and the account of each event are getters: computed on first read when the builder did not
 * supply them, then kept.
 *
 * @internal
 */
export class LedgerObject implements Ledger {
  readonly [LEDGER_BRAND] = true as const;
  readonly timeZone: string;
  readonly currency: string | null;
  readonly currencyDigits: number;
  readonly ids: readonly CustomerId[];
  readonly start: Uint32Array;
  readonly time: Float64Array;
  readonly minor: Float64Array;
  readonly orders: Uint32Array;
  readonly recordCount: number;
  readonly eventCount: number;
  readonly orderCount: number;
  readonly refundCount: number;
  readonly customerCount: number;
  readonly minTime: number | null;
  readonly maxTime: number | null;
  readonly skipped: readonly SkippedRecord[];
  #totals: AccountTotals | null;
  #account: Uint32Array | null = null;
  readonly #sums: Float64Array;

  /**
   * @param fields - the ledger's columns and counts
   * @param totals - the per-customer totals when already summed, else `null` (summed on first read)
   * @param sums - the ledger-wide sums of its whole history (see `ledgerSums`)
   */
  constructor(fields: LedgerFields, totals: AccountTotals | null, sums: Float64Array) {
    this.timeZone = fields.timeZone;
    this.currency = fields.currency;
    this.currencyDigits = fields.currencyDigits;
    this.ids = fields.ids;
    this.start = fields.start;
    this.time = fields.time;
    this.minor = fields.minor;
    this.orders = fields.orders;
    this.recordCount = fields.recordCount;
    this.eventCount = fields.eventCount;
    this.orderCount = fields.orderCount;
    this.refundCount = fields.refundCount;
    this.customerCount = fields.customerCount;
    this.minTime = fields.minTime;
    this.maxTime = fields.maxTime;
    this.skipped = fields.skipped;
    this.#totals = totals;
    this.#sums = sums;
    Object.freeze(this);
  }

  /**
   * The ledger-wide sums over the whole history that the build added up (see `ledgerSums` for the
   * slots), or `null` for an object that is no ledger built here. Never write into them.
   */
  static sumsOf(book: Ledger): Float64Array | null {
    return #sums in book ? book.#sums : null;
  }

  get firstOrder(): Float64Array {
    return this.#totalsNow().firstOrder;
  }

  get lastOrder(): Float64Array {
    return this.#totalsNow().lastOrder;
  }

  get grossMinor(): Float64Array {
    return this.#totalsNow().grossMinor;
  }

  get netMinor(): Float64Array {
    return this.#totalsNow().netMinor;
  }

  get account(): Uint32Array {
    return (this.#account ??= accountOfEvents(this.start));
  }

  #totalsNow(): AccountTotals {
    return (this.#totals ??= accountTotals(this));
  }
}

/** The account number of each event, from the accounts' event offsets. */
function accountOfEvents(start: Uint32Array): Uint32Array {
  const accounts = Math.max(0, start.length - 1);
  const account = new Uint32Array(start[accounts] ?? 0);
  for (let r = 0; r < accounts; r++) account.fill(r, start[r] ?? 0, start[r + 1] ?? 0);
  return account;
}
