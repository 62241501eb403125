/**
 * The shapes of cohort analysis: settings, cells, rows and the table.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { CalendarUnit, Period, WeekStartsOn } from '../calendar/units.ts';
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

/** What `segmentBy` and `cohortKey` functions see of a customer (built once per customer). */
export interface CustomerProfile {
  /** The customer's id. */
  readonly customerId: CustomerId;
  /** Instant of the first order. */
  readonly firstOrder: Date;
  /** Amount of the first order. */
  readonly firstOrderAmount: Decimal;
}

/** Resolved settings of a cohort table (what the `Cohort` builder collects). */
export interface CohortSettings {
  readonly by: CalendarUnit;
  readonly every: Period;
  readonly timeZone: string;
  readonly weekStartsOn: WeekStartsOn;
  readonly from: number;
  readonly to: number;
  readonly asOf: number | null;
  readonly mode: CohortMode;
  readonly brackets: readonly Bracket[] | null;
  readonly maxOffset: number;
  readonly segmentBy: ((customer: CustomerProfile) => string) | null;
  readonly cohortKey: ((customer: CustomerProfile) => string) | null;
}

/** One cell of a cohort: offset k (or a bracket of offsets) after the cohort's start. */
export interface CohortCell {
  /** Offset k in measurement periods (for a bracket: its first offset). */
  readonly offset: number;
  /** `"3"`, or a bracket's range `"1–2"`. */
  readonly label: string;
  /** Customers of the cohort counted in this cell (see {@link CohortMode}). */
  readonly customers: number;
  /** customers ÷ cohort size. */
  readonly rate: number;
  /** Orders in the cell's period(s). */
  readonly orders: number;
  /** Gross revenue (orders) in the cell's period(s). */
  readonly grossRevenue: Decimal;
  /** Net revenue (orders and refunds) in the cell's period(s). */
  readonly netRevenue: Decimal;
  /** Net revenue ÷ cohort size (computed on first read, then kept; it reads like any other field). */
  readonly revenuePerCustomer: Decimal;
  /**
   * Net revenue of this and all earlier offsets ÷ cohort size: the cohort's LTV curve (computed on
   * first read, then kept).
   */
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
  /** Segment value from `segmentBy`, or `null`. */
  readonly segment: string | null;
  /** Start of the cohort period (custom keys: the earliest first order of its members). */
  readonly start: Date;
  /** Customers whose first order puts them in this cohort. */
  readonly size: number;
  /** Cells by offset (or bracket), from 0 to the last observable one. */
  readonly cells: readonly CohortCell[];
}

/** The average curve at one offset, weighted by cohort size over cohorts whose cell is complete. */
export interface AverageCell {
  readonly offset: number;
  readonly label: string;
  /** Cohorts whose cell at this offset is complete (the ones averaged). */
  readonly cohorts: number;
  /** Σ size of those cohorts. */
  readonly size: number;
  /** Σ customers of those cells. */
  readonly customers: number;
  /** customers ÷ size, or `null` when no cohort is complete at this offset. */
  readonly rate: number | null;
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
  orders: number;
  grossRevenue: string;
  netRevenue: string;
  revenuePerCustomer: string;
  cumulativeRevenuePerCustomer: string;
  complete: boolean;
}

/** An acquisition-cohort table. */
export interface CohortTable {
  /** Cohort period. */
  readonly by: CalendarUnit;
  /** Measurement period. */
  readonly every: Period;
  readonly mode: CohortMode;
  readonly timeZone: string;
  /** The instant the table is computed as of. */
  readonly asOf: Date;
  /** Cohorts, by segment then by cohort start. */
  readonly cohorts: readonly CohortRow[];
  /** The size-weighted average curve over complete cells. */
  readonly average: readonly AverageCell[];
  /** One flat row per cell, for `console.table`, CSV writers or dataframes. */
  toRows(): CohortTableRow[];
  /** A JSON-safe copy (money as decimal strings, dates as ISO strings). */
  toJSON(): unknown;
}
