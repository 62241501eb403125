/**
 * A breakdown in one query: the options `by` (`segmentBy` for cohort cells) and `segmentRule`, and the
 * events table of a breakdown — the total's events and, beside them, every segment's, told apart by
 * two key columns that every later step groups and joins by with the customer:
 *
 * - `part`: 0 the total, 1 the segment of the missing value (`NULL`), 2 the segment of a value;
 * - `segment`: the value (`''` where `part` is 0 or 1), never `NULL`, so that a join's equality holds
 *   for the missing value's segment too.
 *
 * Under the customer rule each customer's events are in the segment of their value on their first
 * order (the values of customer-where.ts; a customer without an order has none and is in no segment);
 * under the same-value rule each event is in the segment of its own value.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type SegmentRule, segmentRuleOption } from '../input/breakdown.ts';
import { optionKeys } from '../option-keys.ts';
import { customerValueTables } from './customer-where.ts';
import { type Expr, type Select, type TableExpression, col, int, op, when } from './expression.ts';

/** The breakdown options of `summary` and `periodActivity`. */
export interface SqlBreakdownOptions {
  /**
   * Break the report down by this column of the table (text): the query returns the total's rows and
   * every value's segment's, and the finisher given the same `by` returns a `Breakdown`. Not with an
   * `orderId` column (order lines).
   */
  by?: string;
  /**
   * With `by`, how customers and orders go into segments: `'customer'` (default; each customer in the
   * segment of their value on their first order, with all their orders) or `'same-value'` (the segment
   * of value v holds the orders and refunds with value v).
   */
  segmentRule?: SegmentRule;
}

/** The breakdown options of `cohortCells`, named as the `Cohort` builder's step (`by` is the cohort period there). */
export interface SqlCohortBreakdown {
  /**
   * Break the table down by this column of the table (text): the query returns the total's cells and
   * every value's segment's, and `cohortTableFromCells` given the same `segmentBy` returns a
   * `Breakdown` of tables, as `Cohort.from(…).segmentBy(name).breakdown()`. Not with an `orderId`
   * column (order lines).
   */
  segmentBy?: string;
  /** With `segmentBy`, how customers and orders go into segments, as {@link SqlBreakdownOptions.segmentRule}. */
  segmentRule?: SegmentRule;
}

/** @internal The keys of {@link SqlCohortBreakdown}. */
export const COHORT_BREAKDOWN_KEYS = optionKeys<SqlCohortBreakdown>({ segmentBy: true, segmentRule: true });

/** @internal The keys of {@link SqlBreakdownOptions}. */
export const BREAKDOWN_KEYS = optionKeys<SqlBreakdownOptions>({ by: true, segmentRule: true });

/** @internal A breakdown's column and rule, checked. */
export interface ResolvedBreakdown {
  readonly column: string;
  readonly rule: SegmentRule;
}

/** @internal The part of a row: the total, the segment of the missing value, the segment of a value. */
export const PART = { total: 0, missing: 1, value: 2 } as const;

/** @internal The key columns a breakdown adds to every customer's and every result row's key. */
export const SEGMENT_KEY = ['part', 'segment'] as const;

/**
 * @internal Read a breakdown's options.
 *
 * @param column - the column option as given (`by`, or `segmentBy` for cohort cells)
 * @param rule - the `segmentRule` option as given
 * @param orderLines - whether the table is read as order lines (an order id column is named)
 * @param option - the column option's name, for messages
 * @returns the breakdown, or `null` without one
 * @throws {@link InvalidOptionError} for a column that is not a non-empty string, a bad `segmentRule`,
 *   a `segmentRule` without a column, or a breakdown of order lines
 */
export function breakdownOption(column: unknown, rule: unknown, orderLines: boolean, option: 'by' | 'segmentBy' = 'by'): ResolvedBreakdown | null {
  const segmentRule = segmentRuleOption(rule);
  if (column === undefined) {
    if (rule !== undefined) throw new InvalidOptionError('segmentRule', rule, `applies to a breakdown: name its column with \`${option}\``);
    return null;
  }
  if (typeof column !== 'string' || column === '') throw new InvalidOptionError(option, column, `${describeValue(column)} is not a column's name; give a non-empty string`);
  if (orderLines) {
    // An order's value is its earliest line's, which the lines' values alone do not give.
    throw new InvalidOptionError(option, column, 'a breakdown of order lines (columns.orderId) is not written in SQL; break down a table of whole orders, or break down in process');
  }
  return { column, rule: segmentRule };
}

/**
 * @internal The key columns of a breakdown's customers: none without a breakdown.
 *
 * @param breakdown - the breakdown, or `null`
 * @returns the columns
 */
export function segmentKey(breakdown: ResolvedBreakdown | null): readonly string[] {
  return breakdown === null ? [] : SEGMENT_KEY;
}

/**
 * @internal The key columns of a table, as a select's columns.
 *
 * @param keys - the key columns
 * @param from - the table's alias
 * @returns the columns, each under its own name
 */
export function keyColumns(keys: readonly string[], from: string): Select['columns'] {
  return keys.map((name) => ({ as: name, value: col(name, from) }));
}

/**
 * @internal The equalities of two tables' key columns.
 *
 * @param keys - the key columns
 * @param left - one table's alias
 * @param right - the other's
 * @returns one equality per key column
 */
export function sameKey(keys: readonly string[], left: string, right: string): Expr[] {
  return keys.map((name) => op(col(name, left), '=', col(name, right)));
}

/**
 * @internal The breakdown's events, as the table expression `events` (customer, ms, minor, part,
 * segment), from the events in scope (`input`: customer, ms, minor and `byValue`, the column's value).
 *
 * @param input - the name of the events in scope
 * @param breakdown - the breakdown
 * @returns the table expressions, `events` last
 */
export function segmentEventsTables(input: string, breakdown: ResolvedBreakdown): TableExpression[] {
  const a = (name: string): Expr => col(name, 'a');
  const events = ['customer', 'ms', 'minor'].map((name) => ({ as: name, value: a(name) }));
  const total: Select = { columns: [...events, { as: 'part', value: int(PART.total) }, { as: 'segment', value: emptyText }], from: { name: [input], as: 'a' } };
  const segmentOf = (value: Expr): Select['columns'] => [
    { as: 'part', value: when({ kind: 'is-null', value }, int(PART.missing), int(PART.value)) },
    { as: 'segment', value: { kind: 'coalesce', value, fallback: emptyText } },
  ];
  if (breakdown.rule === 'same-value') {
    return [{ name: 'events', select: { unionAll: [total, { columns: [...events, ...segmentOf(a('byValue'))], from: { name: [input], as: 'a' } }] } }];
  }
  const v = col('byValue', 'v');
  return [
    ...customerValueTables(input, ['byValue'], { firsts: 'segmentFirsts', orders: 'segmentFirstAmounts', values: 'segmentValues' }),
    {
      name: 'events',
      select: {
        unionAll: [
          total,
          {
            columns: [...events, ...segmentOf(v)],
            from: { name: [input], as: 'a' },
            joins: [{ name: ['segmentValues'], as: 'v', on: op(a('customer'), '=', col('customer', 'v')) }],
          },
        ],
      },
    },
  ];
}

/** The empty text: the segment of the total's rows and of the missing value's. */
const emptyText: Expr = { kind: 'text', value: '' };
