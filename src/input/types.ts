/**
 * The shapes that go into a {@link Ledger} and the ledger itself.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { LedgerTotals } from './account-totals.ts';
import type { AttributeColumn } from './attribute-dictionary.ts';

/**
 * A customer identifier. Numbers and strings are distinct ids (`1` is not `"1"`). A `bigint` id (a
 * BIGINT column) is read as the number it equals, within ±(2^53 − 1).
 */
export type CustomerId = string | number;

/**
 * A date as the library accepts it: a `Date`, a numeric date (epoch milliseconds, or the unit of the
 * `timeUnit` option; a number or a `bigint`) or an ISO-8601 string. Dates lie within years 0001–9999.
 */
export type DateInput = Date | number | bigint | string;

/** A money amount in major units (`"19.99"`, `19.99`, a `Decimal`, or a whole `bigint`). */
export type AmountInput = number | string | bigint | Decimal;

/** A transaction record in the library's own field names. */
export interface TransactionRecord {
  /** Who bought (or was refunded). */
  customerId: CustomerId;
  /** When: a `Date`, epoch ms, or ISO-8601 (date-only and offset-less strings are read in `timeZone`). */
  date: DateInput;
  /** Major units; `>= 0` is an order (zero-value orders count), `< 0` a refund. */
  amount: AmountInput;
  /** Optional order id: non-negative records of one customer sharing it are one order. */
  orderId?: string | number | null | undefined;
  /** Optional ISO 4217 code of the amount's currency; a ledger holds one currency. */
  currency?: string | null | undefined;
}

/** How skipped records are reported when `onInvalid: 'skip'` is set. */
export interface SkippedRecord {
  /** Position of the record in the input (0-based). */
  readonly index: number;
  /** The field that was wrong. */
  readonly field: string;
  /** The offending value. */
  readonly value: unknown;
  /** Why the record was skipped, e.g. `"12,50" is not a number (use "12.50")`. */
  readonly reason: string;
}

/** Brand carried by every ledger; use {@link isLedger} to test for one. */
export const LEDGER_BRAND: unique symbol = Symbol.for('retention-metrics.ledger') as never;

/**
 * A normalized, immutable, columnar transaction book.
 *
 * Every id that has at least one record is an *account*; an account with at least one order is a
 * *customer*. Accounts are numbered `0 … ids.length − 1` in order of their first record's instant
 * (ties by id: numbers before strings, numbers ascending, strings by code unit). Events (orders and
 * refunds after merging records that share an `orderId`) are stored sorted by account, then time,
 * then amount (largest first). Account `i` owns events `start[i] … start[i + 1] − 1`.
 *
 * The typed arrays are shared, not copied, by every function that reads the ledger: never write into
 * them.
 *
 * Money is held as integer minor units (cents for `currencyDigits = 2`) in a `Float64Array`; the
 * ledger guarantees that the sum of the absolute values of all amounts is at most
 * `Number.MAX_SAFE_INTEGER`, so every sum over any subset of events is exact.
 */
export interface Ledger {
  /** @internal */
  readonly [LEDGER_BRAND]: true;
  /** IANA time zone in which calendar questions (days, months) are answered. */
  readonly timeZone: string;
  /** ISO 4217 code of the ledger's one currency (from the `currency` option or the records), or `null` when none was named. */
  readonly currency: string | null;
  /** Digits after the decimal point of the currency (2 for USD/EUR, 0 for JPY). */
  readonly currencyDigits: number;
  /** Account ids, index = account number. */
  readonly ids: readonly CustomerId[];
  /** Event offsets per account, length `ids.length + 1`. */
  readonly start: Uint32Array;
  /** Account number of each event (written on first read: no report needs it). */
  readonly account: Uint32Array;
  /** Epoch milliseconds of each event. */
  readonly time: Float64Array;
  /** Amount of each event in integer minor units; negative = refund. */
  readonly minor: Float64Array;
  /** Number of orders (events with amount ≥ 0) per account. */
  readonly orders: Uint32Array;
  /** Instant (epoch ms) of each account's first order; `NaN` for an account without orders. */
  readonly firstOrder: Float64Array;
  /** Instant (epoch ms) of each account's last order; `NaN` for an account without orders. */
  readonly lastOrder: Float64Array;
  /** Sum of each account's order amounts, minor units. */
  readonly grossMinor: Float64Array;
  /** Sum of each account's amounts, orders and refunds, minor units (its net revenue). */
  readonly netMinor: Float64Array;
  /** Number of input records read (including skipped ones). */
  readonly recordCount: number;
  /** Number of events (orders + refunds). */
  readonly eventCount: number;
  /** Number of orders. */
  readonly orderCount: number;
  /** Number of refunds. */
  readonly refundCount: number;
  /** Number of customers (accounts with at least one order). */
  readonly customerCount: number;
  /** Earliest event instant (epoch ms), or `null` for an empty ledger. */
  readonly minTime: number | null;
  /** Latest event instant (epoch ms), orders and refunds, or `null` for an empty ledger. */
  readonly maxTime: number | null;
  /** Records skipped under `onInvalid: 'skip'` (empty otherwise). */
  readonly skipped: readonly SkippedRecord[];
  /**
   * What the whole history adds up to, summed when the ledger is built (see {@link LedgerTotals}): what
   * a report over all of it reads instead of scanning the events.
   */
  readonly totals: LedgerTotals;
  /**
   * The events' attributes by name (the `attributes` option): codes by event, in the events' order.
   * Empty when none was read.
   */
  readonly attributes: Readonly<Record<string, AttributeColumn>>;
  /**
   * The customers' attributes by name, from the `customers` table: codes by account (missing for an
   * account the table has no row for). Empty without a table.
   */
  readonly customerAttributes: Readonly<Record<string, AttributeColumn>>;
  /** Rows of the `customers` table whose id has no record in the ledger (0 without a table). */
  readonly unknownCustomers: number;
}
