/**
 * Breakdowns: a report for each value of an attribute, beside the report over everyone.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import { bucketByCode } from './attribute-dictionary.ts';
import { customerValues } from './attribute-lookup.ts';
import { customerTableOf, subLedger } from './filter-ledger.ts';
import type { Ledger } from './types.ts';

/**
 * Which customers and orders a segment of a breakdown holds:
 * - `'customer'` (default): each customer is in the segment of *their* value — a customer attribute's,
 *   or an event attribute's value on their first order — with all their orders. Every customer is in
 *   exactly one segment, so the segments add up to the total.
 * - `'same-value'`: the segment of value v holds the orders with value v: a customer starts with their
 *   first order with v and returns with orders with v (PostHog's rule for event properties: a return
 *   counts only when start and return share the value). A customer can be in several segments.
 */
export type SegmentRule = 'customer' | 'same-value';

/** One value's part of a {@link Breakdown}. */
export interface Segment<T> {
  /** The attribute's value; `null` for the customers (or orders) without one. */
  readonly value: string | null;
  /** Customers the segment's report counts (for a per-period report: those whose first order is by `asOf`). */
  readonly customers: number;
  /** The report over the segment. */
  readonly result: T;
}

/** A report broken down by an attribute: the report over everyone, and over each value's segment. */
export interface Breakdown<T> {
  /** The attribute broken down by. */
  readonly by: string;
  /** How customers and orders are put in segments. */
  readonly rule: SegmentRule;
  /** The report over every customer. */
  readonly total: T;
  /** One segment per value whose report counts customers, by value (code-unit order), the missing value last. */
  readonly segments: readonly Segment<T>[];
}

/** One value's ledger. */
export interface SegmentLedger {
  readonly value: string | null;
  readonly book: Ledger;
}

/**
 * @internal The `segmentRule` option, checked.
 *
 * @param rule - the option as given
 * @returns the rule (default `'customer'`)
 * @throws {@link InvalidOptionError} for anything but the two rules
 */
export function segmentRuleOption(rule: unknown): SegmentRule {
  if (rule === undefined || rule === 'customer') return 'customer';
  if (rule === 'same-value') return 'same-value';
  throw new InvalidOptionError('segmentRule', rule, `must be 'customer' or 'same-value'`);
}

/**
 * @internal Split a ledger by an attribute into one ledger per value with customers.
 *
 * @param book - the ledger
 * @param by - the attribute's name
 * @param rule - how events go into segments
 * @param option - the option naming the attribute, for messages
 * @param only - build only this value's ledger (`undefined`: every value's)
 * @returns the segments' ledgers, by value, the missing value last
 * @throws {@link InvalidOptionError} when the ledger has no attribute `by`
 */
export function segmentLedgers(book: Ledger, by: unknown, rule: SegmentRule, option = 'by', only?: string | null): SegmentLedger[] {
  const eventRule = rule === 'same-value' && typeof by === 'string' && Object.hasOwn(book.attributes, by) && !Object.hasOwn(book.customerAttributes, by);
  const column = eventRule ? book.attributes[by as string] : customerValues(book, by, option);
  const { codes, values } = column;
  // Events of each code, ascending (a counting sort of the events by their code). Under the customer
  // rule an account without orders (refunds only) is no customer and has no value: its events are left
  // out (code −1).
  const { orders } = book;
  const accountOf = book.account;
  const codeOfEvent = (e: number): number => (eventRule ? codes[e] : orders[accountOf[e]] === 0 ? -1 : codes[accountOf[e]]);
  const { positions: events, first } = bucketByCode(book.eventCount, values.length, codeOfEvent);
  const table = customerTableOf(book);
  const segments: SegmentLedger[] = [];
  for (let c = 0; c < values.length; c++) {
    if (first[c + 1] === first[c] || (only !== undefined && values[c] !== only)) continue;
    const part = subLedger(book, events.subarray(first[c], first[c + 1]), table);
    if (part.customerCount > 0) segments.push({ value: values[c], book: part });
  }
  return segments.sort((x, y) => compareSegmentValues(x.value, y.value));
}

/**
 * @internal A report broken down by an attribute.
 *
 * @param book - the ledger
 * @param by - the attribute's name
 * @param rule - how events go into segments
 * @param report - the report, run on the whole ledger and on each segment's
 * @param counted - the customers a segment's report counts (default: the segment ledger's customers); a
 *   segment whose report counts none is left out
 * @returns the breakdown
 * @throws {@link InvalidOptionError} when the ledger has no attribute `by`
 */
export function breakdownOf<T>(
  book: Ledger,
  by: string,
  rule: SegmentRule,
  report: (book: Ledger) => T,
  counted: (result: T, part: Ledger) => number = (_, part) => part.customerCount,
): Breakdown<T> {
  const segments: Segment<T>[] = [];
  for (const { value, book: part } of segmentLedgers(book, by, rule)) {
    const result = report(part);
    const customers = counted(result, part);
    if (customers > 0) segments.push(Object.freeze({ value, customers, result }));
  }
  return Object.freeze({ by, rule, total: report(book), segments: Object.freeze(segments) });
}

/**
 * @internal The order of a breakdown's values: code-unit order, the missing value last.
 *
 * @param a - a value
 * @param b - another
 * @returns negative when `a` comes first, positive when `b` does, 0 for the same value
 */
export function compareSegmentValues(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
