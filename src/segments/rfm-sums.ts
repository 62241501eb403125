/**
 * The segments of an RFM report: the map, each customer's segment from their scores, and the sums of
 * the segment summary.
 *
 * @module
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError } from '../errors.ts';
import { Exact } from '../input/exact.ts';
import type { CustomerScan } from '../input/customer-scan.ts';
import { RFM_SEGMENTS, type RfmSegmentMap } from './rfm-segments.ts';

/** @internal Segment index of customers without a segment map. */
export const NO_SEGMENT = 255;

/** @internal Segment of customers `lo … hi − 1` from their scores, added to the per-segment sums. */
export function assignSegments(
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
 * @internal For `'mean'` monetary: each segment's sum of per-customer mean order values (minor units), into
 * `monetarySum`. The sum is regrouped by order count — Σ gross ÷ orders = Σₒ (Σ gross of the customers
 * with o orders) ÷ o — so that the gross amounts are added as integers (exact, like every sum of the
 * ledger's minor units) and the decimal arithmetic is one division per segment and order count rather
 * than a division and an addition per customer.
 */
export function meanSums(scan: CustomerScan, segmentOf: Uint8Array, monetarySum: Decimal[]): void {
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


/**
 * @internal Check the `segments` option of `rfm`: a map written for `bins`, `null` (no segments), or
 * `undefined` (the default map for 5 bins, otherwise none).
 *
 * @param value - the option
 * @param bins - the report's scores per dimension
 * @returns the map, or `null`
 * @throws {@link InvalidOptionError} for something that is not a map, a map with too many segments, or one for other bins
 */
export function segmentMap(value: RfmSegmentMap | null | undefined, bins: number): RfmSegmentMap | null {
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
 * @internal The segment index of every (r, f, m) combination, at `((r − 1) · bins + f − 1) · bins + m − 1`
 * ({@link NO_SEGMENT} everywhere without a map): a segment depends on the scores only, so the map is
 * asked once per combination (bins³ calls, at most 10⁶).
 *
 * @param map - the segment map, or `null`
 * @param bins - scores per dimension
 * @returns the table
 * @throws {@link InvalidOptionError} when the map gives a name missing from its `segments` list
 */
export function segmentTable(map: RfmSegmentMap | null, bins: number): Uint8Array {
  const table = new Uint8Array(bins * bins * bins).fill(NO_SEGMENT);
  if (map === null) return table;
  const index = new Map(map.segments.map((name, k) => [name, k]));
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const name = map.segmentOf({ r, f, m, fm: (f + m) / 2 });
        const k = index.get(name);
        if (k === undefined) throw new InvalidOptionError('segments', name, `the map gave "${name}", which is not in its \`segments\` list`);
        table[((r - 1) * bins + (f - 1)) * bins + (m - 1)] = k;
      }
    }
  }
  return table;
}
