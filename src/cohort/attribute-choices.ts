/**
 * The `Cohort` builder's ledger-attribute options — `.segmentBy('<attribute>')` and `.where(filter)` —
 * checked when set, and resolved into the parts of a table (or a breakdown's tables) when computed.
 *
 * @module
 * @internal
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { type Where, customerValues, eventsWhere } from '../input/attribute-lookup.ts';
import { type Breakdown, type SegmentRule, segmentRuleOption } from '../input/breakdown.ts';
import type { Ledger } from '../input/types.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { computeCohorts } from './engine.ts';
import { type CohortScope, wholeScope } from './scope.ts';
import { segmentScopes } from './segment-scopes.ts';
import { type CohortChoice, customerFunctionOption, resolveCohortSettings } from './settings.ts';
import type { CohortOf, CohortSegmentOptions, CohortTable, CohortWhereOptions } from './types.ts';

/** @internal A split by an attribute, as set by `.segmentBy(name, options)`. */
export interface AttributeSplit {
  readonly attribute: string;
  readonly rule: SegmentRule;
}

/** @internal A filter, as set by `.where(filter, options)`: the events it keeps, read once. */
export interface EventFilter {
  /** 1 for each event of the ledger the filter keeps. */
  readonly kept: Uint8Array;
  readonly cohortOf: CohortOf;
}

const SEGMENT_KEYS = optionKeys<CohortSegmentOptions>({ segmentRule: true });
const WHERE_KEYS = optionKeys<CohortWhereOptions>({ cohortOf: true });

/**
 * @internal Check `.segmentBy(segment, options)`: a function of the customer, or an attribute's name
 * with `{ segmentRule }`.
 *
 * @param book - the ledger
 * @param segment - the function, or the attribute's name
 * @param options - `{ segmentRule }`, for an attribute only
 * @returns the function, or the split by the attribute
 * @throws {@link InvalidOptionError} naming `segmentBy` for something else or an attribute the ledger
 *   does not have, and for an unknown option or rule, or an option beside a function
 */
export function segmentByOption(book: Ledger, segment: unknown, options: CohortSegmentOptions | undefined): CohortChoice['segmentBy'] {
  const { segmentRule } = checkOptionKeys(options, SEGMENT_KEYS);
  if (typeof segment !== 'string') {
    if (segmentRule !== undefined) {
      throw new InvalidOptionError('segmentRule', segmentRule, 'applies to segments by an attribute, named; a segmentBy function puts each customer in one segment');
    }
    return customerFunctionOption('segmentBy', segment);
  }
  const rule = segmentRuleOption(segmentRule);
  // customerValues throws for a name the ledger lacks, naming its attributes and the closest one.
  if (!Object.hasOwn(book.attributes, segment) && !Object.hasOwn(book.customerAttributes, segment)) customerValues(book, segment, 'segmentBy');
  return Object.freeze({ attribute: segment, rule });
}

/**
 * @internal Check `.where(filter, options)` and read which events the filter keeps.
 *
 * @param book - the ledger
 * @param where - the filter
 * @param options - `{ cohortOf }`
 * @returns the filter, read
 * @throws {@link InvalidOptionError} for a filter that is not an object of value lists or names an
 *   attribute the ledger does not have, or an unknown option or `cohortOf`
 */
export function eventFilterOption(book: Ledger, where: Where, options: CohortWhereOptions | undefined): EventFilter {
  const { cohortOf = 'first-match' } = checkOptionKeys(options, WHERE_KEYS);
  if (cohortOf !== 'first-match' && cohortOf !== 'first-order') {
    throw new InvalidOptionError('cohortOf', cohortOf, `${describeValue(cohortOf)} is not 'first-match' or 'first-order'`);
  }
  return Object.freeze({ kept: eventsWhere(book, where, 'where'), cohortOf });
}

/**
 * @internal The parts of a table: the whole scope, or one per value of the `segmentBy` attribute (each
 * one's rows labelled with its value).
 *
 * @param book - the ledger
 * @param choice - the builder's choices
 * @returns the scopes
 * @throws {@link InvalidOptionError} for `cohortOf: 'first-order'` with same-value segments
 */
export function tableScopes(book: Ledger, choice: CohortChoice): CohortScope[] {
  const whole = wholeScopeOf(book, choice);
  const split = choice.segmentBy;
  if (split === null || typeof split === 'function') return [whole];
  return segmentScopes(book, whole, split.attribute, split.rule).map((part) => part.scope);
}

/**
 * @internal The breakdown of a builder split by an attribute: the unsegmented table, and one
 * unsegmented table per value with customers in it, with the same settings.
 *
 * @param book - the ledger
 * @param choice - the builder's choices
 * @returns the breakdown
 * @throws {@link InvalidOptionError} naming `segmentBy` when it is not an attribute's name, and as
 *   computing a table throws
 */
export function cohortBreakdown(book: Ledger, choice: CohortChoice): Breakdown<CohortTable> {
  const split = choice.segmentBy;
  if (split === null || typeof split === 'function') {
    throw new InvalidOptionError('segmentBy', split, `${describeValue(split)} is not an attribute's name: breakdown() needs .segmentBy('<attribute>')`);
  }
  const settings = resolveCohortSettings(choice, book);
  const whole = wholeScopeOf(book, choice);
  const total = computeCohorts(book, settings, [whole]);
  const segments = segmentScopes(book, whole, split.attribute, split.rule)
    .map(({ value, scope }) => {
      const result = computeCohorts(book, settings, [{ ...scope, segment: null }]);
      return Object.freeze({ value, customers: result.cohorts.reduce((n, cohort) => n + cohort.size, 0), result });
    })
    .filter((segment) => segment.customers > 0);
  return Object.freeze({ by: split.attribute, rule: split.rule, total, segments: Object.freeze(segments) });
}

/** Every customer the filter lets in, with the order that starts their cohort. */
function wholeScopeOf(book: Ledger, choice: CohortChoice): CohortScope {
  const filter = choice.where;
  const split = choice.segmentBy;
  if (filter?.cohortOf === 'first-order' && split !== null && typeof split !== 'function' && split.rule === 'same-value') {
    // A same-value segment starts each customer at their first order with the value, not their first order.
    throw new InvalidOptionError('cohortOf', filter.cohortOf, `'first-order' does not combine with same-value segments, which start each customer at their first order with the segment's value`);
  }
  return wholeScope(book, filter?.kept ?? null, filter?.cohortOf ?? 'first-match');
}
