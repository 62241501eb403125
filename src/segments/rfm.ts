/**
 * `rfm`: recency, frequency and monetary value per customer, scored 1…n by rank, with named segments.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { CHUNK } from '../chunks.ts';
import { InvalidOptionError } from '../errors.ts';
import { lazyField } from '../lazy.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { Exact, toMoney } from '../input/exact.ts';
import { fromMinorUnits, minorPer } from '../input/money.ts';
import type { CustomerId } from '../input/types.ts';
import { type AsOfOptions, type CustomerScan, resolveAsOf, scanCustomers } from '../input/customer-scan.ts';
import { assertBins, scoresInRange } from './rank-scores.ts';
import { RFM_SEGMENTS, type RfmSegmentMap } from './rfm-segments.ts';

/** What the monetary value of a customer is. */
export type RfmMonetary = 'total' | 'mean';

/** Options of {@link rfm}. */
export interface RfmOptions extends AsOfOptions {
  /** Number of scores per dimension (default 5). */
  bins?: number;
  /** `'total'` (default): gross revenue of the customer's orders; `'mean'`: their mean order value. */
  monetary?: RfmMonetary;
  /**
   * Segment map (default: {@link RFM_SEGMENTS} when `bins` is 5, otherwise none); `null` for no
   * segments. The map's `bins` must equal `bins`.
   */
  segments?: RfmSegmentMap | null;
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

/** The result of {@link rfm}. */
export interface RfmReport {
  /** The as-of instant, or `null` for an empty ledger. */
  asOf: Date | null;
  /** Scores per dimension. */
  bins: number;
  /** What `monetary` means. */
  monetary: RfmMonetary;
  /** Name of the segment map used, or `null`. */
  segmentMap: string | null;
  /**
   * Every customer as of `asOf`, in ledger account order. The row objects are built on first access;
   * {@link RfmReport.columns} holds the same numbers as typed arrays for bulk use.
   */
  readonly customers: RfmCustomer[];
  /** The per-customer numbers as typed arrays, index i = `customers[i]`. */
  columns: RfmColumns;
  /** Per segment of the map, in the map's order (empty without a map). */
  segments: RfmSegmentSummary[];
}

/**
 * RFM as of a date (DESIGN "RFM", benchmark W3): per customer recency = whole days between the as-of
 * day and the day of the last order (local days in the ledger's zone), frequency = orders, monetary =
 * gross revenue (refunds ignored) or mean order value; each scored 1…bins by rank with ties sharing a
 * score, `score(vᵢ) = 1 + ⌊bins · (rankᵢ − 1) ÷ N⌋`, `rankᵢ = 1 + #{ j : vⱼ < vᵢ }`, R on −recency
 * (most recent = bins). Events after `asOf` are ignored. The result does not depend on the order of
 * the input records. Named segments come from a replaceable map of the R and FM = (F + M) ÷ 2 scores,
 * and a per-segment summary gives count, share, revenue and mean R, F and M.
 * Cost: one pass over the events and three sorts, O(E + N log N) for E events and N customers.
 *
 * @param data - a ledger or records
 * @param options - `asOf` (default: the last event), `bins` (5), `monetary` (`'total'`), `segments`, ledger options
 * @returns per-customer values and scores, and the segment summary
 * @throws {@link InvalidOptionError} for a bad `asOf`, `bins` (integer 2…100), `monetary`, or a map for other bins
 *
 * @example
 * ```ts
 * import { rfm } from 'retention-metrics';
 * const report = rfm(
 *   [
 *     { customerId: 'a', date: '2024-12-30', amount: '50.00' },
 *     { customerId: 'a', date: '2024-12-31', amount: '70.00' },
 *     { customerId: 'b', date: '2024-11-01', amount: '20.00' },
 *     { customerId: 'c', date: '2024-03-01', amount: '500.00' },
 *     { customerId: 'd', date: '2024-12-01', amount: '5.00' },
 *     { customerId: 'e', date: '2023-12-31', amount: '5.00' },
 *   ],
 *   { asOf: '2024-12-31' },
 * );
 * report.customers.map((c) => [c.id, c.recency, c.r, c.f, c.m, c.segment]); // => [['e', 366, 1, 1, 1, 'Lost'], ['c', 305, 2, 1, 5, 'At Risk'], ['b', 60, 3, 1, 3, 'Need Attention'], ['d', 30, 4, 1, 1, 'Promising'], ['a', 0, 5, 5, 4, 'Champions']]
 * report.customers[4]?.monetary.toFixed(2); // => '120.00'
 * ```
 */
export function rfm(data: LedgerInput, options?: RfmOptions): RfmReport {
  const bins = assertBins(options?.bins ?? 5);
  const monetary = options?.monetary ?? 'total';
  if (monetary !== 'total' && monetary !== 'mean') {
    throw new InvalidOptionError('monetary', monetary, `must be 'total' or 'mean'`);
  }
  const map = segmentMap(options?.segments, bins);
  const { book, asOf, timeZone } = resolveAsOf(data, options);
  const scan = scanCustomers(book, asOf, timeZone);
  const n = scan.account.length;
  const digits = book.currencyDigits;
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
  const rScores = scoresInRange(ranked, bins, ranges[R_MIN] ?? 0, ranges[R_MAX] ?? 0, true);
  ranked.set(scan.orders);
  const fScores = scoresInRange(ranked, bins, ranges[F_MIN] ?? 0, ranges[F_MAX] ?? 0, true);
  // Totals are sums of integer minor units; means are taken as fractions (the scores are the same either way).
  const mScores = scoresInRange(money, bins, ranges[M_MIN] ?? 0, ranges[M_MAX] ?? 0, monetary === 'total');
  const names = map?.segments ?? [];
  const index = new Map(names.map((name, k) => [name, k]));
  // A segment depends on (r, f, m) only: look each combination up once.
  const segmentOfCell = new Uint8Array(bins * bins * bins).fill(NO_SEGMENT);
  if (map !== null) {
    for (let r = 1; r <= bins; r++) {
      for (let f = 1; f <= bins; f++) {
        for (let m = 1; m <= bins; m++) {
          const name = map.segmentOf({ r, f, m, fm: (f + m) / 2 });
          const k = index.get(name);
          if (k === undefined) throw new InvalidOptionError('segments', name, `the map gave "${name}", which is not in its \`segments\` list`);
          segmentOfCell[((r - 1) * bins + (f - 1)) * bins + (m - 1)] = k;
        }
      }
    }
  }
  const count = new Float64Array(names.length);
  const recencySum = new Float64Array(names.length);
  const frequencySum = new Float64Array(names.length);
  const grossSum = new Float64Array(names.length);
  // 'mean' monetary: the mean of per-customer means, summed exactly as fractions of minor units.
  const monetarySum = names.map(() => new Exact(0));
  const segmentOf = new Uint8Array(n);
  const scores = { r: rScores, f: fScores, m: mScores, bins, segmentOfCell };
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
  return lazyField(
    {
      asOf: asOf === null ? null : new Date(asOf),
      bins,
      monetary,
      segmentMap: map === null ? null : map.name,
      columns,
      segments,
    },
    'customers',
    buildRows,
  );
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

/** Segment of customers `lo … hi − 1` from their scores, added to the per-segment sums. */
function assignSegments(
  scan: CustomerScan,
  recency: Float64Array,
  scores: { r: Uint8Array; f: Uint8Array; m: Uint8Array; bins: number; segmentOfCell: Uint8Array },
  lo: number,
  hi: number,
  segmentOf: Uint8Array,
  sums: { count: Float64Array; recencySum: Float64Array; frequencySum: Float64Array; grossSum: Float64Array },
): void {
  const { orders, grossMinor } = scan;
  const { r, f, m, bins, segmentOfCell } = scores;
  const { count, recencySum, frequencySum, grossSum } = sums;
  for (let i = lo; i < hi; i++) {
    const k = segmentOfCell[(((r[i] ?? 1) - 1) * bins + ((f[i] ?? 1) - 1)) * bins + ((m[i] ?? 1) - 1)] ?? NO_SEGMENT;
    segmentOf[i] = k;
    if (k === NO_SEGMENT) continue;
    count[k] = (count[k] ?? 0) + 1;
    recencySum[k] = (recencySum[k] ?? 0) + (recency[i] ?? 0);
    frequencySum[k] = (frequencySum[k] ?? 0) + (orders[i] ?? 0);
    grossSum[k] = (grossSum[k] ?? 0) + (grossMinor[i] ?? 0);
  }
}

/** Order counts below this are summed in a dense table by {@link meanSums}; larger ones in a map. */
const DENSE_ORDERS = 256;

/**
 * For `'mean'` monetary: each segment's sum of per-customer mean order values (minor units), into
 * `monetarySum`. The sum is regrouped by order count — Σ gross ÷ orders = Σₒ (Σ gross of the customers
 * with o orders) ÷ o — so that the gross amounts are added as integers (exact, like every sum of the
 * ledger's minor units) and the decimal arithmetic is one division per segment and order count rather
 * than a division and an addition per customer.
 */
function meanSums(scan: CustomerScan, segmentOf: Uint8Array, monetarySum: Decimal[]): void {
  const { orders, grossMinor } = scan;
  const segments = monetarySum.length;
  const dense = new Float64Array(segments * DENSE_ORDERS);
  const sparse = new Map<number, number>();
  for (let i = 0; i < segmentOf.length; i++) {
    const k = segmentOf[i] ?? NO_SEGMENT;
    if (k === NO_SEGMENT) continue;
    const o = orders[i] ?? 1;
    const gross = grossMinor[i] ?? 0;
    if (o < DENSE_ORDERS) {
      dense[k * DENSE_ORDERS + o] = (dense[k * DENSE_ORDERS + o] ?? 0) + gross;
    } else {
      const key = o * segments + k;
      sparse.set(key, (sparse.get(key) ?? 0) + gross);
    }
  }
  for (let k = 0; k < segments; k++) {
    let sum = new Exact(0);
    for (let o = 1; o < DENSE_ORDERS; o++) {
      const gross = dense[k * DENSE_ORDERS + o] ?? 0;
      if (gross !== 0) sum = sum.plus(new Exact(gross).dividedBy(o));
    }
    monetarySum[k] = sum;
  }
  for (const [key, gross] of sparse) {
    const k = key % segments;
    monetarySum[k] = (monetarySum[k] ?? new Exact(0)).plus(new Exact(gross).dividedBy((key - k) / segments));
  }
}

/** Segment index of customers without a segment map. */
const NO_SEGMENT = 255;

function segmentMap(value: RfmSegmentMap | null | undefined, bins: number): RfmSegmentMap | null {
  if (value === null) return null;
  if (value === undefined) return bins === RFM_SEGMENTS.bins ? RFM_SEGMENTS : null;
  if (typeof value !== 'object' || typeof value.segmentOf !== 'function' || !Array.isArray(value.segments)) {
    throw new InvalidOptionError('segments', value, 'must be a segment map (RFM_SEGMENTS, a preset, or rfmSegmentMap(...)) or null');
  }
  if (value.segments.length >= NO_SEGMENT) {
    throw new InvalidOptionError('segments', value.name, `the map "${value.name}" has ${value.segments.length} segments; at most ${NO_SEGMENT - 1} are supported`);
  }
  if (value.bins !== bins) {
    throw new InvalidOptionError('segments', value.name, `the map "${value.name}" is written for ${value.bins} bins, not ${bins}`);
  }
  return value;
}

/**
 * The number of customers in every (R, F, M) cell: `grid[r − 1][f − 1][m − 1]`, bins³ cells, zeros included.
 *
 * @param report - the result of `rfm`
 * @returns a bins × bins × bins array of counts
 * @throws never
 *
 * @example
 * ```ts
 * import { rfm, rfmGrid } from 'retention-metrics';
 * const report = rfm([{ customerId: 'a', date: '2024-01-01', amount: 1 }], { bins: 2 });
 * rfmGrid(report); // => [[[1, 0], [0, 0]], [[0, 0], [0, 0]]]
 * ```
 */
export function rfmGrid(report: RfmReport): number[][][] {
  const b = report.bins;
  const grid = Array.from({ length: b }, () => Array.from({ length: b }, () => new Array<number>(b).fill(0)));
  const { r, f, m } = report.columns;
  for (let i = 0; i < r.length; i++) {
    const row = grid[(r[i] ?? 1) - 1]?.[(f[i] ?? 1) - 1];
    const k = (m[i] ?? 1) - 1;
    if (row !== undefined) row[k] = (row[k] ?? 0) + 1;
  }
  return grid;
}
