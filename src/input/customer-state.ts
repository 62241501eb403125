/**
 * A customer state: each customer's totals as of an instant — first and last order, order count,
 * gross and net in minor units — without their orders. It is what `rfm`, `dormancy` (day windows)
 * and `historicalClv` read of a customer, so it answers them exactly, and it is small: one row per
 * customer, however many orders. It merges exactly ({@link mergeCustomerStates}), so shards of a
 * warehouse, or yesterday's state and today's orders, combine into the state of the whole.
 *
 * @module
 */
import { compareIds } from './account-order.ts';
import { resolveAsOf, type AsOfOptions } from './customer-scan.ts';
import type { LedgerInput } from './ledger.ts';
import { LEDGER_BASE_KEYS } from './options.ts';
import type { CustomerId, Ledger } from './types.ts';
import { CUSTOMER_STATE_BRAND, type CustomerState, isCustomerState } from './customer-state-type.ts';
import { stateAsOf } from './state-ledger.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';

/** Options of {@link customerState}: the as-of instant, and ledger options for raw records. */
export type CustomerStateOptions = AsOfOptions;

const STATE_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Pick<AsOfOptions, 'asOf'>>({ asOf: true })];

/**
 * The {@link CustomerState} of a ledger as of an instant: each id's totals over its events at or before
 * `asOf`. `rfm`, `dormancy` (with day windows) and `historicalClv` give the same report for the state
 * as for the ledger at that instant; `mergeCustomerStates` combines states of parts of the events.
 *
 * @param data - a ledger, or records (read with the ledger options given here)
 * @param options - `asOf` (default: the ledger's last event) and the ledger options for records
 * @returns the state, frozen
 * @throws {@link InvalidOptionError} for an unknown option or an unreadable `asOf`
 * @throws {@link InvalidInputError} for an unreadable record
 *
 * @example
 * ```ts
 * import { customerState, rfm } from 'retention-metrics';
 * const records = [
 *   { customerId: 'ann', date: '2024-03-01', amount: '40.00' },
 *   { customerId: 'ann', date: '2024-05-01', amount: '-5.00' },
 *   { customerId: 'bob', date: '2024-04-01', amount: '25.00' },
 * ];
 * const state = customerState(records, { asOf: '2024-06-30' });
 * state.ids; // => ['ann', 'bob']
 * [...state.netMinor]; // => [3500, 2500]
 * rfm(state).customers.map((c) => c.recency); // => [121, 90]
 * ```
 */
export function customerState(data: LedgerInput, options?: CustomerStateOptions): CustomerState {
  const checked = checkOptionKeys(options ?? {}, STATE_KEYS);
  // A state is its own state (its asOf and zone are checked as for any report of it).
  if (isCustomerState(data)) return (stateAsOf(data, checked), data);
  const { book, asOf, timeZone } = resolveAsOf(data, checked);
  return stateOfLedger(book, asOf, timeZone);
}

/** The totals of each account with an event at or before `asOf`, walked as customer-scan.ts describes. */
function stateOfLedger(book: Ledger, asOf: number | null, timeZone: string): CustomerState {
  const { start, time, minor } = book;
  const rows = new StateColumns(book.ids.length);
  const ids: CustomerId[] = [];
  for (let a = 0; a < book.ids.length && asOf !== null; a++) {
    let orders = 0;
    let gross = 0;
    let net = 0;
    let firstOrder = Number.NaN;
    let lastOrder = Number.NaN;
    let p = start[a];
    for (; p < start[a + 1] && time[p] <= asOf; p++) {
      net += minor[p];
      if (minor[p] < 0) continue; // a refund: never an order
      if (orders === 0) firstOrder = time[p];
      lastOrder = time[p];
      orders++;
      gross += minor[p];
    }
    if (p === start[a]) continue; // no event by asOf
    rows.set(ids.length, { firstEvent: time[start[a]], firstOrder, lastOrder, orders, grossMinor: gross, netMinor: net });
    ids.push(book.ids[a]);
  }
  return makeCustomerState({ asOf, timeZone, currencyDigits: book.currencyDigits, ids }, rows);
}

