/**
 * Looking up a ledger's attributes by name: a customer's value (the breakdowns' `by`), and which events
 * a `where` filter keeps.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { didYouMean } from '../option-keys.ts';
import { type AttributeColumn, allocateCodes, compareAttributeValues } from './attribute-dictionary.ts';
import type { Ledger } from './types.ts';

/**
 * An event filter: for each attribute named, the values an event (or its customer, for a customer
 * attribute) must have — one of them; `null` in the list stands for a missing value. An event must
 * match every attribute named.
 */
export type Where = Readonly<Record<string, readonly (string | null)[]>>;

/**
 * @internal The event with a customer's first order: the first of their events that is no refund.
 *
 * @param book - the ledger
 * @param account - an account with at least one order
 * @returns the event's index
 */
export function firstOrderEvent(book: Ledger, account: number): number {
  let event = book.start[account];
  while (book.minor[event] < 0) event++;
  return event;
}

/**
 * @internal A customer's value of an event attribute on an order: that order's, unless orders equal to it
 * in instant and amount follow it (the ledger orders those by all their attributes together), in which
 * case the first of their values — missing first, then in code-unit order — so that the other
 * attributes of the ledger never decide it.
 *
 * @param book - the ledger
 * @param column - an event attribute of the ledger
 * @param account - the customer
 * @param event - the order (the first of its ties)
 * @param kept - the events that may take part (a filter's), or `null` for all
 * @returns the value's code
 */
export function orderValueCode(book: Ledger, column: AttributeColumn, account: number, event: number, kept: Uint8Array | null = null): number {
  const { time, minor } = book;
  const { codes, values } = column;
  let code = codes[event];
  const end = book.start[account + 1];
  for (let e = event + 1; e < end && time[e] === time[event] && minor[e] === minor[event]; e++) {
    if (kept !== null && kept[e] === 0) continue;
    if (compareAttributeValues(values[codes[e]], values[code]) < 0) code = codes[e];
  }
  return code;
}

/**
 * @internal Each account's value of an attribute: a customer attribute's own, or an event attribute's
 * value on the customer's first order (missing for an account without orders).
 *
 * @param book - the ledger
 * @param name - the attribute
 * @param option - the option that names it, for the message
 * @returns codes by account, with the attribute's values
 * @throws {@link InvalidOptionError} when the ledger has no attribute of that name
 */
export function customerValues(book: Ledger, name: unknown, option: string): AttributeColumn {
  const customer = attributeColumn(book.customerAttributes, name);
  if (customer !== undefined) return customer;
  const events = attributeColumn(book.attributes, name);
  if (events === undefined) throw unknownAttribute(book, name, option);
  const accounts = book.ids.length;
  const codes = allocateCodes(accounts, events.values.length);
  for (let a = 0; a < accounts; a++) if (book.orders[a] > 0) codes[a] = orderValueCode(book, events, a, firstOrderEvent(book, a));
  return { codes, values: events.values };
}

/**
 * @internal Which events a filter keeps.
 *
 * @param book - the ledger
 * @param where - the filter
 * @param option - the option that holds it, for messages (`'where'`)
 * @returns 1 for each event kept
 * @throws {@link InvalidOptionError} when `where` is not an object of value lists, or names an attribute
 *   the ledger does not have
 */
export function eventsWhere(book: Ledger, where: Where, option: string): Uint8Array {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) {
    throw new InvalidOptionError(option, where, `${describeValue(where)} is not a filter { attribute: [values] }`);
  }
  const kept = new Uint8Array(book.eventCount).fill(1);
  for (const name of Object.keys(where)) {
    const wanted = where[name];
    if (!Array.isArray(wanted) || !wanted.every((v: unknown) => v === null || v === undefined || typeof v === 'string')) {
      throw new InvalidOptionError(`${option}.${name}`, wanted, 'must be an array of values (strings, or null for a missing value)');
    }
    const listed = new Set<string | null>(wanted.map((v: string | null | undefined) => v ?? null));
    const customer = attributeColumn(book.customerAttributes, name);
    const column = customer ?? attributeColumn(book.attributes, name);
    if (column === undefined) throw unknownAttribute(book, name, `${option}.${name}`);
    const accepted = new Uint8Array(column.values.length);
    for (let code = 0; code < column.values.length; code++) if (listed.has(column.values[code])) accepted[code] = 1;
    const { codes } = column;
    if (customer === undefined) {
      for (let e = 0; e < kept.length; e++) kept[e] &= accepted[codes[e]];
    } else {
      const { start } = book;
      for (let a = 0; a < book.ids.length; a++) if (accepted[codes[a]] === 0) kept.fill(0, start[a], start[a + 1]);
    }
  }
  return kept;
}

/** The column of an attribute, when `name` is one of `columns`' names. */
function attributeColumn(columns: Readonly<Record<string, AttributeColumn>>, name: unknown): AttributeColumn | undefined {
  return typeof name === 'string' && Object.hasOwn(columns, name) ? columns[name] : undefined;
}

function unknownAttribute(book: Ledger, name: unknown, option: string): InvalidOptionError {
  const names = [...Object.keys(book.attributes), ...Object.keys(book.customerAttributes)];
  const known = names.length === 0 ? 'the ledger has no attributes (read them with the `attributes` or `customers` option of ledger())' : `its attributes are ${names.map((n) => `\`${n}\``).join(', ')}`;
  const hint = typeof name === 'string' ? didYouMean(name, names) : '';
  return new InvalidOptionError(option, name, `${describeValue(name)} is not an attribute of the ledger${hint}; ${known}`);
}
