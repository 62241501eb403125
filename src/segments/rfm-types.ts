/**
 * The shapes of RFM: options, per-customer rows and columns, the segment summary, the report and its JSON.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { AsOfOptions } from '../input/customer-scan.ts';
import type { CustomerId } from '../input/types.ts';
import type { MembersOptions, SummaryByValue } from './by-value.ts';
import type { RfmSegmentMap } from './rfm-segments.ts';

/** What the monetary value of a customer is. */
export type RfmMonetary = 'total' | 'mean';

/**
 * Fixed cut points of `rfm`, per dimension: `bins − 1` strictly ascending values, each the last value of
 * a score's range. A value up to the first cut gets the lowest score for frequency and monetary value
 * and the highest for recency (the most recent); each cut passed moves one score. With 5 bins,
 * `recency: [30, 90, 180, 365]` gives R = 5 for 0–30 days, 4 for 31–90, 3 for 91–180, 2 for 181–365 and
 * 1 beyond. A dimension without cuts is scored by rank.
 */
export interface RfmCuts {
  /** Days since the last order (whole days ≥ 0 or any finite numbers ≥ 0). */
  recency?: readonly number[];
  /** Numbers of orders (finite numbers ≥ 0). */
  frequency?: readonly number[];
  /**
   * Money in major units (`'50.00'`, `50` or a `Decimal`, at most `currencyDigits` decimals, ≥ 0), compared
   * with the customer's monetary value (total or mean, option `monetary`).
   */
  monetary?: readonly (number | string | Decimal)[];
}

/** Options of `rfm`. */
export interface RfmOptions extends AsOfOptions {
  /** Number of scores per dimension (default 5). */
  bins?: number;
  /** `'total'` (default): gross revenue of the customer's orders; `'mean'`: their mean order value. */
  monetary?: RfmMonetary;
  /** Fixed cut points per dimension instead of scores by rank (default: every dimension by rank). */
  cuts?: RfmCuts;
  /**
   * Segment map (default: `RFM_SEGMENTS` when `bins` is 5, otherwise none); `null` for no
   * segments. The map's `bins` must equal `bins`.
   */
  segments?: RfmSegmentMap | null;
  /**
   * A customer attribute of the ledger (a customer-table attribute, else an event attribute's value on
   * the customer's first order): adds {@link RfmReport.by}, the segment summary per value. Customers
   * are scored once, over everyone — ranks stay relative to the whole population — and each is counted
   * in the summary of their own value (a customer has one score, so one value: the customer rule of
   * breakdowns is the only one here).
   */
  by?: string;
}

/** One customer of an {@link RfmReport}. */
export interface RfmCustomer {
  /** The customer's id. */
  id: CustomerId;
  /** Instant of the last order at or before `asOf`. */
  lastOrder: Date;
  /** Whole local calendar days from the last order's day to the as-of day. */
  recency: number;
  /** Orders at or before `asOf`. */
  frequency: number;
  /** Gross revenue of those orders, or their mean (option `monetary`). */
  monetary: Decimal;
  /** Recency score 1…bins (bins = most recent). */
  r: number;
  /** Frequency score 1…bins. */
  f: number;
  /** Monetary score 1…bins. */
  m: number;
  /** (f + m) ÷ 2. */
  fm: number;
  /** Segment name from the map, or `null` without a map. */
  segment: string | null;
}

/** One segment of an {@link RfmReport}. */
export interface RfmSegmentSummary {
  /** The segment's name. */
  segment: string;
  /** Customers in it. */
  customers: number;
  /** customers ÷ all customers; `null` without customers. */
  share: number | null;
  /** Gross revenue of its customers (orders at or before `asOf`). */
  revenue: Decimal;
  /** Mean recency in days; `null` when empty. */
  averageRecency: number | null;
  /** Mean frequency; `null` when empty. */
  averageFrequency: number | null;
  /** Mean monetary value; `null` when empty. */
  averageMonetary: Decimal | null;
}