/** @internal One row of a {@link CustomerState}. */
export interface StateRow {
  firstEvent: number;
  firstOrder: number;
  lastOrder: number;
  orders: number;
  grossMinor: number;
  netMinor: number;
}

/** @internal The columns of a state being built, `capacity` rows at most. */
export class StateColumns {
  readonly firstEvent: Float64Array;
  readonly firstOrder: Float64Array;
  readonly lastOrder: Float64Array;
  readonly orders: Uint32Array;
  readonly grossMinor: Float64Array;
  readonly netMinor: Float64Array;

  /** @param capacity - the most rows the state can have */
  constructor(capacity: number) {
    this.firstEvent = new Float64Array(capacity);
    this.firstOrder = new Float64Array(capacity);
    this.lastOrder = new Float64Array(capacity);
    this.orders = new Uint32Array(capacity);
    this.grossMinor = new Float64Array(capacity);
    this.netMinor = new Float64Array(capacity);
  }

  /** Write row `i`. */
  set(i: number, row: StateRow): void {
    this.firstEvent[i] = row.firstEvent;
    this.firstOrder[i] = row.firstOrder;
    this.lastOrder[i] = row.lastOrder;
    this.orders[i] = row.orders;
    this.grossMinor[i] = row.grossMinor;
    this.netMinor[i] = row.netMinor;
  }
}

/**
 * @internal Row `i` of a state's columns (of a state, or of one being built).
 *
 * @param columns - the columns
 * @param i - the row
 * @returns its values
 */
export function stateRow(columns: Omit<StateColumns, 'set'>, i: number): StateRow {
  return {
    firstEvent: columns.firstEvent[i],
    firstOrder: columns.firstOrder[i],
    lastOrder: columns.lastOrder[i],
    orders: columns.orders[i],
    grossMinor: columns.grossMinor[i],
    netMinor: columns.netMinor[i],
  };
}

/** @internal What a state is besides its columns. */
export interface StateHeader {
  readonly asOf: number | null;
  readonly timeZone: string;
  readonly currencyDigits: number;
  readonly ids: readonly CustomerId[];
}

/**
 * @internal A frozen state of the first `header.ids.length` rows of `rows`, put in account order (first
 * event, then id) unless they are in it already.
 *
 * @param header - as-of instant, zone, digits and the ids of the rows
 * @param rows - the columns (at least as many rows as ids)
 * @returns the state
 */
export function makeCustomerState(header: StateHeader, rows: StateColumns): CustomerState {
  const n = header.ids.length;
  const { ids } = header;
  const before = (i: number, j: number): number => rows.firstEvent[i] - rows.firstEvent[j] || compareIds(ids[i], ids[j]);
  let ordered = true;
  for (let i = 1; i < n && ordered; i++) ordered = before(i - 1, i) < 0;
  let out = rows;
  let outIds = ids;
  if (!ordered) {
    const order = Array.from({ length: n }, (_, i) => i).sort(before);
    out = new StateColumns(n);
    order.forEach((from, to) => out.set(to, stateRow(rows, from)));
    outIds = order.map((i) => ids[i]);
  }
  return Object.freeze({
    [CUSTOMER_STATE_BRAND]: true as const,
    asOf: header.asOf,
    timeZone: header.timeZone,
    currencyDigits: header.currencyDigits,
    ids: Object.freeze([...outIds]),
    firstEvent: out.firstEvent.subarray(0, n),
    firstOrder: out.firstOrder.subarray(0, n),
    lastOrder: out.lastOrder.subarray(0, n),
    orders: out.orders.subarray(0, n),
    grossMinor: out.grossMinor.subarray(0, n),
    netMinor: out.netMinor.subarray(0, n),
  });
}
