/**
 * Rank scores of many values by bucket selection: the values' range is cut into equal buckets, one
 * counting pass finds the bucket of each cut (see `rank-scores.ts`), only the values of those few
 * buckets are copied and searched by selection, and every value outside them takes its bucket's score.
 *
 * It rests on one fact: a value's bucket, `⌊(v − min) ÷ width⌋` capped at the last, never decreases as
 * the value grows (subtraction, division and floor are monotone, rounded or not). So a cut in a lower
 * bucket is below every value of a higher one, and a value's score is read off its bucket unless a cut
 * shares that bucket.
 *
 * Invariant: the scores equal those of the selection in `rank-scores.ts` for the same values
 * (property-tested).
 *
 * @module
 * @internal
 */
import { countBelow, selectRanks } from './order-statistics.ts';

/** The number of buckets: the counts stay a small table, and few values share a cut's bucket. */
const BUCKETS = 2 ** 16;

/** The fewest values scored by buckets: fewer are scored as fast by selection alone. */
const MIN_VALUES = 2 ** 18;

/**
 * @internal Whether {@link scoresByBuckets} takes these values: at least {@link MIN_VALUES} of them, not
 * all equal, whose range is a finite number wide enough for a bucket's width not to round to 0 (a range
 * of a few subnormals would make every value's bucket a division by zero).
 *
 * @param n - the number of values
 * @param min - the smallest value
 * @param max - the largest value
 * @returns whether to score by buckets
 */
export function bucketsFit(n: number, min: number, max: number): boolean {
  return n >= MIN_VALUES && max > min && Number.isFinite(max - min) && (max - min) / BUCKETS > 0;
}

/** The bucket of `x`: 0 … BUCKETS − 1, never decreasing as `x` grows. */
function bucketOf(x: number, min: number, width: number): number {
  return Math.min(BUCKETS - 1, Math.floor((x - min) / width));
}

/**
 * @internal Scores 1…`bins` by rank, ties sharing a score: `1 + ⌊bins · L ÷ N⌋` with `L` the number of
 * values below (see `rankScores`), for values {@link bucketsFit} takes.
 *
 * @param v - finite values from `min` to `max` (not modified)
 * @param bins - number of scores, 2 … 100
 * @param min - the smallest value
 * @param max - the largest value
 * @returns the score of each value
 */
export function scoresByBuckets(v: Float64Array, bins: number, min: number, max: number): Uint8Array {
  const n = v.length;
  const width = (max - min) / BUCKETS;
  const count = new Uint32Array(BUCKETS);
  for (let i = 0; i < n; i++) count[bucketOf(v[i], min, width)]++;

  // The cuts are the values of ranks Tₛ − 1 = ⌈s · N ÷ bins⌉ − 1 (s = 1 … bins − 1), ascending. Walking
  // the buckets up: `seen` values lie in the buckets passed, `gathered` of them in cut buckets.
  const cutBucket = new Uint8Array(BUCKETS);
  const rankAmongGathered: number[] = [];
  let bucket = 0;
  let seen = 0;
  let gathered = 0;
  for (let s = 1; s < bins; s++) {
    const rank = Math.ceil((s * n) / bins) - 1;
    while (seen + count[bucket] <= rank) {
      seen += count[bucket];
      if (cutBucket[bucket] === 1) gathered += count[bucket];
      bucket++;
    }
    cutBucket[bucket] = 1;
    rankAmongGathered.push(gathered + rank - seen);
  }
  while (bucket < BUCKETS) {
    if (cutBucket[bucket] === 1) gathered += count[bucket];
    bucket++;
  }

  // The values of the cut buckets, in input order: sorted, they are the values of those ranks.
  const candidates = new Float64Array(gathered);
  let next = 0;
  for (let i = 0; i < n; i++) if (cutBucket[bucketOf(v[i], min, width)] === 1) candidates[next++] = v[i];
  selectRanks(candidates, rankAmongGathered);
  const cuts = Float64Array.from(rankAmongGathered, (k) => candidates[k]);

  // The score of every value of a bucket without a cut: 1 + the cuts in lower buckets. 0 marks a cut
  // bucket, whose values are scored by searching the cuts.
  const scoreOfBucket = new Uint8Array(BUCKETS);
  let cutsBelow = 0;
  for (let b = 0; b < BUCKETS; b++) {
    while (cutsBelow < cuts.length && bucketOf(cuts[cutsBelow], min, width) < b) cutsBelow++;
    scoreOfBucket[b] = cutBucket[b] === 1 ? 0 : 1 + cutsBelow;
  }
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const score = scoreOfBucket[bucketOf(v[i], min, width)];
    scores[i] = score !== 0 ? score : 1 + countBelow(cuts, v[i]);
  }
  return scores;
}
