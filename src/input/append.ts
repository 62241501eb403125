/**
 * Appending a batch to a ledger: the ledger of the earlier records and the batch's, merged into the
 * ledger that reading all the records at once builds — the batch's records coming after the earlier
 * ones. Each account's events are two sorted runs (the ledger's and the batch's) merged into one;
 * accounts are put in canonical order again (an earlier-dated batch can move an account forward).
 *
 * Invariant: `appendLedger(ledger(a), ledger(b))` equals `ledger([...a, ...b])` in every column a report
 * reads, provided the lines of each order are all in one of the two (the ledger keeps no order ids).
 *
 * @module
 * @internal
 */
import { InvalidOptionError, RetentionError } from '../errors.ts';
import { canonicalOrder } from './account-order.ts';
import { type GroupedEvents, finishAccounts } from './account-totals.ts';
import { checkAttributeNames } from './append-options.ts';
import { type AttributeColumn, allocateCodes, compareAttributeValues } from './attribute-dictionary.ts';
import { type CustomerTable, joinCustomerTable } from './customer-table.ts';
import { allocateEventColumns } from './event-columns.ts';
import { byName, finishedFields } from './build.ts';
import { LedgerObject } from './ledger-object.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import type { CustomerId, Ledger, SkippedRecord } from './types.ts';

/** Σ |amount| of a ledger's events, from its totals. */
function absTotal(book: Ledger): number {
  return book.totals.grossMinor - book.totals.refundMinor;
}

/**
 * @internal The ledger of `book`'s records followed by `added`'s.
 *
 * @param book - the ledger appended to
 * @param added - the ledger of the batch (read with the book's options)
 * @param customers - the customers table to join to every account, or `null` for none
 * @returns the merged, frozen ledger
 * @throws {@link InvalidOptionError} when the batch's zone, currency, digits or attributes differ, or a
 *   customer attribute is named like an event attribute
 * @throws {@link RetentionError} when the amounts of both add up beyond exact arithmetic
 */
export function appendLedger(book: Ledger, added: Ledger, customers: CustomerTable | null): Ledger {
  checkAgreement(book, added);
  if (absTotal(book) + absTotal(added) > MAX_EXACT_MINOR) {
    throw new RetentionError(`the amounts add up to more than ${MAX_EXACT_MINOR} minor units in absolute value, beyond exact arithmetic (split the records into several ledgers)`);
  }
  const names = Object.keys(book.attributes);
  for (const name of names) {
    if (customers?.columns.has(name) === true) {
      throw new InvalidOptionError('customers', name, `attribute ${JSON.stringify(name)} is both an event attribute and a customer attribute; name them apart`);
    }
  }
  // Provisional accounts: the book's keep their numbers, the batch's new ids follow in its order.
  const numberOf = new Map<CustomerId, number>();
  const ids: CustomerId[] = book.ids.slice();
  for (let a = 0; a < ids.length; a++) numberOf.set(ids[a], a);
  // The batch's account of each provisional account, −1 where it has none.
  const runOf = new Int32Array(book.ids.length + added.ids.length).fill(-1);
  for (let b = 0; b < added.ids.length; b++) {
    let a = numberOf.get(added.ids[b]);
    if (a === undefined) {
      a = ids.length;
      ids.push(added.ids[b]);
    }
    runOf[a] = b;
  }
  const addedRun = runOf.subarray(0, ids.length);
  // Each account's first instant: the earlier of its first event in each (events are in time order;
  // every account of a built ledger has one).
  const first = new Float64Array(ids.length).fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < book.ids.length; a++) if (book.start[a] < book.start[a + 1]) first[a] = book.time[book.start[a]];
  for (let a = 0; a < ids.length; a++) {
    const b = addedRun[a];
    if (b >= 0 && added.start[b] < added.start[b + 1]) first[a] = Math.min(first[a], added.time[added.start[b]]);
  }
  const order = canonicalOrder(ids, first);
  const sortedIds = order === null ? ids : Array.from(order, (a) => ids[a]);
  const attributes = names.map((name) => mergedDictionary(book.attributes[name], added.attributes[name]));
  const events = mergeRuns(book, added, order, addedRun, attributes);
  const finished = finishAccounts(events, events.attributes);
  const joined = customers === null ? null : joinCustomerTable(customers, sortedIds);
  return new LedgerObject({
    timeZone: book.timeZone,
    currency: book.currency ?? added.currency,
    currencyDigits: book.currencyDigits,
    ids: Object.freeze(sortedIds),
    ...finishedFields(events, finished),
    recordCount: book.recordCount + added.recordCount,
    skipped: appendSkipped(book, added),
    attributes: byName(names.map((name, k) => [name, events.attributes[k]])),
    customerAttributes: byName(joined === null ? [] : joined.attributes),
    unknownCustomers: joined === null || customers === null ? 0 : customers.rowOf.size - joined.matched,
  });
}

