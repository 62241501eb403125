/**
 * Segment reports by a customer attribute: each customer is classified once, over everyone, and the
 * report's summary is repeated for the customers of each value of the attribute; and the ids of the
 * customers of one segment (of one value).
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import type { AttributeColumn } from '../input/attribute-dictionary.ts';
import { customerValues } from '../input/attribute-lookup.ts';
import { compareSegmentValues } from '../input/breakdown.ts';
import type { CustomerId, Ledger } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { unknownValueError } from './unknown-value.ts';

/**
 * A segment report's summary per value of a customer attribute (option `by`): one entry per value
 * that has customers in the report, by value (code-unit order), customers without a value (`null`)
 * last. The entries' customers add up to the report's. `rfm`, `dormancy` and `loyaltyTiers` give it
 * as `report.by`, each entry `{ value, customers, … }` with the report's own summary.
 *
 * @example
 * ```ts
 * import { dormancy, ledger } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 1, date: '2024-12-01', amount: '10.00' },
 *     { customerId: 2, date: '2024-01-01', amount: '10.00' },
 *     { customerId: 3, date: '2024-12-01', amount: '10.00' },
 *   ],
 *   { customers: [{ customerId: 1, region: 'north' }, { customerId: 2, region: 'east' }] },
 * );
 * const by = dormancy(book, { asOf: '2024-12-31', by: 'region' }).by;
 * by?.attribute; // => 'region'
 * by?.values.map((v) => [v.value, v.customers]); // => [['east', 1], ['north', 1], [null, 1]]
 * ```
 */
export interface SummaryByValue<T> {
  /** The attribute, as the `by` option named it. */
  attribute: string;
  /** The summary of each value's customers. */
  values: T[];
}

/**
 * Options of a segment report's `members`.
 *
 * @example
 * ```ts
 * import { dormancy, ledger } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-12-01', amount: '10.00', channel: 'ads' },
 *     { customerId: 'b', date: '2024-12-02', amount: '10.00' },
 *   ],
 *   { attributes: { channel: 'channel' } },
 * );
 * const report = dormancy(book, { asOf: '2024-12-31', by: 'channel' });
 * report.members('active'); // => ['a', 'b']
 * report.members('active', { value: 'ads' }); // => ['a']
 * report.members('active', { value: null }); // => ['b']
 * ```
 */
export interface MembersOptions {
  /**
   * Only the customers with this value of the report's `by` attribute (`null`: those without a value).
   * Only for a report made with `by`.
   */
  value?: string | null;
}

/** @internal The `by` option, read: the attribute's name and each account's value. */
export interface ByAttribute {
  readonly attribute: string;
  readonly column: AttributeColumn;
}

/** @internal The report's customers grouped by their value of the `by` attribute. */
export interface ValueGroups {
  readonly attribute: string;
  /** The values with customers, by value, `null` last: group g is `values[g]`. */
  readonly values: readonly (string | null)[];
  /** The group of each customer of the report. */
  readonly groupOf: Uint32Array;
  /** Customers per group. */
  readonly customers: Float64Array;
  /** Every value the attribute has in the ledger, customers in the report or not. */
  readonly known: readonly (string | null)[];
}

/**
 * @internal Read the `by` option of a segment report.
 *
 * @param book - the ledger
 * @param by - the option as given (`undefined`: none)
 * @returns the attribute and each account's value, or `null` without the option
 * @throws {@link InvalidOptionError} naming `by` when the ledger has no such attribute
 */
export function byAttribute(book: Ledger, by: unknown): ByAttribute | null {
  if (by === undefined) return null;
  const column = customerValues(book, by, 'by');
  // The ledger has an attribute of that name, so `by` is a string.
  return { attribute: String(by), column };
}

/**
 * @internal Group a report's customers by their value of the `by` attribute.
 *
 * @param by - the attribute
 * @param accounts - the ledger account of each customer of the report
 * @returns the groups, by value, `null` last
 */
