/**
 * `mergeCustomerStates`: the state of all the events of several states — shards of one table, or
 * yesterday's state and today's orders — without their orders.
 *
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../errors.ts';
import { type CustomerState, isCustomerState } from './customer-state-type.ts';
import { StateColumns, makeCustomerState, stateRow } from './customer-state.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import type { CustomerId } from './types.ts';

/**
 * Merge customer states into the state of all their events. Each id's rows combine exactly: the earliest
 * first event and first order, the latest last order, and the sums of orders, gross and net (integers,
 * so any order of adding gives the same). The merged state is as of the latest `asOf`.
 *
 * That is the state of the whole when every event up to the latest `asOf` is in exactly one of the
 * states: states of disjoint parts of a table (shards by customer or by anything else) built as of one
 * instant, or a state as of yesterday's end and a state of today's events alone. A state built as of an
 * earlier instant than the others lacks its part's later events; the merge cannot know of them.
 *
 * @param states - the states (at least one), all in the same zone and currency digits
 * @returns the merged state, frozen, rows in account order (first event, then id)
 * @throws {@link InvalidOptionError} for no state, something that is not a state, or states of different
 *   zones or currency digits
 * @throws {@link InvalidInputError} when an id's sums go beyond 2^53 − 1 minor units (not exact)
 *
 * @example
 * ```ts
 * import { customerState, mergeCustomerStates } from 'retention-metrics';
 * const monday = customerState([{ customerId: 'ann', date: '2024-03-04T10:00:00Z', amount: '40.00' }]);
 * const tuesday = customerState([
 *   { customerId: 'ann', date: '2024-03-05T09:00:00Z', amount: '-5.00' },
 *   { customerId: 'bob', date: '2024-03-05T11:00:00Z', amount: '25.00' },
 * ]);
 * const both = mergeCustomerStates(monday, tuesday);
 * both.ids; // => ['ann', 'bob']
 * [...both.netMinor]; // => [3500, 2500]
 * new Date(both.asOf ?? 0).toISOString(); // => '2024-03-05T11:00:00.000Z'
 * ```
 */
export function mergeCustomerStates(...states: readonly CustomerState[]): CustomerState {
  if (states.length === 0) throw new InvalidOptionError('states', states, 'give at least one customer state');
  states.forEach((state, k) => {
    if (!isCustomerState(state)) throw new InvalidOptionError(`states[${k}]`, state, 'is not a customer state (from customerState or customerStateFromRows)');
  });
  const [first] = states;
  for (const [k, state] of states.entries()) {
    if (state.timeZone !== first.timeZone) throw new InvalidOptionError(`states[${k}].timeZone`, state.timeZone, `differs from the first state's ${first.timeZone}`);
    if (state.currencyDigits !== first.currencyDigits) {
      throw new InvalidOptionError(`states[${k}].currencyDigits`, state.currencyDigits, `differs from the first state's ${first.currencyDigits}`);
    }
  }
  const capacity = states.reduce((n, s) => n + s.ids.length, 0);
  const rows = new StateColumns(capacity);
  const rowOf = new Map<CustomerId, number>();
  const ids: CustomerId[] = [];
  for (const [k, state] of states.entries()) {
    for (let i = 0; i < state.ids.length; i++) {
      const id = state.ids[i];
      const r = rowOf.get(id);
      if (r === undefined) {
        rowOf.set(id, ids.length);
        rows.set(ids.length, stateRow(state, i));
        ids.push(id);
        continue;
      }
      const row = stateRow(rows, r);
      const other = stateRow(state, i);
      const merged = {
        firstEvent: Math.min(row.firstEvent, other.firstEvent),
        firstOrder: earliest(row.firstOrder, other.firstOrder),
        lastOrder: latest(row.lastOrder, other.lastOrder),
        orders: row.orders + other.orders,
        grossMinor: exactSum(row.grossMinor, other.grossMinor, k, i),
        netMinor: exactSum(row.netMinor, other.netMinor, k, i),
      };
      rows.set(r, merged);
    }
  }
  const asOf = states.reduce<number | null>((at, s) => (s.asOf === null ? at : at === null ? s.asOf : Math.max(at, s.asOf)), null);
  return makeCustomerState({ asOf, timeZone: first.timeZone, currencyDigits: first.currencyDigits, ids }, rows);
}

/** The earlier of two instants, `NaN` (no order) only when both are. */
function earliest(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
}

/** The later of two instants, `NaN` (no order) only when both are. */
function latest(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
}

/** `a + b` for integer minor units, refused beyond exact arithmetic. */
function exactSum(a: number, b: number, state: number, row: number): number {
  const sum = a + b;
  if (Math.abs(sum) > MAX_EXACT_MINOR) {
    throw new InvalidInputError(row, 'amount', sum, `the merged sums add up to more than ${MAX_EXACT_MINOR} minor units in absolute value, beyond exact arithmetic`, `states[${state}]`);
  }
  return sum;
}