/**
 * The segment summary of the customers with one value of the `by` attribute (see {@link RfmReport.by}).
 *
 * @example
 * ```ts
 * import { ledger, rfm } from 'retention-metrics';
 * const book = ledger(
 *   [
 *     { customerId: 'a', date: '2024-12-30', amount: '50.00' },
 *     { customerId: 'b', date: '2024-06-01', amount: '20.00' },
 *   ],
 *   { customers: [{ customerId: 'a', plan: 'pro' }, { customerId: 'b', plan: 'pro' }] },
 * );
 * const pro = rfm(book, { asOf: '2024-12-31', by: 'plan' }).by?.values[0];
 * [pro?.value, pro?.customers]; // => ['pro', 2]
 * pro?.segments.filter((s) => s.customers > 0).map((s) => [s.segment, s.customers, s.share, s.revenue.toFixed(2)]); // => [['Need Attention', 1, 0.5, '50.00'], ['Lost', 1, 0.5, '20.00']]
 * ```
 */
export interface RfmValueSummary {
  /** The value; `null` for the customers without one. */
  value: string | null;
  /** Customers with the value. */
  customers: number;
  /**
   * Per segment of the map, in the map's order, as {@link RfmReport.segments} but over these customers
   * (`share` of them, not of everyone); their scores and segments are the report's.
   */
  segments: RfmSegmentSummary[];
}

/** The per-customer numbers of an {@link RfmReport} as typed arrays (one entry per customer, same order as `customers`). */
export interface RfmColumns {
  /** Ledger account number of the customer (`book.ids[account]` is the id). */
  account: Uint32Array;
  /** Recency in days. */
  recency: Float64Array;
  /** Frequency (orders). */
  frequency: Uint32Array;
  /** Monetary value in minor units: gross (`'total'`), or gross ÷ orders (`'mean'`, fractional). */
  monetaryMinor: Float64Array;
  /** Scores 1…bins. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index of the customer's segment in {@link RfmReport.segments}, or 255 without a map. */
  segment: Uint8Array;
}

/** The cut points an {@link RfmReport} was scored with, per dimension; `null` where scored by rank. */
export interface RfmReportCuts {
  recency: number[] | null;
  frequency: number[] | null;
  /** In major units. */
  monetary: Decimal[] | null;
}

