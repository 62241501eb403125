/**
 * The options and the report of `dormancy`.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { AsOfOptions } from '../input/customer-scan.ts';
import type { CustomerId } from '../input/types.ts';
import type { DormancySegment, DormancyWindows } from './dormancy-windows.ts';

/** Options of `dormancy`. */
export interface DormancyOptions extends AsOfOptions {
  /**
   * How days since the last order become a segment: `'fixed'` (default; active ≤ 90, atRisk 91–180,
   * dormant 181–365, lost > 365 days), your own `{ active, atRisk, dormant }` last days, `'adaptive'`
   * (2 / 4 / 8 × the customer's median gap; one-order-day customers use the fixed windows),
   * `{ adaptive: { … }, fallback?: { … } }`, or `{ probabilityAlive, thresholds? }` to segment by a
   * model's probability that the customer is alive.
   */
  windows?: DormancyWindows;
}

/** One customer of a {@link DormancyReport}. */
export interface DormancyCustomer {
  /** The customer's id. */
  id: CustomerId;
  /** Instant of the last order at or before `asOf`. */
  lastOrder: Date;
  /** Whole local calendar days from the last order's day to the as-of day (0 = ordered that day). */
  daysSince: number;
  /** Orders at or before `asOf`. */
  orders: number;
  /** Median gap in days between distinct order days; `null` with a single order day. */
  medianGap: number | null;
  /** The probability alive given by `windows.probabilityAlive`; `null` with day windows. */
  probabilityAlive: number | null;
  /** The customer's segment. */
  segment: DormancySegment;
  /** Historical value: net revenue (orders plus refunds) at or before `asOf`. */
  value: Decimal;
}

/** Count and value of one segment. */
export interface DormancySegmentTotal {
  /** Customers in the segment. */
  customers: number;
  /** Sum of their historical value. */
  value: Decimal;
}

/** The per-customer numbers of a {@link DormancyReport} as typed arrays (same order as `customers`). */
export interface DormancyColumns {
  /** Ledger account number of the customer (`book.ids[account]` is the id). */
  account: Uint32Array;
  /** Whole days since the last order. */
  daysSince: Float64Array;
  /** Index of the segment in `DORMANCY_SEGMENTS` (0 active, 1 atRisk, 2 dormant, 3 lost). */
  segment: Uint8Array;
  /** Historical value (net revenue) in minor units. */
  valueMinor: Float64Array;
}

/** The result of `dormancy`. */
export interface DormancyReport {
  /** The as-of instant, or `null` for an empty ledger. */
  asOf: Date | null;
  /** The rule used. */
  windows: 'fixed' | 'adaptive' | 'probabilityAlive';
  /**
   * Every customer as of `asOf`, in ledger account order, built on first read;
   * {@link DormancyReport.columns} holds the same numbers as typed arrays for bulk use.
   */
  readonly customers: DormancyCustomer[];
  /** The per-customer numbers as typed arrays, index i = `customers[i]`. */
  columns: DormancyColumns;
  /** Per segment: customers (adding up to `customers.length`) and value. */
  segments: Record<DormancySegment, DormancySegmentTotal>;
  /**
   * The report as JSON-safe plain data (what `JSON.stringify` writes): the customers as rows, money as
   * exact decimal strings, instants as ISO-8601 strings. `columns` is left out: it holds the numbers of
   * `customers` again, keyed by ledger account numbers that mean nothing outside this process.
   */
  toJSON(): DormancyReportJson;
}

/** One customer of {@link DormancyReportJson}: {@link DormancyCustomer} with the instant and money as strings. */
export type DormancyCustomerJson = Omit<DormancyCustomer, 'lastOrder' | 'value'> & { lastOrder: string; value: string };

/** A {@link DormancyReport} as JSON-safe plain data. */
export interface DormancyReportJson {
  asOf: string | null;
  windows: DormancyReport['windows'];
  customers: DormancyCustomerJson[];
  segments: Record<DormancySegment, { customers: number; value: string }>;
}