/** The batch must hold what the ledger holds: one zone, one currency, one scale of money, the same attributes. */
function checkAgreement(book: Ledger, added: Ledger): void {
  if (added.timeZone !== book.timeZone) {
    throw new InvalidOptionError('timeZone', added.timeZone, `the batch's time zone differs from the ledger's ${book.timeZone}`);
  }
  if (added.currencyDigits !== book.currencyDigits) {
    throw new InvalidOptionError('currencyDigits', added.currencyDigits, `the batch's currency digits differ from the ledger's ${book.currencyDigits}`);
  }
  if (book.currency !== null && added.currency !== null && added.currency !== book.currency) {
    throw new InvalidOptionError('currency', added.currency, `the batch's currency differs from the ledger's ${book.currency}; a ledger holds one currency`);
  }
  checkAttributeNames(book, Object.keys(added.attributes), 'attributes');
}

/** The batch's dictionary joined to the book's: the book's values keep their codes, new ones follow in the batch's order. */
interface MergedDictionary {
  readonly values: readonly (string | null)[];
  /** The merged code of each of the batch's codes. */
  readonly remap: Uint32Array;
  readonly book: AttributeColumn;
  readonly added: AttributeColumn;
}

function mergedDictionary(book: AttributeColumn, added: AttributeColumn): MergedDictionary {
  const values = book.values.slice();
  const codeOf = new Map<string | null, number>();
  values.forEach((value, code) => codeOf.set(value, code));
  const remap = new Uint32Array(added.values.length);
  added.values.forEach((value, code) => {
    let merged = codeOf.get(value);
    if (merged === undefined) {
      merged = values.length;
      values.push(value);
      codeOf.set(value, merged);
    }
    remap[code] = merged;
  });
  return { values: Object.freeze(values), remap, book, added };
}

/**
 * Merge each account's two runs of events — both sorted by time, then amount (largest first), then
 * attribute values — into the accounts' canonical order; at a full tie the book's event comes first
 * (the two are indistinguishable in the ledger).
 */
function mergeRuns(book: Ledger, added: Ledger, order: Uint32Array | null, addedRun: Int32Array, dictionaries: readonly MergedDictionary[]): GroupedEvents & { attributes: AttributeColumn[] } {
  const accounts = addedRun.length;
  const bookAccounts = book.ids.length;
  const total = book.eventCount + added.eventCount;
  const columns = allocateEventColumns(total);
  const time = columns.time.subarray(0, total);
  const minor = columns.minor.subarray(0, total);
  const codes = dictionaries.map((d) => allocateCodes(total, d.values.length));
  const start = new Uint32Array(accounts + 1);
  let p = 0;
  const take = (from: Ledger, i: number, isBook: boolean): void => {
    time[p] = from.time[i];
    minor[p] = from.minor[i];
    for (let k = 0; k < dictionaries.length; k++) {
      const d = dictionaries[k];
      codes[k][p] = isBook ? d.book.codes[i] : d.remap[d.added.codes[i]];
    }
    p++;
  };
  for (let r = 0; r < accounts; r++) {
    const a = order === null ? r : order[r];
    let i = a < bookAccounts ? book.start[a] : 0;
    const iEnd = a < bookAccounts ? book.start[a + 1] : 0;
    const b = addedRun[a];
    let j = b >= 0 ? added.start[b] : 0;
    const jEnd = b >= 0 ? added.start[b + 1] : 0;
    while (i < iEnd && j < jEnd) {
      if (comesFirst(added, j, book, i, dictionaries)) take(added, j++, false);
      else take(book, i++, true);
    }
    while (i < iEnd) take(book, i++, true);
    while (j < jEnd) take(added, j++, false);
    start[r + 1] = p;
  }
  return { start, time, minor, attributes: dictionaries.map((d, k) => ({ codes: codes[k], values: d.values })) };
}

/** Whether the batch's event `j` comes strictly before the book's event `i` in an account's order. */
function comesFirst(added: Ledger, j: number, book: Ledger, i: number, dictionaries: readonly MergedDictionary[]): boolean {
  if (added.time[j] !== book.time[i]) return added.time[j] < book.time[i];
  if (added.minor[j] !== book.minor[i]) return added.minor[j] > book.minor[i];
  for (const d of dictionaries) {
    const c = compareAttributeValues(d.added.values[d.added.codes[j]], d.book.values[d.book.codes[i]]);
    if (c !== 0) return c < 0;
  }
  return false;
}

/** The book's skipped records, then the batch's, their positions counted on from the book's records. */
function appendSkipped(book: Ledger, added: Ledger): readonly SkippedRecord[] {
  if (added.skipped.length === 0) return book.skipped;
  const offset = book.recordCount;
  return Object.freeze([...book.skipped, ...added.skipped.map((s) => Object.freeze({ ...s, index: s.index + offset }))]);
}
