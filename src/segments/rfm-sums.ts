/**
 * The segments of an RFM report: the map, each customer's segment from their scores, and the sums of
 * the segment summary.
 *
 * @module
 * @internal
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError } from '../errors.ts';
import { Exact, toMoney } from '../input/exact.ts';
import { fromMinorUnits, minorPer } from '../input/minor-decimal.ts';
import type { CustomerScan } from '../input/customer-scan.ts';
import { RFM_SEGMENTS, type RfmSegmentMap } from './rfm-segments.ts';
import type { RfmMonetary, RfmSegmentSummary } from './rfm-types.ts';

/** @internal Segment index of customers without a segment map. */
export const NO_SEGMENT = 255;

/** @internal Per segment: customers, and the sums of their recencies, order counts and gross revenue. */
export interface SegmentSums {
  readonly count: Float64Array;
  readonly recencySum: Float64Array;
  readonly frequencySum: Float64Array;
  readonly grossSum: Float64Array;
}

/** @internal Each customer's scores and the segment table they are looked up in. */
export interface CustomerScores {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  readonly bins: number;
  /** See {@link segmentTable}. */
  readonly segmentOfCell: Uint8Array;
}

/**
 * @internal Each customer's segment from their scores, into `segmentOf`, added to the per-segment sums.
 *
 * @param scan - the customers
 * @param recency - each customer's recency in days
 * @param scores - their scores and the segment table
 * @param segmentOf - written: each customer's segment index
 * @param sums - added to
 */
export function assignSegments(scan: CustomerScan, recency: Float64Array, scores: CustomerScores, segmentOf: Uint8Array, sums: SegmentSums): void {
  const { orders, grossMinor } = scan;
  const { r, f, m, bins, segmentOfCell } = scores;
  for (let i = 0; i < segmentOf.length; i++) {
    const k = segmentOfCell[((r[i] - 1) * bins + (f[i] - 1)) * bins + (m[i] - 1)];
    segmentOf[i] = k;
    if (k === NO_SEGMENT) continue;
    sums.count[k] += 1;
    sums.recencySum[k] += recency[i];
    sums.frequencySum[k] += orders[i];
    sums.grossSum[k] += grossMinor[i];
  }
}

/** Order counts below this are summed in a dense table by {@link meanSums}; larger ones in a map. */
const DENSE_ORDERS = 256;
/** The largest dense table of {@link meanSums}, in entries: 255 segments of {@link DENSE_ORDERS} order counts. */
const DENSE_ENTRIES = NO_SEGMENT * DENSE_ORDERS;

/**
 * @internal For `'mean'` monetary: each cell's sum of per-customer mean order values (minor units) — a
 * cell is a segment, or a segment of one value of a report's `by` attribute. The sum is regrouped by
 * order count — Σ gross ÷ orders = Σₒ (Σ gross of the customers with o orders) ÷ o — so that the gross
 * amounts are added as integers (exact, like every sum of the ledger's minor units) and the decimal
 * arithmetic is one division per cell and order count rather than a division and an addition per
 * customer. Counts too large for the dense table (which shrinks as cells grow) are summed in a map.
 *
 * @param scan - the customers
 * @param cellOf - each customer's cell; one not below `cells` is in none
 * @param cells - the number of cells
 * @returns the sum of each cell
 */
export function meanSums(scan: CustomerScan, cellOf: ArrayLike<number>, cells: number): Decimal[] {
  const { orders, grossMinor } = scan;
  const monetarySum: Decimal[] = [];
  const denseOrders = Math.min(DENSE_ORDERS, Math.floor(DENSE_ENTRIES / Math.max(1, cells)));
  const dense = new Float64Array(cells * denseOrders);
  const sparse = new Map<number, number>();
  for (let i = 0; i < cellOf.length; i++) {
    const k = cellOf[i];
    if (k >= cells) continue;
    const o = orders[i];
    const gross = grossMinor[i];
    if (o < denseOrders) {
      dense[k * denseOrders + o] += gross;
    } else {
      const key = o * cells + k;
      sparse.set(key, (sparse.get(key) ?? 0) + gross);
    }
  }
  for (let k = 0; k < cells; k++) {
    let sum = new Exact(0);
    for (let o = 1; o < denseOrders; o++) {
      const gross = dense[k * denseOrders + o];
      if (gross !== 0) sum = sum.plus(new Exact(gross).dividedBy(o));
    }
    monetarySum.push(sum);
  }
  for (const [key, gross] of sparse) {
    const k = key % cells;
    monetarySum[k] = monetarySum[k].plus(new Exact(gross).dividedBy((key - k) / cells));
  }
  return monetarySum;
}

/** @internal What the summary rows of a group of customers are made from. */
export interface SummaryInput {
  /** The segment names. */
  readonly names: readonly string[];
  /** Per cell sums; the group's segments are the cells `base … base + names.length − 1`. */
  readonly sums: SegmentSums;
  /** Per cell sums of per-customer means, for `'mean'` monetary (empty for `'total'`). */
  readonly monetarySum: readonly Decimal[];
  readonly monetary: RfmMonetary;
  readonly digits: number;
}

/**
 * @internal The segment summary of a group of customers: per segment, count, share of the group, gross
 * revenue, and mean recency, frequency and monetary value.
 *
 * @param input - the names, sums and money settings
 * @param base - the group's first cell
 * @param customers - customers in the group
 * @returns one row per segment, in the map's order
 */
export function segmentSummaries(input: SummaryInput, base: number, customers: number): RfmSegmentSummary[] {
  const { names, sums, monetarySum, monetary, digits } = input;
  return names.map((segment, s): RfmSegmentSummary => {
    const k = base + s;
    const c = sums.count[k];
    const gross = sums.grossSum[k];
    return {
      segment,
      customers: c,
      share: customers === 0 ? null : c / customers,
      revenue: fromMinorUnits(gross, digits),
      averageRecency: c === 0 ? null : sums.recencySum[k] / c,
      averageFrequency: c === 0 ? null : sums.frequencySum[k] / c,
      averageMonetary: c === 0 ? null : monetary === 'total' ? minorPer(gross, c, digits) : toMoney(monetarySum[k].dividedBy(c).dividedBy(10 ** digits)),
    };
  });
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
