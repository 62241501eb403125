/**
 * `rfm`: recency, frequency and monetary value per customer, scored 1…n by rank or by fixed cut
 * points, with named segments.
 *
 * @module
 */
import type { LedgerInput } from '../input/ledger.ts';
import type { CustomerState } from '../input/customer-state-type.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import { type CustomerScan, scanCustomers } from '../input/customer-scan.ts';
import { type MembersOptions, classMembers, valueGroups } from './by-value.ts';
import { unknownValueError } from './unknown-value.ts';
import { scoresInRange } from './rank-scores.ts';
import { rfmByValue } from './rfm-by-value.ts';
import { scoresByCuts } from './rfm-cuts.ts';
import { rfmSettings } from './rfm-settings.ts';
import { NO_SEGMENT, type SegmentSums, assignSegments, meanSums, segmentSummaries, segmentTable } from './rfm-sums.ts';
import type { RfmColumns, RfmCustomer, RfmMonetary, RfmOptions, RfmReport, RfmReportJson, RfmSegmentSummary, RfmSegmentSummaryJson } from './rfm-types.ts';

export { rfmGrid } from './rfm-grid.ts';
export type {
  RfmColumns,
  RfmCustomer,
  RfmCustomerJson,
  RfmCuts,
  RfmMonetary,
  RfmOptions,
  RfmReport,
  RfmReportCuts,
  RfmReportJson,
  RfmSegmentSummary,
  RfmSegmentSummaryJson,
  RfmValueSummary,
  RfmValueSummaryJson,
} from './rfm-types.ts';

/**
 * RFM as of a date: per customer recency = whole days between the as-of day and the day of the last
 * order (local days in the ledger's zone), frequency = orders, monetary = gross revenue (refunds
 * ignored) or mean order value. Each dimension is scored 1…bins by rank, ties sharing a score,
 * `score(vᵢ) = 1 + ⌊bins · (rankᵢ − 1) ÷ N⌋`, `rankᵢ = 1 + #{ j : vⱼ < vᵢ }`, R on −recency (most
 * recent = bins) — or, for a dimension given `cuts`, by fixed cut points: `1 + #{ c : c < v }` (R:
 * `bins − #{ c : c < recency }`), so a score means the same days, orders or amount in every report.
 * Events after `asOf` are ignored. The result does not depend on the order of the input records.
 * Named segments come from a replaceable map of the R and FM = (F + M) ÷ 2 scores, and a per-segment
 * summary gives count, share, revenue and mean R, F and M — with `by`, also per value of a customer
 * attribute, from the same scores (see {@link RfmReport.by}); `report.members(segment)` lists a
 * segment's customers.
 * Cost: one pass over the events, then O(N) to O(N log N) per dimension scored by rank (see
 * `rankScores`) and O(N log bins) per dimension scored by cuts, for N customers.
 *
 * @param data - a ledger, records, or a customer state (`customerState`, or `customerStateFromRows` of a warehouse query)
 * @param options - `asOf` (default: the last event), `bins` (5), `monetary` (`'total'`), `cuts`, `segments`, `by`, ledger options
 * @returns per-customer values and scores, and the segment summary
 * @throws {@link InvalidOptionError} for an unknown option, a bad `asOf`, `bins` (integer 2…100),
 *   `monetary`, cut points (not `bins − 1` ascending finite values ≥ 0), a map for other bins, or a
 *   `by` that is not an attribute of the ledger
 *
 * @example
 * ```ts
 * import { rfm } from 'retention-metrics';
 * const rows = [
 *   { customerId: 'a', date: '2024-12-30', amount: '50.00' },
 *   { customerId: 'a', date: '2024-12-31', amount: '70.00' },
 *   { customerId: 'b', date: '2024-11-01', amount: '20.00' },
 *   { customerId: 'c', date: '2024-03-01', amount: '500.00' },
 *   { customerId: 'd', date: '2024-12-01', amount: '5.00' },
 *   { customerId: 'e', date: '2023-12-31', amount: '5.00' },
 * ];
 * const report = rfm(rows, { asOf: '2024-12-31' });
 * report.customers.map((c) => [c.id, c.recency, c.r, c.f, c.m, c.segment]); // => [['e', 366, 1, 1, 1, 'Lost'], ['c', 305, 2, 1, 5, 'At Risk'], ['b', 60, 3, 1, 3, 'Need Attention'], ['d', 30, 4, 1, 1, 'Promising'], ['a', 0, 5, 5, 4, 'Champions']]
 * report.customers[4]?.monetary.toFixed(2); // => '120.00'
 * const fixed = rfm(rows, { asOf: '2024-12-31', cuts: { recency: [30, 90, 180, 365] } });
 * fixed.customers.map((c) => [c.id, c.r]); // => [['e', 1], ['c', 2], ['b', 4], ['d', 5], ['a', 5]]
 * ```
 */
