/**
 * Order statistics of an array of numbers in linear expected time: the values at several given
 * ranks of the sorted order, without sorting.
 *
 * @module
 */
import { CHUNK, prefixSums } from '../chunks.ts';

/**
 * Rearrange `a` so that, for every rank `k` in `ranks`, `a[k]` holds the value a full sort would put
 * there, everything before it is ≤ it and everything after it ≥ it (Hoare's selection, applied to the
 * middle rank first and then to each side with the ranks that fall there).
 *
 * Expected O(N log R) for N values and R ranks; a range that keeps partitioning badly is sorted
 * natively instead, so the worst case is O(N log N).
 *
 * @param a - the values, rearranged in place (no `NaN`)
 * @param ranks - 0-based ranks, ascending, each in `0 … a.length − 1`
 * @internal
 */
export function selectRanks(a: Float64Array, ranks: readonly number[]): void {
  // Work list of (lo, hi, first rank index, end rank index): a range of `a` and the ranks inside it.
  const stack: number[] = [0, a.length - 1, 0, ranks.length];
  while (stack.length > 0) {
    const rankEnd = stack.pop() ?? 0;
    const rankStart = stack.pop() ?? 0;
    const hi = stack.pop() ?? 0;
    const lo = stack.pop() ?? 0;
    if (rankStart >= rankEnd || lo >= hi) continue;
    const middle = (rankStart + rankEnd) >>> 1;
    const k = ranks[middle] ?? lo;
    selectOne(a, lo, hi, k);
    stack.push(lo, k - 1, rankStart, middle, k + 1, hi, middle + 1, rankEnd);
  }
}