/** The result of `rfm`. */
export interface RfmReport {
  /** The as-of instant, or `null` for an empty ledger. */
  asOf: Date | null;
  /** Scores per dimension. */
  bins: number;
  /** What `monetary` means. */
  monetary: RfmMonetary;
  /** The fixed cut points used, per dimension (`null`: scored by rank). */
  cuts: RfmReportCuts;
  /** Name of the segment map used, or `null`. */
  segmentMap: string | null;
  /**
   * Every customer as of `asOf`, in ledger account order, built on first read;
   * {@link RfmReport.columns} holds the same numbers as typed arrays for bulk use.
   */
  readonly customers: RfmCustomer[];
  /** The per-customer numbers as typed arrays, index i = `customers[i]`. */
  columns: RfmColumns;
  /** Per segment of the map, in the map's order (empty without a map). */
  segments: RfmSegmentSummary[];
  /**
   * With the `by` option only (a report without it has no such field): the segment summary per value of
   * the attribute, one entry per value with customers, by value (code-unit order), `null` (no value)
   * last. The scores are the report's — ranked over every customer, not within a value — so the
   * values' counts add up to the report's, segment by segment.
   *
   * @example
   * ```ts
   * import { ledger, rfm } from 'retention-metrics';
   * const book = ledger(
   *   [
   *     { customerId: 'a', date: '2024-12-30', amount: '50.00', channel: 'ads' },
   *     { customerId: 'a', date: '2024-12-31', amount: '70.00', channel: 'mail' },
   *     { customerId: 'b', date: '2024-11-01', amount: '20.00', channel: 'mail' },
   *     { customerId: 'c', date: '2024-03-01', amount: '500.00', channel: 'ads' },
   *     { customerId: 'd', date: '2024-12-01', amount: '5.00' },
   *     { customerId: 'e', date: '2023-12-31', amount: '5.00', channel: 'ads' },
   *   ],
   *   { attributes: { channel: 'channel' } },
   * );
   * const report = rfm(book, { asOf: '2024-12-31', by: 'channel' });
   * report.by?.values.map((v) => [v.value, v.customers]); // => [['ads', 3], ['mail', 1], [null, 1]]
   * const ads = report.by?.values[0]?.segments.filter((s) => s.customers > 0);
   * ads?.map((s) => [s.segment, s.customers, s.share]); // => [['Champions', 1, 1 / 3], ['At Risk', 1, 1 / 3], ['Lost', 1, 1 / 3]]
   * ```
   */
  by?: SummaryByValue<RfmValueSummary>;
  /**
   * The ids of the customers in a segment of the map, in ledger account order (as in `customers`); with
   * `{ value }`, only those with that value of the `by` attribute. Its length is the segment's
   * `customers` in the summary it is asked for. Not enumerable: not in spreads, `Object.keys` or JSON.
   *
   * @param segment - a segment of the report's map
   * @param options - `value`: only the customers with this value (`null`: without one); needs `by`
   * @returns the customers' ids: a new array on every call (yours to sort or extend)
   * @throws {@link InvalidOptionError} naming `segment` for a name the map does not have, `value` for a
   *   report without `by` or a value the attribute does not have, or an unknown option
   *
   * @example
   * ```ts
   * import { ledger, rfm } from 'retention-metrics';
   * const book = ledger(
   *   [
   *     { customerId: 'a', date: '2024-12-30', amount: '50.00', channel: 'ads' },
   *     { customerId: 'a', date: '2024-12-31', amount: '70.00' },
   *     { customerId: 'b', date: '2024-11-01', amount: '20.00', channel: 'mail' },
   *     { customerId: 'c', date: '2024-03-01', amount: '500.00', channel: 'ads' },
   *     { customerId: 'd', date: '2023-12-31', amount: '5.00', channel: 'mail' },
   *     { customerId: 'e', date: '2023-12-31', amount: '5.00', channel: 'ads' },
   *   ],
   *   { attributes: { channel: 'channel' } },
   * );
   * const report = rfm(book, { asOf: '2024-12-31', by: 'channel' });
   * report.members('Lost'); // => ['d', 'e']
   * report.members('Lost', { value: 'ads' }); // => ['e']
   * report.members('Champions', { value: 'mail' }); // => []
   * report.members('Lost').length === report.segments.find((s) => s.segment === 'Lost')?.customers; // => true
   * ```
   */
  members(segment: string, options?: MembersOptions): CustomerId[];
  /**
   * The report as JSON-safe plain data (what `JSON.stringify` writes): the customers as rows, money as
   * exact decimal strings, instants as ISO-8601 strings. `columns` is left out: it holds the numbers of
   * `customers` again, keyed by ledger account numbers that mean nothing outside this process.
   */
  toJSON(): RfmReportJson;
}

/** One customer of {@link RfmReportJson}: {@link RfmCustomer} with the instant and money as strings. */
export type RfmCustomerJson = Omit<RfmCustomer, 'lastOrder' | 'monetary'> & { lastOrder: string; monetary: string };

/** One segment of {@link RfmReportJson}: {@link RfmSegmentSummary} with money as strings. */
export type RfmSegmentSummaryJson = Omit<RfmSegmentSummary, 'revenue' | 'averageMonetary'> & { revenue: string; averageMonetary: string | null };

/** One value of {@link RfmReportJson}'s `by`: {@link RfmValueSummary} with money as strings. */
export type RfmValueSummaryJson = Omit<RfmValueSummary, 'segments'> & { segments: RfmSegmentSummaryJson[] };

/** An {@link RfmReport} as JSON-safe plain data. */
export interface RfmReportJson {
  asOf: string | null;
  bins: number;
  monetary: RfmMonetary;
  cuts: { recency: number[] | null; frequency: number[] | null; monetary: string[] | null };
  segmentMap: string | null;
  customers: RfmCustomerJson[];
  segments: RfmSegmentSummaryJson[];
  /** With the `by` option only. */
  by?: SummaryByValue<RfmValueSummaryJson>;
}
