/**
 * `rfm`: recency, frequency and monetary value per customer, scored 1…n by rank or by fixed cut
 * points, with named segments.
 *
 * @module
 */
import { CHUNK } from '../chunks.ts';
import { InvalidOptionError } from '../errors.ts';
import { lazyField } from '../lazy.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { Exact, toMoney } from '../input/exact.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { LEDGER_BASE_KEYS, type LedgerBaseOptions } from '../input/options.ts';
import { type CustomerScan, scanCustomers } from '../input/customer-scan.ts';
import { assertBins, scoresInRange } from './rank-scores.ts';
import { resolveCuts, scoresByCuts } from './rfm-cuts.ts';
import { NO_SEGMENT, assignSegments, meanSums, segmentMap, segmentTable } from './rfm-sums.ts';
import type { RfmColumns, RfmCustomer, RfmOptions, RfmReport, RfmReportJson, RfmSegmentSummary } from './rfm-types.ts';
import { readSegmentInput } from './segment-input.ts';

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
} from './rfm-types.ts';

const RFM_KEYS = [...LEDGER_BASE_KEYS, ...optionKeys<Omit<RfmOptions, keyof LedgerBaseOptions>>({ asOf: true, bins: true, monetary: true, cuts: true, segments: true })];

/**
 * RFM as of a date: per customer recency = whole days between the as-of day and the day of the last
 * order (local days in the ledger's zone), frequency = orders, monetary = gross revenue (refunds
 * ignored) or mean order value. Each dimension is scored 1…bins by rank, ties sharing a score,
 * `score(vᵢ) = 1 + ⌊bins · (rankᵢ − 1) ÷ N⌋`, `rankᵢ = 1 + #{ j : vⱼ < vᵢ }`, R on −recency (most
 * recent = bins) — or, for a dimension given `cuts`, by fixed cut points: `1 + #{ c : c < v }` (R:
 * `bins − #{ c : c < recency }`), so a score means the same days, orders or amount in every report.
 * Events after `asOf` are ignored. The result does not depend on the order of the input records.
 * Named segments come from a replaceable map of the R and FM = (F + M) ÷ 2 scores, and a per-segment
 * summary gives count, share, revenue and mean R, F and M.
 * Cost: one pass over the events, then O(N) to O(N log N) per dimension scored by rank (see
 * `rankScores`) and O(N log bins) per dimension scored by cuts, for N customers.
 *
 * @param data - a ledger or records
 * @param options - `asOf` (default: the last event), `bins` (5), `monetary` (`'total'`), `cuts`, `segments`, ledger options
 * @returns per-customer values and scores, and the segment summary
 * @throws {@link InvalidOptionError} for an unknown option, a bad `asOf`, `bins` (integer 2…100),
 *   `monetary`, cut points (not `bins − 1` ascending finite values ≥ 0), or a map for other bins
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
export function rfm(data: LedgerInput, options?: RfmOptions): RfmReport {
  const opts = checkOptionKeys(options, RFM_KEYS);
  const bins = assertBins(opts.bins ?? 5);
  const monetary = opts.monetary ?? 'total';
  if (monetary !== 'total' && monetary !== 'mean') {
    throw new InvalidOptionError('monetary', monetary, `must be 'total' or 'mean'`);
  }
  const map = segmentMap(opts.segments, bins);
  const { book, asOf, timeZone } = readSegmentInput(data, opts);
  const digits = book.currencyDigits;
  const cuts = resolveCuts(opts.cuts, bins, digits);
  const scan = scanCustomers(book, asOf, timeZone);
  const n = scan.account.length;
  const recency = new Float64Array(n);
  const money = new Float64Array(n);
  // One buffer ranked twice: the negated recencies (R), then the order counts as doubles (F), which
  // rankScores would otherwise copy into a buffer of its own.
  const ranked = new Float64Array(n);
  // The range of each dimension, found while writing the values, spares the scoring a pass of its own.
  const ranges = Float64Array.of(Infinity, -Infinity, Infinity, -Infinity, Infinity, -Infinity);
  for (let lo = 0; lo < n; lo += CHUNK) {
    customerValues(scan, monetary === 'total', lo, Math.min(n, lo + CHUNK), recency, ranked, money, ranges);
  }
  const rScores = cuts.recency === null ? scoresInRange(ranked, bins, ranges[R_MIN] ?? 0, ranges[R_MAX] ?? 0, true) : scoresByCuts(recency, cuts.recency, true);
  ranked.set(scan.orders);
  const fScores = cuts.frequency === null ? scoresInRange(ranked, bins, ranges[F_MIN] ?? 0, ranges[F_MAX] ?? 0, true) : scoresByCuts(ranked, cuts.frequency, false);
  // Totals are sums of integer minor units; means are taken as fractions (the scores are the same either way).
  const mScores =
    cuts.monetaryMinor === null
      ? scoresInRange(money, bins, ranges[M_MIN] ?? 0, ranges[M_MAX] ?? 0, monetary === 'total')
      : scoresByCuts(money, cuts.monetaryMinor, false);
  const names = map?.segments ?? [];
  const count = new Float64Array(names.length);
  const recencySum = new Float64Array(names.length);
  const frequencySum = new Float64Array(names.length);
  const grossSum = new Float64Array(names.length);
  // 'mean' monetary: the mean of per-customer means, summed exactly as fractions of minor units.
  const monetarySum = names.map(() => new Exact(0));
  const segmentOf = new Uint8Array(n);
  const scores = { r: rScores, f: fScores, m: mScores, bins, segmentOfCell: segmentTable(map, bins) };
  const sums = { count, recencySum, frequencySum, grossSum };
  // Without a segment map no customer has a segment, and there is nothing to sum.
  if (map === null) segmentOf.fill(NO_SEGMENT);
  else for (let lo = 0; lo < n; lo += CHUNK) assignSegments(scan, recency, scores, lo, Math.min(n, lo + CHUNK), segmentOf, sums);
  if (monetary === 'mean') meanSums(scan, segmentOf, monetarySum);
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
  const buildRows = (): RfmCustomer[] => {
    const rows = new Array<RfmCustomer>(n);
    for (let i = 0; i < n; i++) {
      const f = fScores[i] ?? 1;
      const m = mScores[i] ?? 1;
      const gross = scan.grossMinor[i] ?? 0;
      const orders = scan.orders[i] ?? 0;
      rows[i] = {
        id: book.ids[scan.account[i] ?? 0] ?? '',
        lastOrder: new Date(scan.lastOrder[i] ?? 0),
        recency: recency[i] ?? 0,
        frequency: orders,
        monetary: monetary === 'total' ? fromMinorUnits(gross, digits) : (minorPer(gross, orders, digits) ?? fromMinorUnits(0, digits)),
        r: rScores[i] ?? 1,
        f,
        m,
        fm: (f + m) / 2,
        segment: names[segmentOf[i] ?? NO_SEGMENT] ?? null,
      };
    }
    return rows;
  };
  const segments = names.map((segment, k): RfmSegmentSummary => {
    const c = count[k] ?? 0;
    const gross = grossSum[k] ?? 0;
    return {
      segment,
      customers: c,
      share: n === 0 ? null : c / n,
      revenue: fromMinorUnits(gross, digits),
      averageRecency: c === 0 ? null : (recencySum[k] ?? 0) / c,
      averageFrequency: c === 0 ? null : (frequencySum[k] ?? 0) / c,
      averageMonetary:
        c === 0 ? null : monetary === 'total' ? minorPer(gross, c, digits) : toMoney((monetarySum[k] ?? new Exact(0)).dividedBy(c).dividedBy(10 ** digits)),
    };
  });
  const report = lazyField(
    {
      asOf: asOf === null ? null : new Date(asOf),
      bins,
      monetary,
      cuts: {
        recency: cuts.recency === null ? null : Array.from(cuts.recency),
        frequency: cuts.frequency === null ? null : Array.from(cuts.frequency),
        monetary: cuts.monetaryMinor === null ? null : Array.from(cuts.monetaryMinor, (minor) => fromMinorUnits(minor, digits)),
      },
      segmentMap: map === null ? null : map.name,
      columns,
      segments,
    },
    'customers',
    buildRows,
  );
  // Not enumerable: the report's fields stay its data, and `JSON.stringify` still finds it.
  Object.defineProperty(report, 'toJSON', { value: () => reportJson(report), enumerable: false });
  return report as typeof report & Pick<RfmReport, 'toJSON'>;
}

/** An RFM report as JSON-safe plain data (see {@link RfmReport.toJSON}). */
function reportJson(report: Omit<RfmReport, 'toJSON'>): RfmReportJson {
  return {
    asOf: report.asOf === null ? null : report.asOf.toISOString(),
    bins: report.bins,
    monetary: report.monetary,
    cuts: { ...report.cuts, monetary: report.cuts.monetary === null ? null : report.cuts.monetary.map((cut) => cut.toString()) },
    segmentMap: report.segmentMap,
    customers: report.customers.map((c) => ({ ...c, lastOrder: c.lastOrder.toISOString(), monetary: c.monetary.toString() })),
    segments: report.segments.map((s) => ({ ...s, revenue: s.revenue.toString(), averageMonetary: s.averageMonetary === null ? null : s.averageMonetary.toString() })),
  };
}

