/**
 * A customer's orders as of an instant: the one way every as-of feature (RFM, dormancy, loyalty tiers,
 * lifecycle, period retention, historical CLV, the models' summary) reads a customer's history, and the
 * per-customer facts most of them start from.
 *
 * A ledger keeps each account's events together, sorted by instant: account `a`'s events are the
 * positions `book.start[a] … book.start[a + 1] − 1` of `book.time` and `book.minor`. Its events at or
 * before `asOf` are therefore a prefix of them, ending at {@link eventsEndAsOf}. Walking a customer's
 * orders as of an instant is this loop, and every feature writes it the same way:
 *
 * ```ts
 * const end = eventsEndAsOf(book, a, asOf);
 * for (let p = book.start[a]; p < end; p++) {
 *   if (book.minor[p] < 0) continue; // a refund: never an order
 *   // an order at book.time[p] of book.minor[p] minor units
 * }
 * ```
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { dateOption } from './dates.ts';
import { type LedgerInput, calendarZone, toLedger } from './ledger.ts';
import type { LedgerBaseOptions } from './options.ts';
import type { DateInput, Ledger } from './types.ts';
import { type CustomerState, isCustomerState } from './customer-state-type.ts';
import { stateAsOf } from './state-ledger.ts';

/** Options shared by the segment functions: the as-of instant and ledger options for raw records. */
export interface AsOfOptions extends LedgerBaseOptions {
  /**
   * The instant the segments are computed at (default: the ledger's last event, orders and refunds).
   * Events after it are ignored: a customer whose only order is later is not a customer as of then.
   * A date-only string is the start of that day in the ledger's zone; pass the end of the day
   * (`'2024-12-31T23:59:59.999Z'`) to count that whole day's orders.
   */
  asOf?: DateInput;
}

/**
 * @internal Where account `a`'s events at or before `asOf` end: they are the ledger positions
 * `book.start[a] … end − 1` (none when `end` is `book.start[a]`).
 *
 * @param book - the ledger
 * @param a - an account number (`0 … book.ids.length − 1`)
 * @param asOf - the as-of instant (epoch ms)
 * @returns the position after the account's last event at or before `asOf`
 */
export function eventsEndAsOf(book: Ledger, a: number, asOf: number): number {
  return endAsOf(book.time, book.start[a], book.start[a + 1], asOf);
}

/**
 * @internal Where the events `from … to − 1` of one customer, sorted by instant, stop being at or before
 * `asOf`: the first position whose instant is after it, or `to`. O(1) when no event is later, else a
 * binary search.
 *
 * @param time - instants (epoch ms), ascending over `from … to − 1`
 * @param from - the first event
 * @param to - the position after the last event
 * @param asOf - the as-of instant
 * @returns the end of the events at or before `asOf`
 */
