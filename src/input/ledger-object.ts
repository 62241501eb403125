/**
 * The object a ledger builder returns: one class, so that every ledger has the same shape.
 *
 * @module
 */
import type { LedgerTotals } from './account-totals.ts';
import type { AttributeColumn } from './attribute-dictionary.ts';
import { type CustomerId, LEDGER_BRAND, type Ledger, type SkippedRecord } from './types.ts';

/** What a ledger knows once its events are grouped: all but its brand and what is computed on first read. */
export type LedgerFields = Omit<Ledger, typeof LEDGER_BRAND | 'account'>;

/**
 * A built, frozen {@link Ledger}: every ledger is an instance of this one class, with the same fields.
 * The account of each event is a getter, computed on first read and then kept: no report needs it,
 * and it would add 4 bytes per event to every ledger.
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
  readonly totals: LedgerTotals;
  readonly firstOrder: Float64Array;
  readonly lastOrder: Float64Array;
  readonly grossMinor: Float64Array;
  readonly netMinor: Float64Array;
  readonly attributes: Readonly<Record<string, AttributeColumn>>;
  readonly customerAttributes: Readonly<Record<string, AttributeColumn>>;
  readonly unknownCustomers: number;
  #account: Uint32Array | null = null;

  /** @param fields - the ledger's columns, counts and totals */
  constructor(fields: LedgerFields) {
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
    this.totals = fields.totals;
    this.firstOrder = fields.firstOrder;
    this.lastOrder = fields.lastOrder;
    this.grossMinor = fields.grossMinor;
    this.netMinor = fields.netMinor;
    this.attributes = fields.attributes;
    this.customerAttributes = fields.customerAttributes;
    this.unknownCustomers = fields.unknownCustomers;
    Object.freeze(this);
  }

  get account(): Uint32Array {
    return (this.#account ??= accountOfEvents(this.start));
  }
}

/** The account number of each event, from the accounts' event offsets. */
function accountOfEvents(start: Uint32Array): Uint32Array {
  const accounts = start.length - 1;
  const account = new Uint32Array(start[accounts]);
  for (let r = 0; r < accounts; r++) account.fill(r, start[r], start[r + 1]);
  return account;
}