// Slots of the ranges `customerValues` finds: smallest and largest negated recency, order count and
// monetary value.
const R_MIN = 0;
const R_MAX = 1;
const F_MIN = 2;
const F_MAX = 3;
const M_MIN = 4;
const M_MAX = 5;

/**
 * Recency in days (and negated, to score), and the monetary value of customers `lo … hi − 1` (one
 * chunk, see {@link CHUNK}), with the range of each dimension folded into `ranges`. The ranges are
 * kept by comparisons rather than `Math.min` and `Math.max`: the first calls run before the kernel is
 * compiled, where a call costs more than a comparison.
 */
function customerValues(
  scan: CustomerScan,
  total: boolean,
  lo: number,
  hi: number,
  recency: Float64Array,
  negRecency: Float64Array,
  money: Float64Array,
  ranges: Float64Array,
): void {
  const { asOfDay, dayOf, lastOrder, grossMinor, orders } = scan;
  let rMin = ranges[R_MIN] ?? 0;
  let rMax = ranges[R_MAX] ?? 0;
  let fMin = ranges[F_MIN] ?? 0;
  let fMax = ranges[F_MAX] ?? 0;
  let mMin = ranges[M_MIN] ?? 0;
  let mMax = ranges[M_MAX] ?? 0;
  for (let i = lo; i < hi; i++) {
    const days = asOfDay - dayOf(lastOrder[i] ?? 0);
    recency[i] = days;
    const r = -days + 0; // + 0 turns -0 into 0
    negRecency[i] = r;
    if (r < rMin) rMin = r;
    if (r > rMax) rMax = r;
    const count = orders[i] ?? 1;
    if (count < fMin) fMin = count;
    if (count > fMax) fMax = count;
    const gross = grossMinor[i] ?? 0;
    const m = total ? gross : gross / count;
    money[i] = m;
    if (m < mMin) mMin = m;
    if (m > mMax) mMax = m;
  }
  ranges[R_MIN] = rMin;
  ranges[R_MAX] = rMax;
  ranges[F_MIN] = fMin;
  ranges[F_MAX] = fMax;
  ranges[M_MIN] = mMin;
  ranges[M_MAX] = mMax;
}