export function rfm(data: LedgerInput | CustomerState, options?: RfmOptions): RfmReport {
  const { book, asOf, timeZone, bins, monetary, segmentMap: map, cuts, by } = rfmSettings(data, options);
  const digits = book.currencyDigits;
  const scan = scanCustomers(book, asOf, timeZone);
  const n = scan.account.length;
  const recency = new Float64Array(n);
  const money = new Float64Array(n);
  // One buffer holds the values ranked for R (the negated recencies), then those ranked for F (the
  // order counts): R's scores are taken before F's values are written over them.
  const ranked = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const days = scan.asOfDay - scan.dayOf(scan.lastOrder[i]);
    recency[i] = days;
    ranked[i] = -days + 0; // + 0 turns -0 into 0
    money[i] = monetary === 'total' ? scan.grossMinor[i] : scan.grossMinor[i] / scan.orders[i];
  }
  const rScores = cuts.recency === null ? scoresByRank(ranked, bins, true) : scoresByCuts(recency, cuts.recency, true);
  ranked.set(scan.orders);
  const fScores = cuts.frequency === null ? scoresByRank(ranked, bins, true) : scoresByCuts(ranked, cuts.frequency, false);
  // Totals are sums of integer minor units; means are taken as fractions (the scores are the same either way).
  const mScores = cuts.monetaryMinor === null ? scoresByRank(money, bins, monetary === 'total') : scoresByCuts(money, cuts.monetaryMinor, false);
  const names = map === null ? [] : map.segments;
  const sums: SegmentSums = {
    count: new Float64Array(names.length),
    recencySum: new Float64Array(names.length),
    frequencySum: new Float64Array(names.length),
    grossSum: new Float64Array(names.length),
  };
  const segmentOf = new Uint8Array(n);
  // Without a segment map no customer has a segment, and there is nothing to sum.
  if (map === null) segmentOf.fill(NO_SEGMENT);
  else assignSegments(scan, recency, { r: rScores, f: fScores, m: mScores, bins, segmentOfCell: segmentTable(map, bins) }, segmentOf, sums);
  // 'mean' monetary: the mean of per-customer means, summed exactly as fractions of minor units.
  const monetarySum = monetary === 'mean' ? meanSums(scan, segmentOf, names.length) : [];
  const columns: RfmColumns = {
    account: scan.account,
    recency,
    frequency: scan.orders.slice(),
    monetaryMinor: money,
    r: rScores,
    f: fScores,
    m: mScores,
    segment: segmentOf,
  };
  const summary = { names, monetary, digits };
  const segments = segmentSummaries({ ...summary, sums, monetarySum }, 0, n);
  const groups = by === null ? null : valueGroups(by, scan.account);
  let rows: RfmCustomer[] | undefined;
  const report: Omit<RfmReport, 'toJSON' | 'members'> = {
    asOf: asOf === null ? null : new Date(asOf),
    bins,
    monetary,
    cuts: {
      recency: cuts.recency === null ? null : Array.from(cuts.recency),
      frequency: cuts.frequency === null ? null : Array.from(cuts.frequency),
      monetary: cuts.monetaryMinor === null ? null : Array.from(cuts.monetaryMinor, (minor) => fromMinorUnits(minor, digits)),
    },
    segmentMap: map === null ? null : map.name,
    // The one deferred field: a report read through its columns or segments never allocates a row
    // object per customer. Built on first read, then the same array: it reads like a plain field
    // (spreads, `Object.keys` and `JSON.stringify` see it).
    get customers() {
      rows ??= customerRows(scan, columns, monetary, names);
      return rows;
    },
    columns,
    segments,
    ...(groups === null ? {} : { by: rfmByValue(scan, columns, summary, groups) }),
  };
  const members = (segment: string, opts?: MembersOptions) => {
    const k = names.indexOf(segment);
    if (k < 0) throw unknownValueError('segment', segment, 'segment', 'the report', names);
    return classMembers(book, scan.account, columns.segment, k, groups, opts);
  };
  // Not enumerable: the report's fields stay its data, and `JSON.stringify` still finds `toJSON`.
  return Object.defineProperties(report, {
    toJSON: { value: () => reportJson(report), enumerable: false },
    members: { value: members, enumerable: false },
  }) as RfmReport;
}

