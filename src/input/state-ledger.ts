/**
 * A customer state read as the segment functions read a ledger: a ledger of the state's per-account
 * totals and no events, as of the state's instant.
 *
 * Invariant that makes it exact: its `maxTime` is the state's `asOf`, and it is only ever scanned at that
 * instant, where `scanCustomers` reads the per-account totals alone and no event. A function that
 * needs a customer's orders (order-day gaps, tier windows, periods) must refuse a state rather than
 * read this ledger's (absent) events; see {@link refuseStateFor}.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import type { CustomerState } from './customer-state-type.ts';
import { dateOption } from './dates.ts';
import { LedgerObject } from './ledger-object.ts';
import { assertTimeZone } from '../calendar/zone.ts';
import type { Ledger } from './types.ts';

/**
 * @internal The ledger, as-of instant and zone of a segment call on a state. A state is as of one
 * instant: `asOf` may be omitted or name that instant, and `timeZone` may be omitted or name its zone.
 *
 * @param state - the state
 * @param options - the call's `asOf` and `timeZone`
 * @returns the ledger of totals, the state's instant and zone
 * @throws {@link InvalidOptionError} for an `asOf` or `timeZone` other than the state's
 */
export function stateAsOf(state: CustomerState, options: { asOf?: unknown; timeZone?: string | undefined } | undefined): { book: Ledger; asOf: number | null; timeZone: string } {
  if (options?.timeZone !== undefined && assertTimeZone(options.timeZone) !== state.timeZone) {
    throw new InvalidOptionError('timeZone', options.timeZone, `the customer state's calendar is in ${state.timeZone}; omit timeZone or give that zone`);
  }
  if (options?.asOf !== undefined) {
    const asOf = dateOption('asOf', options.asOf, state.timeZone);
    if (asOf !== state.asOf) {
      const at = state.asOf === null ? 'holds no event' : `is as of ${new Date(state.asOf).toISOString()}`;
      throw new InvalidOptionError('asOf', options.asOf, `the customer state ${at}; omit asOf, or build the state as of the instant you want`);
    }
  }
  return { book: ledgerOfState(state), asOf: state.asOf, timeZone: state.timeZone };
}

/**
 * @internal Refuse a state where a function needs each customer's orders, not their totals.
 *
 * @param isState - whether the function's data is a state
 * @param option - the option that asks for the orders
 * @param value - its value
 * @param what - what needs the orders, for the message
 * @throws {@link InvalidOptionError} when `isState`
 */
export function refuseStateFor(isState: boolean, option: string, value: unknown, what: string): void {
  if (isState) throw new InvalidOptionError(option, value, `${what} needs each customer's orders, which a customer state does not keep; pass a ledger`);
}

/** The ledger of a state's totals: accounts in the state's row order, no events, `maxTime` = `asOf`. */
function ledgerOfState(state: CustomerState): Ledger {
  const n = state.ids.length;
  let orders = 0;
  let customers = 0;
  let repeatCustomers = 0;
  let grossMinor = 0;
  let netMinor = 0;
  let firstOrder = Number.POSITIVE_INFINITY;
  let lastOrder = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    orders += state.orders[i];
    if (state.orders[i] > 0) customers++;
    if (state.orders[i] > 1) repeatCustomers++;
    grossMinor += state.grossMinor[i];
    netMinor += state.netMinor[i];
    if (state.firstOrder[i] < firstOrder) firstOrder = state.firstOrder[i];
    if (state.lastOrder[i] > lastOrder) lastOrder = state.lastOrder[i];
  }
  const minTime = n === 0 ? null : state.firstEvent[0];
  // What a state does not keep (refund and zero-value order counts, repeat revenue) is 0 here: the
  // functions that accept a state read per-account totals only, never these.
  return new LedgerObject({
    timeZone: state.timeZone,
    currency: null,
    currencyDigits: state.currencyDigits,
    ids: state.ids,
    start: new Uint32Array(n + 1),
    time: new Float64Array(0),
    minor: new Float64Array(0),
    orders: state.orders,
    firstOrder: state.firstOrder,
    lastOrder: state.lastOrder,
    grossMinor: state.grossMinor,
    netMinor: state.netMinor,
    recordCount: 0,
    eventCount: 0,
    orderCount: orders,
    refundCount: 0,
    customerCount: customers,
    minTime,
    maxTime: state.asOf,
    skipped: [],
    totals: {
      orders,
      refunds: 0,
      customers,
      repeatCustomers,
      zeroValueOrders: 0,
      grossMinor,
      refundMinor: netMinor - grossMinor,
      repeatMinor: 0,
      minTime,
      maxTime: state.asOf,
      firstOrder: customers === 0 ? null : firstOrder,
      lastOrder: customers === 0 ? null : lastOrder,
    },
    attributes: {},
    customerAttributes: {},
    unknownCustomers: 0,
  });
}