export function endAsOf(time: ArrayLike<number>, from: number, to: number, asOf: number): number {
  if (from === to || time[to - 1] <= asOf) return to;
  // time[to − 1] is after asOf: the answer lies in [from, to − 1].
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Customers as of an instant, in ledger account order (first record's instant, then id), in columns.
 * The columns may be the ledger's own arrays: never write into them, and copy a column before a
 * report hands it out.
 *
 * @internal
 */
export interface CustomerScan {
  readonly book: Ledger;
  /** The as-of instant (epoch ms); `null` for an empty ledger. */
  readonly asOf: number | null;
  /** Local day number of `asOf` in the ledger's zone (0 for an empty ledger). */
  readonly asOfDay: number;
  /** Instant → local day number in the ledger's zone. */
  readonly dayOf: (epochMs: number) => number;
  /** Account number of each customer (customers only: ≥ 1 order at or before `asOf`). */
  readonly account: Uint32Array;
  /** Instant of each customer's first order. */
  readonly firstOrder: Float64Array;
  /** Instant of each customer's last order at or before `asOf`. */
  readonly lastOrder: Float64Array;
  /** Orders at or before `asOf`. */
  readonly orders: Uint32Array;
  /** Sum of order amounts at or before `asOf`, minor units. */
  readonly grossMinor: Float64Array;
  /** Orders plus refunds at or before `asOf`, minor units (historical value). */
  readonly netMinor: Float64Array;
}

/** The per-customer columns of a {@link CustomerScan}. */
type CustomerColumns = Pick<CustomerScan, 'account' | 'firstOrder' | 'lastOrder' | 'orders' | 'grossMinor' | 'netMinor'>;

/**
 * @internal The ledger of a call (records read with `options`), the zone of its calendar, and the as-of
 * instant (default: the ledger's last event; `null` for an empty ledger).
 *
 * @param data - a ledger, records, or a customer state (read as a ledger of its totals, at its own instant)
 * @param options - the ledger options and `asOf`
 * @returns the ledger, the as-of instant and the calendar's zone
 * @throws {@link InvalidOptionError} for an unreadable `asOf` or ledger option, or for a state an `asOf`
 *   or `timeZone` other than its own
 */
export function resolveAsOf(data: LedgerInput | CustomerState, options: AsOfOptions | undefined): { book: Ledger; asOf: number | null; timeZone: string } {
  if (isCustomerState(data)) return stateAsOf(data, options);
  const book = toLedger(data, options);
  const timeZone = calendarZone(book, options);
  const asOf = options?.asOf === undefined ? book.maxTime : dateOption('asOf', options.asOf, timeZone);
  return { book, asOf, timeZone };
}

/**
 * @internal Every customer's first and last order, order count, gross and net as of `asOf`: each
 * account's orders walked as the module describes. O(events); allocates only the result columns. When
 * `asOf` excludes no event, the ledger's per-account totals are the answer and no event is read.
 *
 * @param book - the ledger
 * @param asOf - the as-of instant, `null` for an empty ledger
 * @param timeZone - the zone of the calendar (default: the ledger's)
 * @returns the customers' columns
 */
export function scanCustomers(book: Ledger, asOf: number | null, timeZone: string = book.timeZone): CustomerScan {
  const dayOf = makeDayIndexer(timeZone);
  const asOfDay = asOf === null ? 0 : dayOf(asOf);
  if (asOf === null) return { book, asOf, asOfDay, dayOf, ...customerColumns(0) };
  if (book.maxTime !== null && asOf >= book.maxTime) return { book, asOf, asOfDay, dayOf, ...wholeHistory(book) };
  const { start, time, minor } = book;
  const accounts = book.ids.length;
  const out = customerColumns(accounts);
  let n = 0;
  for (let a = 0; a < accounts; a++) {
    const end = eventsEndAsOf(book, a, asOf);
    let orders = 0;
    let gross = 0;
    let net = 0;
    for (let p = start[a]; p < end; p++) {
      const amount = minor[p];
      net += amount;
      if (amount < 0) continue; // a refund: never an order
      if (orders === 0) out.firstOrder[n] = time[p];
      out.lastOrder[n] = time[p];
      orders++;
      gross += amount;
    }
    if (orders === 0) continue;
    out.account[n] = a;
    out.orders[n] = orders;
    out.grossMinor[n] = gross;
    out.netMinor[n] = net;
    n++;
  }
  return {
    book,
    asOf,
    asOfDay,
    dayOf,
    account: out.account.subarray(0, n),
    firstOrder: out.firstOrder.subarray(0, n),
    lastOrder: out.lastOrder.subarray(0, n),
    orders: out.orders.subarray(0, n),
    grossMinor: out.grossMinor.subarray(0, n),
    netMinor: out.netMinor.subarray(0, n),
  };
}

/**
 * The customer columns when `asOf` excludes no event: the ledger's per-account totals, customers only.
 * O(accounts), no pass over the events; when every account is a customer, the ledger's own arrays.
 */
function wholeHistory(book: Ledger): CustomerColumns {
  const accounts = book.ids.length;
  const { firstOrder, lastOrder, orders, grossMinor, netMinor } = book;
  if (book.customerCount === accounts) {
    const account = new Uint32Array(accounts);
    for (let a = 0; a < accounts; a++) account[a] = a;
    return { account, firstOrder, lastOrder, orders, grossMinor, netMinor };
  }
  const out = customerColumns(book.customerCount);
  let i = 0;
  for (let a = 0; a < accounts; a++) {
    if (orders[a] === 0) continue; // a refund-only account is not a customer
    out.account[i] = a;
    out.firstOrder[i] = firstOrder[a];
    out.lastOrder[i] = lastOrder[a];
    out.orders[i] = orders[a];
    out.grossMinor[i] = grossMinor[a];
    out.netMinor[i] = netMinor[a];
    i++;
  }
  return out;
}

/** Zero-filled customer columns for `length` customers. */
function customerColumns(length: number): CustomerColumns {
  return {
    account: new Uint32Array(length),
    firstOrder: new Float64Array(length),
    lastOrder: new Float64Array(length),
    orders: new Uint32Array(length),
    grossMinor: new Float64Array(length),
    netMinor: new Float64Array(length),
  };
}
