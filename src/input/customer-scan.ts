/**
 * The per-customer facts every segmentation starts from, as of an instant: one pass over the ledger.
 *
 * @module
 */
import { makeDayIndexer } from '../calendar/days.ts';
import { CHUNK, prefixSums } from '../chunks.ts';
import { dateOption } from './dates.ts';
import { type LedgerInput, calendarZone, toLedger } from './ledger.ts';
import type { LedgerBaseOptions } from './options.ts';
import type { DateInput, Ledger } from './types.ts';

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
  /** Local day number of `asOf` in the ledger's zone. */
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
 * Read the ledger and the as-of instant of a segment call.
 *
 * @internal
 */
export function resolveAsOf(data: LedgerInput, options: AsOfOptions | undefined): { book: Ledger; asOf: number | null; timeZone: string } {
  const book = toLedger(data, options);
  const timeZone = calendarZone(book, options);
  const asOf = options?.asOf === undefined ? book.maxTime : dateOption('asOf', options.asOf, timeZone);
  return { book, asOf, timeZone };
}

/**
 * One pass over the ledger: every customer's first and last order, order count, gross and net, as of `asOf`.
 * O(events); allocates only the result columns.
 *
 * @internal
 */
export function scanCustomers(book: Ledger, asOf: number | null, timeZone: string = book.timeZone): CustomerScan {
  const dayOf = makeDayIndexer(timeZone);
  if (asOf !== null && book.maxTime !== null && asOf >= book.maxTime) {
    return { book, asOf, asOfDay: dayOf(asOf), dayOf, ...wholeHistory(book) };
  }
  const accounts = book.ids.length;
  const columns = customerColumns(accounts);
  const { account, firstOrder, lastOrder, orders, grossMinor, netMinor } = columns;
  let n = 0;
  if (asOf !== null) {
    for (let a = 0; a < accounts; a += CHUNK) n = scanAsOf(book, asOf, a, Math.min(accounts, a + CHUNK), columns, n);
  }
  return {
    book,
    asOf,
    asOfDay: asOf === null ? 0 : dayOf(asOf),
    dayOf,
    account: account.subarray(0, n),
    firstOrder: firstOrder.subarray(0, n),
    lastOrder: lastOrder.subarray(0, n),
    orders: orders.subarray(0, n),
    grossMinor: grossMinor.subarray(0, n),
    netMinor: netMinor.subarray(0, n),
  };
}

/**
 * Accounts `lo … hi − 1` (one chunk, see {@link CHUNK}) as of `asOf`: each one with an order by then is
 * appended to `out` at position `n` onwards. Returns the new `n`.
 */
function scanAsOf(book: Ledger, asOf: number, lo: number, hi: number, out: CustomerColumns, n: number): number {
  const { start, time, minor } = book;
  const { account, firstOrder, lastOrder, orders, grossMinor, netMinor } = out;
  let next = n;
  for (let a = lo; a < hi; a++) {
    let count = 0;
    let gross = 0;
    let net = 0;
    let first = 0;
    let last = 0;
    const end = start[a + 1] ?? 0;
    for (let p = start[a] ?? 0; p < end; p++) {
      const t = time[p] ?? 0;
      if (t > asOf) break;
      const amount = minor[p] ?? 0;
      net += amount;
      if (amount < 0) continue;
      if (count === 0) first = t;
      last = t;
      count++;
      gross += amount;
    }
    if (count === 0) continue;
    account[next] = a;
    firstOrder[next] = first;
    lastOrder[next] = last;
    orders[next] = count;
    grossMinor[next] = gross;
    netMinor[next] = net;
    next++;
  }
  return next;
}

/**
 * The customer columns when `asOf` excludes no event: the ledger's per-account totals, customers only.
 * O(accounts), no pass over the events; when every account is a customer, the ledger's own arrays.
 */
function wholeHistory(book: Ledger): CustomerColumns {
  const accounts = book.ids.length;
  if (book.customerCount === accounts) {
    const account = identity(accounts);
    const { firstOrder, lastOrder, orders, grossMinor, netMinor } = book;
    return { account, firstOrder, lastOrder, orders, grossMinor, netMinor };
  }
  const columns = customerColumns(book.customerCount);
  const { firstOrder, lastOrder, orders, grossMinor, netMinor } = book;
  const totals: CustomerTotals = { firstOrder, lastOrder, orders, grossMinor, netMinor };
  let i = 0;
  for (let a = 0; a < accounts; a += CHUNK) i = copyCustomers(totals, a, Math.min(accounts, a + CHUNK), columns, i);
  return columns;
}

/** The ledger's per-account totals, read once (a ledger built from records sums them on first read). */
type CustomerTotals = Pick<Ledger, 'firstOrder' | 'lastOrder' | 'orders' | 'grossMinor' | 'netMinor'>;

/**
 * `0, 1, …, length − 1`: the running sums of `0, 1, 1, …` through the prefix-sum kernel every ledger
 * build has already run (and the engine compiled) over the accounts' event counts. A loop of its own
 * would run mostly before its compiled code arrived.
 */
function identity(length: number): Uint32Array {
  const values = new Uint32Array(length).fill(1, 1);
  for (let a = 1; a < length; a += CHUNK) prefixSums(values, a, Math.min(length, a + CHUNK));
  return values;
}

/**
 * The ledger's totals of accounts `lo … hi − 1` (one chunk) that are customers, written from `next`
 * on; returns the next free place.
 */
function copyCustomers(totals: CustomerTotals, lo: number, hi: number, out: CustomerColumns, next: number): number {
  const { firstOrder, lastOrder, orders, grossMinor, netMinor } = totals;
  const { account, firstOrder: outFirst, lastOrder: outLast, orders: outOrders, grossMinor: outGross, netMinor: outNet } = out;
  let i = next;
  for (let a = lo; a < hi; a++) {
    const count = orders[a] ?? 0;
    if (count === 0) continue;
    account[i] = a;
    outFirst[i] = firstOrder[a] ?? 0;
    outLast[i] = lastOrder[a] ?? 0;
    outOrders[i] = count;
    outGross[i] = grossMinor[a] ?? 0;
    outNet[i] = netMinor[a] ?? 0;
    i++;
  }
  return i;
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
