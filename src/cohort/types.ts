/**
 * The shapes of cohort analysis: settings, cells, rows and the table.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { CalendarUnit, Period, WeekStartsOn } from '../calendar/units.ts';
import type { SegmentRule } from '../input/breakdown.ts';
import type { CustomerId } from '../input/types.ts';

/**
 * How a cell counts its customers:
 * - `'classic'` (bounded, Amplitude "N-day"): customers of the cohort with an order in period c + k;
 * - `'unbounded'` (Amplitude "unbounded", Mixpanel "on or after"): with an order in c + k or later;
 * - `'bracket'`: with an order in any period of a caller-defined range of offsets.
 */
export type CohortMode = 'classic' | 'unbounded' | 'bracket';

/** A bracket of offsets: `[k]` or `[from, to]` (inclusive). */
export type Bracket = readonly [number] | readonly [number, number];

/**
 * What `segmentBy` and `cohortKey` functions see of a customer (built once per customer as a table is
 * computed). Under `.where()` with the default `cohortOf: 'first-match'`, the first order is the first
 * matching one.
 */
export interface CustomerProfile {
  /** The customer's id. */
  readonly customerId: CustomerId;
  /** Instant of the first order. */
  readonly firstOrder: Date;
  /** Amount of the first order. */
  readonly firstOrderAmount: Decimal;
}

/** Options of `Cohort.segmentBy` with an attribute's name. */
export interface CohortSegmentOptions {
  /**
   * Which customers and orders a segment holds (see {@link SegmentRule}): `'customer'` (default), each
   * customer in the segment of their value with all their orders; or `'same-value'`, the segment of value
   * v holds the orders with v — a customer enters it with their first order with v and returns with
   * orders with v.
   */
  segmentRule?: SegmentRule;
}

/**
 * Which order puts a customer in their cohort under `Cohort.where`: `'first-match'`, their first
 * matching order; `'first-order'`, their first order of any kind.
 */
export type CohortOf = 'first-match' | 'first-order';

/** Options of `Cohort.where`. */
export interface CohortWhereOptions {
  /**
   * Which order puts a customer in their cohort (default `'first-match'`): their first matching order —
   * the table of the matching orders alone — or (`'first-order'`) their first order of any kind, every
   * customer counted in the cohort of their first order and retained only with matching orders.
   */
  cohortOf?: CohortOf;
}

/**
 * @internal The settings the cohort engine runs on: every option of the `Cohort` builder checked and
 * resolved (instants as epoch ms, defaults filled in).
 */
export interface CohortSettings {
  /** Cohort period. */
  readonly by: CalendarUnit;
  /** Measurement period: a calendar unit, or elapsed `{ days: n }` spans from each first order. */
  readonly every: Period;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  /** Customers whose first order is in `[from, to)` (±Infinity when open). */
  readonly from: number;
  readonly to: number;
  /** Events after this instant are ignored. */
  readonly asOf: number;
  readonly mode: CohortMode;
  /** The brackets of `'bracket'` mode, else `null`. */
  readonly brackets: readonly Bracket[] | null;
  /** The last offset reported (Infinity: every observable one). */
  readonly maxOffset: number;
  /** A `segmentBy` function (a split by an attribute is resolved into the table's scopes instead). */
  readonly segmentBy: ((customer: CustomerProfile) => string) | null;
  readonly cohortKey: ((customer: CustomerProfile) => string) | null;
  /** A customer is active in a measurement period with at least this many orders there. */
  readonly minOrders: number;
  /** … and order amounts there summing to at least this many minor units. */
  readonly minGrossMinor: number;
}

/**
 * When a customer counts as active (retained) in a measurement period: with at least `minOrders`
 * orders there, whose amounts (refunds not subtracted) sum to at least `minAmount`.
 */
export interface ActiveWhen {
  /** Orders in the period, at least: a whole number ≥ 1 (default 1). */
  minOrders?: number;
  /** Order amounts in the period, at least, in major units: a number, numeric string or `Decimal` ≥ 0 (default 0). */
  minAmount?: number | string | Decimal;
}

/** One cell of a cohort: offset k (or a bracket of offsets) after the cohort's start. */
export interface CohortCell {
  /** Offset k in measurement periods (for a bracket: its first offset). */
  readonly offset: number;
  /** `"3"`, or a bracket's range `"1–2"`. */
  readonly label: string;
  /** Customers of the cohort counted in this cell (see {@link CohortMode}). */
  readonly customers: number;
  /** customers ÷ cohort size: retention relative to the cohort's start. */
  readonly rate: number;
  /**
   * customers ÷ customers of the cohort's cell before this one: retention relative to the previous
   * period (or bracket). `null` for the first cell, or when the cell before has no customers; it can
   * exceed 1 in classic mode (more customers came back than were active the period before).
   */
  readonly previousRate: number | null;
  /** Orders in the cell's period(s). */
  readonly orders: number;
  /** Gross revenue (orders) in the cell's period(s). */
  readonly grossRevenue: Decimal;
  /** Net revenue (orders and refunds) in the cell's period(s). */
  readonly netRevenue: Decimal;
  /** Net revenue ÷ cohort size. */
  readonly revenuePerCustomer: Decimal;
  /** Net revenue of this and all earlier offsets ÷ cohort size: the cohort's LTV curve. */
  readonly cumulativeRevenuePerCustomer: Decimal;
  /**
   * `false` while the cell's last period has not ended as of `asOf` for every member. In unbounded mode
   * a complete cell can still rise: it also counts orders after its period, up to `asOf`.
   */
  readonly complete: boolean;
}

