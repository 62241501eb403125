/**
 * The shared back half of every ledger builder: merge order lines, order accounts canonically,
 * group events by account and put each account's events in order, sum the totals.
 *
 * @module
 */
import { InvalidOptionError, RetentionError } from '../errors.ts';
import { type FinishedAccounts, type GroupedEvents, finishAccounts } from './account-totals.ts';
import { canonicalOrder } from './account-order.ts';
import { countAccounts, groupByAccount } from './group-events.ts';
import { type LedgerFields, LedgerObject } from './ledger-object.ts';
import { mergeOrderLines } from './order-lines.ts';
import { MAX_EXACT_MINOR } from './money.ts';
import type { ResolvedLedgerOptions } from './options.ts';
import type { AttributeColumn } from './attribute-dictionary.ts';
import { type CustomerTable, joinCustomerTable } from './customer-table.ts';
import type { Problems, StagedEvents } from './staged-events.ts';
import type { CustomerId, Ledger } from './types.ts';

/** Σ |minor| over the events left alive by merging. */
function liveAbsTotal(minor: Float64Array, n: number, dead: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) if (dead[i] === 0) total += Math.abs(minor[i]);
  return total;
}

/** What a ledger's customers are known by beyond their events. */
export interface CustomerFacts {
  /** A table of customer attributes, joined by id, or `null`. */
  readonly table: CustomerTable | null;
  /** The ledger's `unknownCustomers`; by default the table's rows that match no account. */
  readonly unknown?: number;
}

/**
 * Turn staged events into a frozen ledger.
 *
 * @param staged - the staged events
 * @param options - the ledger's options (time zone, currency)
 * @param problems - the skipped records so far (merging order lines may add some)
 * @param recordCount - the number of input records
 * @param customers - the customer table, if any
 * @returns the ledger
 * @throws {@link RetentionError} when merged amounts add up beyond exact arithmetic
 * @throws {@link InvalidOptionError} when a customer attribute has the name of an event attribute
 */
export function buildLedger(staged: StagedEvents, options: ResolvedLedgerOptions, problems: Problems, recordCount: number, customers: CustomerFacts = { table: null }): Ledger {
  for (const { name } of staged.attributes) {
    if (customers.table?.columns.has(name) === true) {
      throw new InvalidOptionError('customers', name, `attribute ${JSON.stringify(name)} is both an event attribute and a customer attribute; name them apart`);
    }
  }
  const dead = mergeOrderLines(staged, problems);
  const absTotal = dead === null ? staged.absTotal : liveAbsTotal(staged.minor, staged.n, dead);
  if (absTotal > MAX_EXACT_MINOR) {
    throw new RetentionError(
      `the amounts add up to more than ${MAX_EXACT_MINOR} minor units in absolute value, beyond exact arithmetic`,
    );
  }
  const { ids } = staged;
  const counts = countAccounts(staged, dead);
  const order = canonicalOrder(ids, counts.first);
  // An id whose only records were merged away or refused has no event: it is no account. Such ids have
  // no first instant (+∞), so they come last in canonical order and are cut off here.
  let accounts = 0;
  for (let a = 0; a < ids.length; a++) if (counts.events[a] > 0) accounts++;
  let sortedIds: CustomerId[];
  if (order === null) {
    // The ids keep their numbers; those without events, if any, are the last ones.
    sortedIds = accounts === ids.length ? ids : ids.slice(0, accounts);
  } else {
    sortedIds = new Array<CustomerId>(accounts);
    for (let r = 0; r < accounts; r++) sortedIds[r] = ids[order[r]];
  }
  const events = groupByAccount(staged, dead, order, counts.events, accounts);
  const finished = finishAccounts(
    events,
    events.attributes.map(({ column }) => column),
  );
  const joined = customers.table === null ? null : joinCustomerTable(customers.table, sortedIds);
  return new LedgerObject({
    timeZone: options.timeZone,
    currency: options.currency,
    currencyDigits: options.currencyDigits,
    ids: Object.freeze(sortedIds),
    ...finishedFields(events, finished),
    recordCount,
    skipped: problems.skipped(),
    attributes: byName(events.attributes.map(({ name, column }) => [name, column])),
    customerAttributes: byName(joined === null ? [] : joined.attributes),
    unknownCustomers: customers.unknown ?? (joined === null || customers.table === null ? 0 : customers.table.rowOf.size - joined.matched),
  });
}

/**
 * @internal The fields of a ledger that its grouped events and their finished accounts give.
 *
 * @param events - the events grouped by account, in account order
 * @param finished - what `finishAccounts` made of them
 * @returns the columns, counts and totals
 */
export function finishedFields(events: GroupedEvents, finished: FinishedAccounts): Pick<LedgerFields, FinishedField> {
  const { orders, totals, perAccount } = finished;
  return {
    start: events.start,
    time: events.time,
    minor: events.minor,
    orders,
    eventCount: events.time.length,
    orderCount: totals.orders,
    refundCount: totals.refunds,
    customerCount: totals.customers,
    minTime: totals.minTime,
    maxTime: totals.maxTime,
    totals,
    firstOrder: perAccount.firstOrder,
    lastOrder: perAccount.lastOrder,
    grossMinor: perAccount.grossMinor,
    netMinor: perAccount.netMinor,
  };
}

/** The fields {@link finishedFields} gives. */
type FinishedField = 'start' | 'time' | 'minor' | 'orders' | 'eventCount' | 'orderCount' | 'refundCount' | 'customerCount' | 'minTime' | 'maxTime' | 'totals' | 'firstOrder' | 'lastOrder' | 'grossMinor' | 'netMinor';

/**
 * @internal Attribute columns by name, in a frozen object without a prototype (any name is a plain key).
 *
 * @param entries - the columns by name
 * @returns the frozen record
 */
export function byName(entries: Iterable<readonly [string, AttributeColumn]>): Readonly<Record<string, AttributeColumn>> {
  const record = Object.create(null) as Record<string, AttributeColumn>;
  for (const [name, column] of entries) record[name] = Object.freeze({ codes: column.codes, values: column.values });
  return Object.freeze(record);
}
