/**
 * Which orders a report reads (`where`) and how it is broken down (`by`, `segmentRule`): the options
 * `summarize`, `periodRetention` and `periodLifecycle` share, read once.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type Where, customerValues } from '../input/attribute-lookup.ts';
import { type Breakdown, type SegmentRule, breakdownOf, segmentLedgers, segmentRuleOption } from '../input/breakdown.ts';
import { filterLedger } from '../input/filter-ledger.ts';
import type { Ledger } from '../input/types.ts';
import { didYouMean, optionKeys } from '../option-keys.ts';

/** The options that choose a report's orders and break it down by an attribute of the ledger. */
export interface ReportScopeOptions {
  /**
   * Only the events matching this filter, e.g. `{ category: ['books'] }` (as `filterLedger` keeps
   * them): the report answers for the matching orders alone, and a customer's first order is their
   * first matching one.
   */
  where?: Where;
  /**
   * Break the report down by this attribute of the ledger (an event attribute or a `customers` column):
   * the result is a `Breakdown` — the report over everyone, and over each value's segment.
   */
  by?: string;
  /**
   * With `by`, how customers and orders go into segments: `'customer'` (default; each customer in the
   * segment of their value, with all their orders — the segments add up to the total) or `'same-value'`
   * (the segment of value v holds the orders with value v).
   */
  segmentRule?: SegmentRule;
}

/** @internal The keys of {@link ReportScopeOptions}. */
export const SCOPE_KEYS = optionKeys<ReportScopeOptions>({ where: true, by: true, segmentRule: true });

/** @internal {@link ReportScopeOptions} read. */
export interface ReportScope {
  /** `undefined`: every event. */
  readonly where: Where | undefined;
  /** `null`: no breakdown. */
  readonly by: string | null;
  readonly rule: SegmentRule;
}

/**
 * @internal Read the scope options of a report.
 *
 * @param options - the report's options
 * @returns the scope
 * @throws {@link InvalidOptionError} for a `by` that is not a string, a bad `segmentRule`, or a
 *   `segmentRule` without `by`
 */
export function reportScope(options: ReportScopeOptions): ReportScope {
  const rule = segmentRuleOption(options.segmentRule);
  const { where } = options;
  if (options.by === undefined) {
    if (options.segmentRule !== undefined) throw new InvalidOptionError('segmentRule', options.segmentRule, 'applies to a breakdown: name its attribute with `by`');
    return { where, by: null, rule };
  }
  if (typeof options.by !== 'string') throw new InvalidOptionError('by', options.by, `${describeValue(options.by)} is not the name of an attribute`);
  return { where, by: options.by, rule };
}

/**
 * @internal A report over the scope's orders: over the ledger filtered by `where`, and, with `by`, over
 * each value's segment of it beside the total.
 *
 * @param book - the whole ledger
 * @param scope - the scope
 * @param report - the report over a ledger (the filtered one, a segment's)
 * @param counted - the customers a segment's report counts; a segment whose report counts none is left
 *   out of the breakdown
 * @returns the report, or its breakdown
 * @throws {@link InvalidOptionError} for a bad `where` or a `by` that is not an attribute of the ledger
 */
export function scopedReport<T>(book: Ledger, scope: ReportScope, report: (part: Ledger) => T, counted: (result: T, part: Ledger) => number): T | Breakdown<T> {
  const filtered = scope.where === undefined ? book : filterLedger(book, scope.where);
  return scope.by === null ? report(filtered) : breakdownOf(filtered, scope.by, scope.rule, report, counted);
}

/**
 * @internal The ledger of one segment of the scope: the filtered ledger's events in the segment of
 * `value` of `by` (the whole filtered ledger without `by`).
 *
 * @param book - the whole ledger
 * @param scope - the scope
 * @param value - the segment's value as given (`undefined`: not given)
 * @returns the segment's ledger, or `null` when a value of the attribute has no customers in scope
 * @throws {@link InvalidOptionError} for a bad `where`, a `by` without `value` or the reverse, or a
 *   `value` that is not a value of the attribute
 */
export function segmentLedger(book: Ledger, scope: ReportScope, value: unknown): Ledger | null {
  const filtered = scope.where === undefined ? book : filterLedger(book, scope.where);
  if (scope.by === null) {
    if (value !== undefined) throw new InvalidOptionError('value', value, 'is a value of a breakdown: name its attribute with `by`');
    return filtered;
  }
  if (value === undefined) throw new InvalidOptionError('by', scope.by, "members are one segment's: name its value with `value`");
  if (value !== null && typeof value !== 'string') throw unknownValue(scope.by, value, customerValues(filtered, scope.by, 'by').values);
  const [found] = segmentLedgers(filtered, scope.by, scope.rule, 'by', value);
  if (found !== undefined) return found.book;
  const { values } = customerValues(filtered, scope.by, 'by');
  if (values.includes(value)) return null;
  throw unknownValue(scope.by, value, values);
}

/** Values listed in the message for a value that is not one of the attribute's, before "… n more". */
const LISTED_VALUES = 10;

/** The error for a `value` that is not a value of attribute `by`: its values (missing last), and the closest. */
function unknownValue(by: string, value: unknown, values: readonly (string | null)[]): InvalidOptionError {
  const known = values.filter((v): v is string => v !== null);
  const shown = known.slice(0, LISTED_VALUES).map((v) => JSON.stringify(v));
  if (known.length > LISTED_VALUES) shown.push(`… ${known.length - LISTED_VALUES} more`);
  const hint = typeof value === 'string' ? didYouMean(value, known) : '';
  return new InvalidOptionError('value', value, `${describeValue(value)} is not a value of \`${by}\`${hint}; its values are ${[...shown, 'null'].join(', ')}`);
}