/** Scores 1…bins by rank of `values`, the range found first (see `scoresInRange`). */
function scoresByRank(values: Float64Array, bins: number, integers: boolean): Uint8Array {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  return scoresInRange(values, bins, min, max, integers);
}

/** One row object per customer, from the report's columns. */
function customerRows(scan: CustomerScan, columns: RfmColumns, monetary: RfmMonetary, names: readonly string[]): RfmCustomer[] {
  const { book, lastOrder, grossMinor, orders } = scan;
  const digits = book.currencyDigits;
  const rows = new Array<RfmCustomer>(columns.account.length);
  for (let i = 0; i < rows.length; i++) {
    const f = columns.f[i];
    const m = columns.m[i];
    const k = columns.segment[i];
    rows[i] = {
      id: book.ids[columns.account[i]],
      lastOrder: new Date(lastOrder[i]),
      recency: columns.recency[i],
      frequency: orders[i],
      // A customer has at least one order, so the mean is never a division by zero.
      monetary: monetary === 'total' ? fromMinorUnits(grossMinor[i], digits) : minorPer(grossMinor[i], orders[i], digits) ?? fromMinorUnits(0, digits),
      r: columns.r[i],
      f,
      m,
      fm: (f + m) / 2,
      segment: k === NO_SEGMENT ? null : names[k],
    };
  }
  return rows;
}

/** An RFM report as JSON-safe plain data (see {@link RfmReport.toJSON}). */
function reportJson(report: Omit<RfmReport, 'toJSON' | 'members'>): RfmReportJson {
  const segmentJson = (s: RfmSegmentSummary): RfmSegmentSummaryJson => ({ ...s, revenue: s.revenue.toString(), averageMonetary: s.averageMonetary === null ? null : s.averageMonetary.toString() });
  const json: RfmReportJson = {
    asOf: report.asOf === null ? null : report.asOf.toISOString(),
    bins: report.bins,
    monetary: report.monetary,
    cuts: { ...report.cuts, monetary: report.cuts.monetary === null ? null : report.cuts.monetary.map((cut) => cut.toString()) },
    segmentMap: report.segmentMap,
    customers: report.customers.map((c) => ({ ...c, lastOrder: c.lastOrder.toISOString(), monetary: c.monetary.toString() })),
    segments: report.segments.map(segmentJson),
  };
  const { by } = report;
  if (by !== undefined) json.by = { attribute: by.attribute, values: by.values.map((v) => ({ ...v, segments: v.segments.map(segmentJson) })) };
  return json;
}
