/**
 * `filterLedger(book, where)`: the ledger of the events whose attributes match a filter.
 *
 * @module
 */
import { allocateEventColumns } from './event-columns.ts';
import { allocateCodes } from './attribute-dictionary.ts';
import { type Where, eventsWhere } from './attribute-lookup.ts';
import { buildLedger } from './build.ts';
import type { CustomerTable } from './customer-table.ts';
import { type LedgerInput, toLedger } from './ledger.ts';
import { Problems, type StagedEvents } from './staged-events.ts';
import type { CustomerId, Ledger } from './types.ts';

/**
 * The ledger of the events that match a filter: for each attribute named, the event's value (or its
 * customer's, for an attribute of the `customers` table) is one of those listed; `null` in a list
 * matches a missing value.
 *
 * Every report on the result answers its question for the matching orders alone: a customer's first
 * order is their first *matching* order, and a customer without one is not in it. The result keeps the
 * ledger's zone, currency, attributes, `skipped` and `unknownCustomers`; its accounts are numbered
 * afresh.
 *
 * @param data - a ledger (or records in the library's field names, though only a ledger has attributes)
 * @param where - the filter, e.g. `{ category: ['books'] }`
 * @returns the filtered ledger
 * @throws {@link InvalidOptionError} when `where` names an attribute the ledger does not have, or is not
 *   an object of value lists
 *
 * @example
 * ```ts
 * import { filterLedger, ledger } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-01-05', amount: '20.00', category: 'toys' },
 *     { customerId: 'a', date: '2024-02-05', amount: '12.00', category: 'books' },
 *     { customerId: 'b', date: '2024-01-09', amount: '8.00', category: 'toys' },
 *   ],
 *   { attributes: { category: 'category' } },
 * );
 * const books = filterLedger(book, { category: ['books'] });
 * books.customerCount; // => 1
 * books.firstOrder[0] === Date.UTC(2024, 1, 5); // => true
 * ```
 */
export function filterLedger(data: LedgerInput, where: Where): Ledger {
  const book = toLedger(data);
  const kept = eventsWhere(book, where, 'where');
  let n = 0;
  for (let e = 0; e < kept.length; e++) n += kept[e];
  const events = new Uint32Array(n);
  for (let e = 0, k = 0; e < kept.length; e++) if (kept[e] === 1) events[k++] = e;
  return subLedger(book, events, customerTableOf(book));
}

/**
 * @internal The ledger of some of a ledger's events, with its zone, currency, attributes, customer
 * attributes and `skipped`.
 *
 * @param book - the ledger
 * @param events - the events, ascending
 * @param table - the ledger's customer attributes as a table (see {@link customerTableOf})
 * @returns the ledger of those events
 */
export function subLedger(book: Ledger, events: Uint32Array, table: CustomerTable | null): Ledger {
  const n = events.length;
  const account = new Uint32Array(n);
  const time = new Float64Array(n);
  const minor = new Float64Array(n);
  const ids: CustomerId[] = [];
  const accountOf = book.account;
  let absTotal = 0;
  let last = -1;
  for (let k = 0; k < n; k++) {
    const e = events[k];
    if (accountOf[e] !== last) {
      last = accountOf[e];
      ids.push(book.ids[last]);
    }
    account[k] = ids.length - 1;
    time[k] = book.time[e];
    minor[k] = book.minor[e];
    absTotal += Math.abs(book.minor[e]);
  }
  const attributes = Object.entries(book.attributes).map(([name, column]) => {
    const codes = allocateCodes(n, column.values.length);
    for (let k = 0; k < n; k++) codes[k] = column.codes[events[k]];
    return { name, column: { codes, values: column.values } };
  });
  const staged: StagedEvents = {
    n,
    account,
    ids,
    time,
    minor,
    index: null,
    orderId: null,
    // Grouped by account, not in time order across accounts.
    ordered: false,
    absTotal,
    output: allocateEventColumns(n),
    attributes,
  };
  const problems = new Problems(true, 'records', book.skipped);
  const options = { timeZone: book.timeZone, currency: book.currency, currencyDigits: book.currencyDigits, timeUnit: 'ms' as const, rounding: undefined, skip: true };
  return buildLedger(staged, options, problems, book.recordCount, { table, unknown: book.unknownCustomers });
}

/**
 * @internal A ledger's customer attributes as a table keyed by id, for the ledgers made from it.
 *
 * @param book - the ledger
 * @returns the table (a row per account), or `null` when the ledger has no customer attributes
 */
export function customerTableOf(book: Ledger): CustomerTable | null {
  const names = Object.keys(book.customerAttributes);
  if (names.length === 0) return null;
  const rowOf = new Map<CustomerId, number>();
  for (let a = 0; a < book.ids.length; a++) rowOf.set(book.ids[a], a);
  return { rowOf, columns: new Map(names.map((name) => [name, book.customerAttributes[name]])) };
}
