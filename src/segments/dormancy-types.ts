/**
 * The options and the report of `dormancy`.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { AsOfOptions } from '../input/customer-scan.ts';
import type { CustomerId } from '../input/types.ts';
import type { MembersOptions, SummaryByValue } from './by-value.ts';
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
  /**
   * A customer attribute of the ledger (a customer-table attribute, else an event attribute's value on
   * the customer's first order): adds {@link DormancyReport.by}, the segment counts and value per value.
   * Each customer is segmented once and counted in the summary of their own value (the customer rule of
   * breakdowns is the only one here).
   */
  by?: string;
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

/**
 * The segments of the customers with one value of the `by` attribute (see {@link DormancyReport.by}).
 *
 * @example
 * ```ts
 * import { dormancy, ledger } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-12-01', amount: '30.00', channel: 'ads' },
 *     { customerId: 'b', date: '2023-06-01', amount: '20.00', channel: 'ads' },
 *   ],
 *   { attributes: { channel: 'channel' } },
 * );
 * const ads = dormancy(book, { asOf: '2024-12-31', by: 'channel' }).by?.values[0];
 * [ads?.value, ads?.customers, ads?.segments.active.customers, ads?.segments.lost.customers]; // => ['ads', 2, 1, 1]
 * ads?.segments.lost.value.toFixed(2); // => '20.00'
 * ```
 */
export interface DormancyValueSummary {
  /** The value; `null` for the customers without one. */
  value: string | null;
  /** Customers with the value. */
  customers: number;
  /** Per segment: those customers (adding up to `customers`) and their value. */
  segments: Record<DormancySegment, DormancySegmentTotal>;
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
   * With the `by` option only (a report without it has no such field): the segment counts and value per
   * value of the attribute, one entry per value with customers, by value (code-unit order), `null` (no
   * value) last. Each customer is in the segment the report gave them, so the values add up to the
   * report's `segments`.
   *
   * @example
   * ```ts
   * import { dormancy, ledger } from 'retention-metrics';
   * const book = ledger(
   *   [
   *     { customerId: 'ann', date: '2024-10-02', amount: '40.00' },
   *     { customerId: 'bob', date: '2024-07-03', amount: '25.00' },
   *     { customerId: 'cy', date: '2023-06-30', amount: '90.00' },
   *   ],
   *   { customers: [{ customerId: 'ann', plan: 'pro' }, { customerId: 'cy', plan: 'pro' }] },
   * );
   * const report = dormancy(book, { asOf: '2024-12-31', by: 'plan' });
   * report.by?.values.map((v) => [v.value, v.customers, v.segments.active.customers, v.segments.lost.customers]); // => [['pro', 2, 1, 1], [null, 1, 0, 0]]
   * report.by?.values[0]?.segments.lost.value.toFixed(2); // => '90.00'
   * ```
   */
  by?: SummaryByValue<DormancyValueSummary>;
  /**
   * The ids of the customers in a segment, in ledger account order (as in `customers`); with
   * `{ value }`, only those with that value of the `by` attribute. Its length is the segment's
   * `customers` in the summary it is asked for. Not enumerable: not in spreads, `Object.keys` or JSON.
   *
   * @param segment - `'active'`, `'atRisk'`, `'dormant'` or `'lost'`
   * @param options - `value`: only the customers with this value (`null`: without one); needs `by`
   * @returns the customers' ids: a new array on every call (yours to sort or extend)
   * @throws {@link InvalidOptionError} naming `segment` for another name, `value` for a report without
   *   `by` or a value the attribute does not have, or an unknown option
   *
   * @example
   * ```ts
   * import { dormancy, ledger } from 'retention-metrics';
   * const book = ledger(
   *   [
   *     { customerId: 'ann', date: '2023-10-02', amount: '40.00', channel: 'ads' },
   *     { customerId: 'bob', date: '2024-07-03', amount: '25.00', channel: 'mail' },
   *     { customerId: 'cy', date: '2023-06-30', amount: '90.00', channel: 'mail' },
   *   ],
   *   { attributes: { channel: 'channel' } },
   * );
   * const report = dormancy(book, { asOf: '2024-12-31', by: 'channel' });
   * report.members('lost'); // => ['cy', 'ann']
   * report.members('lost', { value: 'mail' }); // => ['cy']
   * report.members('active'); // => []
   * ```
   */
  members(segment: DormancySegment, options?: MembersOptions): CustomerId[];
  /**
   * The report as JSON-safe plain data (what `JSON.stringify` writes): the customers as rows, money as
   * exact decimal strings, instants as ISO-8601 strings. `columns` is left out: it holds the numbers of
   * `customers` again, keyed by ledger account numbers that mean nothing outside this process.
   */
  toJSON(): DormancyReportJson;
}

/** One customer of {@link DormancyReportJson}: {@link DormancyCustomer} with the instant and money as strings. */
export type DormancyCustomerJson = Omit<DormancyCustomer, 'lastOrder' | 'value'> & { lastOrder: string; value: string };

/** One value of {@link DormancyReportJson}'s `by`: {@link DormancyValueSummary} with money as strings. */
export type DormancyValueSummaryJson = Omit<DormancyValueSummary, 'segments'> & { segments: Record<DormancySegment, { customers: number; value: string }> };

/** A {@link DormancyReport} as JSON-safe plain data. */
export interface DormancyReportJson {
  asOf: string | null;
  windows: DormancyReport['windows'];
  customers: DormancyCustomerJson[];
  segments: Record<DormancySegment, { customers: number; value: string }>;
  /** With the `by` option only. */
  by?: SummaryByValue<DormancyValueSummaryJson>;
}