export function valueGroups(by: ByAttribute, accounts: Uint32Array): ValueGroups {
  const { codes, values } = by.column;
  // A code's group: codes with the same value (a dictionary has none, but nothing here relies on it)
  // share one, and only values with customers get one.
  const seen = new Map<string | null, number>();
  const used: (string | null)[] = [];
  const groupOfCode = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < accounts.length; i++) {
    const code = codes[accounts[i]];
    if (groupOfCode[code] >= 0) continue;
    const value = values[code];
    let g = seen.get(value);
    if (g === undefined) {
      g = used.length;
      used.push(value);
      seen.set(value, g);
    }
    groupOfCode[code] = g;
  }
  const order = used.map((_, g) => g).sort((x, y) => compareSegmentValues(used[x], used[y]));
  const rankOf = new Uint32Array(used.length);
  order.forEach((g, rank) => (rankOf[g] = rank));
  const groupOf = new Uint32Array(accounts.length);
  const customers = new Float64Array(used.length);
  for (let i = 0; i < accounts.length; i++) {
    const g = rankOf[groupOfCode[codes[accounts[i]]]];
    groupOf[i] = g;
    customers[g] += 1;
  }
  return { attribute: by.attribute, values: order.map((g) => used[g]), groupOf, customers, known: values };
}

/**
 * @internal Per (value, class) cell: the sum of `weight` (or the number of customers) over the
 * customers of that value in that class. Cell `g · classes + k`; customers whose class is not below
 * `classes` are in no cell.
 *
 * @param groups - the customers' values
 * @param classOf - each customer's class (segment, tier)
 * @param classes - the number of classes
 * @param weight - what to add per customer (default 1)
 * @returns the sums
 */
export function cellSums(groups: ValueGroups, classOf: ArrayLike<number>, classes: number, weight?: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(groups.values.length * classes);
  const { groupOf } = groups;
  for (let i = 0; i < groupOf.length; i++) {
    const k = classOf[i];
    if (k < classes) sums[groupOf[i] * classes + k] += weight === undefined ? 1 : weight[i];
  }
  return sums;
}

/**
 * @internal The ids of a report's customers in class `k`, in report order (ledger account order); with
 * `options.value`, only those of that value.
 *
 * @param book - the ledger
 * @param accounts - the ledger account of each customer of the report
 * @param classOf - each customer's class
 * @param k - the class wanted
 * @param groups - the customers' values, or `null` for a report without `by`
 * @param options - the `members` options as the caller gave them
 * @returns the ids
 * @throws {@link InvalidOptionError} for an unknown option, a `value` given to a report without `by`, or
 *   a value the attribute does not have
 */
export function classMembers(book: Pick<Ledger, 'ids'>, accounts: ArrayLike<number>, classOf: ArrayLike<number>, k: number, groups: ValueGroups | null, options: MembersOptions | undefined): CustomerId[] {
  const g = wantedGroup(groups, options);
  const ids: CustomerId[] = [];
  if (g === NO_CUSTOMERS) return ids;
  for (let i = 0; i < accounts.length; i++) {
    if (classOf[i] === k && (g === ALL_GROUPS || (groups !== null && groups.groupOf[i] === g))) ids.push(book.ids[accounts[i]]);
  }
  return ids;
}

const MEMBERS_KEYS = optionKeys<MembersOptions>({ value: true });
const ALL_GROUPS = -1;
const NO_CUSTOMERS = -2;

/** The group `options.value` names: every group, one, or none (a value of the attribute without customers in the report). */
function wantedGroup(groups: ValueGroups | null, options: MembersOptions | undefined): number {
  const opts = checkOptionKeys(options, MEMBERS_KEYS);
  const value: unknown = opts.value;
  if (value === undefined) return ALL_GROUPS;
  if (groups === null) throw new InvalidOptionError('value', value, 'only a report made with the `by` option has values to pick from');
  if (value !== null && typeof value !== 'string') throw new InvalidOptionError('value', value, `${describeValue(value)} is not a value (a string, or null for a missing value)`);
  const g = groups.values.indexOf(value);
  if (g >= 0) return g;
  if (groups.known.includes(value)) return NO_CUSTOMERS;
  throw unknownValueError('value', value, 'value', `\`${groups.attribute}\``, [...new Set(groups.known)].sort(compareSegmentValues));
}