/** One cohort: its key, start, size and cells. */
export interface CohortRow {
  /** Cohort key: a period key (`2024-03`) or the caller's `cohortKey` value. */
  readonly key: string;
  /**
   * The segment: what a `segmentBy` function returned, or the value of the `segmentBy` attribute —
   * `null` for the customers (or orders) without one. `null` in a table that is not segmented.
   */
  readonly segment: string | null;
  /** Start of the cohort period (custom keys: the earliest first order of its members). */
  readonly start: Date;
  /** Customers whose first order puts them in this cohort. */
  readonly size: number;
  /** Cells by offset (or bracket), from 0 to the last observable one. */
  readonly cells: readonly CohortCell[];
}

/**
 * The average curve at one offset (or bracket), over the cohorts whose cell there is complete: weighted
 * by cohort size (`rate`) and simple (`simpleRate`, every cohort counting once), relative to the start
 * or to the cell before.
 */
export interface AverageCell {
  readonly offset: number;
  readonly label: string;
  /** Cohorts whose cell at this offset is complete (the ones averaged). */
  readonly cohorts: number;
  /** Σ size of those cohorts. */
  readonly size: number;
  /** Σ customers of those cells. */
  readonly customers: number;
  /** customers ÷ size (weighted by cohort size), or `null` when no cohort is complete at this offset. */
  readonly rate: number | null;
  /** The mean of those cohorts' rates (each cohort weighs the same), or `null` when none is complete. */
  readonly simpleRate: number | null;
  /**
   * customers ÷ Σ customers of the same cohorts' cells before this one (weighted), or `null` at the
   * first offset or when those cells have no customers.
   */
  readonly previousRate: number | null;
  /**
   * The mean of those cohorts' `previousRate`s, over the cohorts whose cell before has customers, or
   * `null` when there is none.
   */
  readonly simplePreviousRate: number | null;
  /** Σ cumulative net revenue ÷ size, or `null` when no cohort is complete at this offset. */
  readonly cumulativeRevenuePerCustomer: Decimal | null;
}

/** A flat row of {@link CohortTable.toRows}: primitives only (money as exact decimal strings). */
export interface CohortTableRow {
  segment: string | null;
  cohort: string;
  cohortStart: string;
  size: number;
  offset: number;
  label: string;
  customers: number;
  rate: number;
  previousRate: number | null;
  orders: number;
  grossRevenue: string;
  netRevenue: string;
  revenuePerCustomer: string;
  cumulativeRevenuePerCustomer: string;
  complete: boolean;
}

/**
 * An acquisition-cohort table: plain, frozen data. Its methods are not enumerable, so a spread, `Object.keys`
 * and `JSON.stringify` see the same fields.
 */
export interface CohortTable {
  /** Cohort period. */
  readonly by: CalendarUnit;
  /** Measurement period. */
  readonly every: Period;
  readonly mode: CohortMode;
  /** The brackets of `'bracket'` mode (the cells' offset ranges), else `null`. */
  readonly brackets: readonly Bracket[] | null;
  readonly timeZone: string;
  /** The instant the table is computed as of. */
  readonly asOf: Date;
  /** Cohorts, by segment (the missing value of an attribute last) then by cohort start. */
  readonly cohorts: readonly CohortRow[];
  /** The size-weighted average curve over complete cells. */
  readonly average: readonly AverageCell[];
  /** One flat row per cell, for `console.table`, CSV writers or dataframes. */
  toRows(): CohortTableRow[];
  /** A JSON-safe copy, the table's fields with money as exact decimal strings and dates as ISO strings. */
  toJSON(): unknown;
  /**
   * The customers a cell counts — the ones in its `customers`, by the table's mode and `activeWhen`
   * rule — in the ledger's account order (order of first record).
   *
   * @param cohortKey - the cohort's `key`
   * @param offset - the cell's `offset` (for a bracket, its first offset)
   * @param segment - the cohort's `segment` (default `null`: the table is not segmented, or the
   *   customers without a value of the attribute)
   * @returns the customers' ids: a new array on every call (yours to sort or extend)
   * @throws {@link InvalidOptionError} naming `cohortKey`, `segment` or `offset` when the table has no
   *   such cohort or cell
   *
   * @example
   * ```ts
   * import { Cohort } from 'retention-metrics';
   * const orders = [
   *   { customerId: 'a', date: '2024-01-03', amount: 10 },
   *   { customerId: 'b', date: '2024-01-09', amount: 20 },
   *   { customerId: 'b', date: '2024-02-11', amount: 15 },
   *   { customerId: 'a', date: '2024-03-02', amount: 5 },
   * ];
   * const monthly = Cohort.from(orders).asOf('2024-03-31T23:59:59Z');
   * monthly.table().members('2024-01', 1); // => ['b']
   * monthly.mode('unbounded').table().members('2024-01', 1); // => ['a', 'b']
   * monthly.brackets([[0], [1, 2]]).table().members('2024-01', 1); // => ['a', 'b']
   * ```
   */
  members(cohortKey: string, offset: number, segment?: string | null): CustomerId[];
  /**
   * The customers of a cohort (its `size`), in the ledger's account order.
   *
   * @param cohortKey - the cohort's `key`
   * @param segment - the cohort's `segment` (default `null`)
   * @returns the customers' ids: a new array on every call (yours to sort or extend)
   * @throws {@link InvalidOptionError} naming `cohortKey` or `segment` when the table has no such cohort
   *
   * @example
   * ```ts
   * import { Cohort } from 'retention-metrics';
   * const orders = [
   *   { customerId: 'a', date: '2024-01-03', amount: 10 },
   *   { customerId: 'b', date: '2024-01-09', amount: 20 },
   *   { customerId: 'c', date: '2024-02-11', amount: 15 },
   * ];
   * Cohort.from(orders).table().cohortMembers('2024-01'); // => ['a', 'b']
   * ```
   */
  cohortMembers(cohortKey: string, segment?: string | null): CustomerId[];
}