/** Put the value of rank `k` at `a[k]`, smaller-or-equal values before it and larger-or-equal after, within `lo … hi`. */
function selectOne(a: Float64Array, lo: number, hi: number, k: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    // Median of three as the pivot, then Hoare's partition (stops on equal values, so runs of
    // duplicates split evenly).
    const mid = lo + ((hi - lo) >>> 1);
    const x = a[lo] ?? 0;
    const y = a[mid] ?? 0;
    const z = a[hi] ?? 0;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] ?? 0) < pivot) i++;
      while ((a[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const t = a[i] ?? 0;
        a[i] = a[j] ?? 0;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo … j] ≤ pivot ≤ a[i … hi], and j < i; values between j and i equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Buckets of {@link valuesAtRanks}: the top 16 bits of each value's order-preserving bit pattern. */
const BUCKET_BITS = 16;

/** Index of a double's high 32-bit word in a `Uint32Array` over it (1 on little-endian machines). */
const HIGH_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0;

/**
 * The values a full sort of `values` would put at each of `ranks`, leaving `values` as it is.
 *
 * One pass counts the values per bucket of their leading bits (sign, exponent and the first four bits of
 * the mantissa, in an order that agrees with the values' own: sixteen buckets per power of two), which
 * finds the bucket of every rank; a second pass copies out only the values in those buckets, which are
 * then sorted (up to 16,384 values in a bucket) or searched by {@link selectRanks}. Heavy-tailed data
 * such as money spreads over many powers of two, so the copied buckets hold a small part of the
 * values: O(N) expected. When one bucket holds nearly all of them the cost is that of
 * {@link selectRanks} on a copy, O(N log R) expected for R ranks.
 *
 * @param values - finite numbers (not modified; `-0` and `0` count as equal)
 * @param ranks - 0-based ranks in ascending order (repeats allowed), each in `0 … values.length − 1`
 * @returns the value of each rank, in the order of `ranks`
 * @throws RangeError for a rank outside `0 … values.length − 1` or out of order
 * @internal
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(ranks.length);
  if (ranks.length === 0 || n === 0) return out;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Values per bucket, then running sums: `below[b]` values fall in buckets 0 … b. The sums go through
  // the compiled prefix-sum kernel rather than a walk over the 65,536 buckets in this function, which
  // would run uncompiled (values of one sign and size sit tens of thousands of buckets in).
  const below = new Uint32Array(1 << BUCKET_BITS);
  for (let lo = 0; lo < n; lo += CHUNK) countBuckets(words, lo, Math.min(n, lo + CHUNK), below);
  for (let lo = 1; lo < below.length; lo += CHUNK) prefixSums(below, lo, Math.min(below.length, lo + CHUNK));
  // Each rank's bucket, by binary search; each such bucket gets a slot in one array of candidates, at
  // `start[slot]`, and the rank its place among the bucket's values.
  const slotOf = new Int32Array(1 << BUCKET_BITS).fill(-1);
  const start: number[] = [];
  const slotOfRank = new Int32Array(ranks.length);
  const rankInSlot = new Float64Array(ranks.length);
  let total = 0;
  let previous = 0;
  for (let r = 0; r < ranks.length; r++) {
    const rank = ranks[r] ?? 0;
    if (!(rank >= previous && rank < n)) throw new RangeError(`rank ${rank} is not in ascending order within 0 … ${n - 1}`);
    previous = rank;
    const bucket = firstAbove(below, rank);
    const before = bucket === 0 ? 0 : (below[bucket - 1] ?? 0);
    if ((slotOf[bucket] ?? -1) < 0) {
      slotOf[bucket] = start.length;
      start.push(total);
      total += (below[bucket] ?? 0) - before;
    }
    slotOfRank[r] = slotOf[bucket] ?? 0;
    rankInSlot[r] = rank - before;
  }
  start.push(total);
  const candidates = new Float64Array(total);
  const cursor = Float64Array.from(start);
  for (let lo = 0; lo < n; lo += CHUNK) gatherBuckets(values, words, lo, Math.min(n, lo + CHUNK), slotOf, candidates, cursor);
  // Each bucket's ranks among its own values: a bucket of up to SORT_LIMIT values is sorted by the
  // engine's native sort (no code of ours to compile for a few thousand values), a larger one selected.
  for (let r = 0; r < ranks.length; ) {
    const slot = slotOfRank[r] ?? 0;
    let end = r;
    while (end < ranks.length && slotOfRank[end] === slot) end++;
    const part = candidates.subarray(start[slot] ?? 0, start[slot + 1] ?? 0);
    if (part.length <= SORT_LIMIT) part.sort();
    else selectRanks(part, Array.from(rankInSlot.subarray(r, end)));
    for (let k = r; k < end; k++) out[k] = part[rankInSlot[k] ?? 0] ?? 0;
    r = end;
  }
  return out;
}

/**
 * Candidates up to this many are sorted rather than selected: a native sort of a few thousand numbers
 * costs less than compiling the selection, which a first call would otherwise run uncompiled.
 */
const SORT_LIMIT = 1 << 14;

/** The first index `b` with `below[b] > rank`, for non-decreasing `below` whose last entry exceeds `rank`. */
function firstAbove(below: Uint32Array, rank: number): number {
  let low = 0;
  let high = below.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((below[mid] ?? 0) > rank) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The bucket of a double from its high 32-bit word: negative numbers have every bit flipped, others
 * only the sign bit, so that buckets in ascending order hold ascending values.
 */
function bucketOfHighWord(high: number): number {
  return (high ^ ((high >> 31) | 0x80000000)) >>> (32 - BUCKET_BITS);
}

/** Count values `lo … hi − 1` per bucket (one chunk, see {@link CHUNK}). */
function countBuckets(words: Uint32Array, lo: number, hi: number, counts: Uint32Array): void {
  for (let i = lo; i < hi; i++) {
    const b = bucketOfHighWord(words[2 * i + HIGH_WORD] ?? 0);
    counts[b] = (counts[b] ?? 0) + 1;
  }
}

/** Copy values `lo … hi − 1` that fall in a bucket with a slot to that slot's next place. */
function gatherBuckets(
  values: Float64Array,
  words: Uint32Array,
  lo: number,
  hi: number,
  slotOf: Int32Array,
  candidates: Float64Array,
  cursor: Float64Array,
): void {
  for (let i = lo; i < hi; i++) {
    const slot = slotOf[bucketOfHighWord(words[2 * i + HIGH_WORD] ?? 0)] ?? -1;
    if (slot < 0) continue;
    const at = cursor[slot] ?? 0;
    candidates[at] = values[i] ?? 0;
    cursor[slot] = at + 1;
  }
}

/** Marks a bucket of {@link countCutsBelow}'s table that holds a cut: its values are compared one by one. */
const SEARCH = 255;

/**
 * For each value, `base` plus the number of `cuts` below it: `out[i] = base + #{ c ∈ cuts : c < values[i] }`.
 *
 * A table over the same buckets as {@link valuesAtRanks} gives the answer for every bucket that holds no
 * cut (all its values have the same cuts below them), so most values cost one look-up in a table that
 * stays in the cache; values in a bucket with a cut, and values near zero (`-0` and `0`, equal, fall in
 * neighbouring buckets), are compared with the cuts.
 *
 * @param values - finite numbers
 * @param cuts - finite numbers in ascending order, at most 254 − base of them
 * @param base - added to every count
 * @param out - the counts, one per value
 * @internal
 */
export function countCutsBelow(values: Float64Array, cuts: Float64Array, base: number, out: Uint8Array): void {
  const n = values.length;
  const table = new Uint8Array(1 << BUCKET_BITS);
  const cut = new Float64Array(1);
  const cutWords = new Uint32Array(cut.buffer);
  let from = 0;
  for (let c = 0; c < cuts.length; c++) {
    cut[0] = cuts[c] ?? 0;
    const bucket = bucketOfHighWord(cutWords[HIGH_WORD] ?? 0);
    // Buckets before this cut's have the c cuts before it below all their values.
    if (bucket >= from) table.fill(base + c, from, bucket);
    table[bucket] = SEARCH;
    from = Math.max(from, bucket + 1);
  }
  table.fill(base + cuts.length, from);
  table[bucketOfHighWord(0x80000000)] = SEARCH; // -0
  table[bucketOfHighWord(0)] = SEARCH; // 0
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  for (let lo = 0; lo < n; lo += CHUNK) countByTable(values, words, lo, Math.min(n, lo + CHUNK), table, cuts, base, out);
}

/** {@link countCutsBelow} for values `lo … hi − 1` (one chunk, see {@link CHUNK}). */
function countByTable(
  values: Float64Array,
  words: Uint32Array,
  lo: number,
  hi: number,
  table: Uint8Array,
  cuts: Float64Array,
  base: number,
  out: Uint8Array,
): void {
  for (let i = lo; i < hi; i++) {
    const known = table[bucketOfHighWord(words[2 * i + HIGH_WORD] ?? 0)] ?? SEARCH;
    out[i] = known !== SEARCH ? known : base + cutsBelow(cuts, values[i] ?? 0);
  }
}

/** The number of (ascending) cuts below `x`, by binary search. */
function cutsBelow(cuts: Float64Array, x: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cuts[mid] ?? 0) < x) low = mid + 1;
    else high = mid;
  }
  return low;
}
