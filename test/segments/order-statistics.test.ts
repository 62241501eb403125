import { test as fcTest, fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { countCutsBelow, selectRanks, valuesAtRanks } from '../../src/segments/order-statistics.ts';

/** Check what selectRanks promises: the sorted value at each rank, nothing larger before it, nothing smaller after. */
function expectSelected(values: readonly number[], ranks: readonly number[]): void {
  const a = Float64Array.from(values);
  selectRanks(a, ranks);
  const sorted = Float64Array.from(values).sort();
  expect(Float64Array.from(a).sort()).toEqual(sorted); // a permutation of the input
  for (const k of ranks) {
    expect(a[k]).toBe(sorted[k]);
    for (let i = 0; i < k; i++) expect((a[i] ?? 0) <= (a[k] ?? 0)).toBe(true);
    for (let i = k + 1; i < a.length; i++) expect((a[i] ?? 0) >= (a[k] ?? 0)).toBe(true);
  }
}

const ranksOf = (n: number, picks: readonly number[]): number[] =>
  n === 0 ? [] : [...new Set(picks.map((p) => p % n))].sort((x, y) => x - y);

describe('selectRanks', () => {
  fcTest.prop([
    fc.oneof(
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 300 }), // many ties
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 300 }),
    ),
    fc.array(fc.nat(), { maxLength: 12 }),
  ], { numRuns: 300 })('the value of each rank lands at its place, partitioned around it', (values, picks) => {
    expectSelected(values, ranksOf(values.length, picks));
  });

  test('sorted, reversed, constant and organ-pipe inputs (the shapes that defeat naive pivots)', () => {
    const n = 2001;
    const shapes = [
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, () => 7),
      Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      Array.from({ length: n }, (_, i) => (i * 7919) % 13),
    ];
    for (const values of shapes) expectSelected(values, [0, 400, 800, 1000, 1200, 1600, n - 1]);
  });
});

describe('valuesAtRanks', () => {
  /** The sorted value at each rank, from a full sort; and the input left as it was. */
  function expectValues(values: Float64Array, ranks: readonly number[]): void {
    const before = values.slice();
    const sorted = values.slice().sort();
    expect(Array.from(valuesAtRanks(values, ranks))).toEqual(ranks.map((k) => sorted[k]));
    expect(values).toEqual(before);
  }

  fcTest.prop([
    fc.oneof(
      fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 400 }), // ties, negatives, zero
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 400 }), // every exponent, -0
      fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 400 }), // amounts in cents
      fc.array(fc.double({ min: 1, max: 1.001, noNaN: true }), { maxLength: 400 }), // one bucket holds them all
    ),
    fc.array(fc.nat(), { maxLength: 12 }),
  ], { numRuns: 300 })('equals a full sort at every rank', (values, picks) => {
    const ranks = values.length === 0 ? [] : picks.map((p) => p % values.length).sort((x, y) => x - y); // repeats kept
    expectValues(Float64Array.from(values), ranks);
  });

  test('a rank outside the values, or out of order, is an error (not an endless walk)', () => {
    expect(() => valuesAtRanks(Float64Array.from([1, 2, 3]), [3])).toThrow(RangeError);
    expect(() => valuesAtRanks(Float64Array.from([1, 2, 3]), [-1])).toThrow(RangeError);
    expect(() => valuesAtRanks(Float64Array.from([1, 2, 3]), [2, 0])).toThrow(RangeError);
  });

  test('a view into a larger buffer reads only its own values', () => {
    const buffer = Float64Array.from([1e9, -1e9, 5, 3, 9, 1, 7, -1e9, 1e9]);
    expectValues(buffer.subarray(2, 7), [0, 2, 4]);
    expect(Array.from(valuesAtRanks(buffer.subarray(2, 7), [0, 4]))).toEqual([1, 9]);
  });

  test('a bucket of more values than are sorted natively (16,384) is searched by selection', () => {
    let seed = 11;
    const values = Float64Array.from({ length: 40_000 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return 1 + (seed / 2_147_483_647) / 1000; // all in [1, 1.001): one bucket
    });
    expectValues(values, [0, 7999, 8000, 23_999, 31_999, 39_999]);
  });

  test('heavy-tailed amounts, the quintile cuts of RFM', () => {
    let seed = 7;
    const values = Float64Array.from({ length: 20_000 }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return Math.round(100 * Math.exp((seed / 2_147_483_647) * 12)); // 1 to about 16 million cents
    });
    expectValues(values, [3999, 7999, 11_999, 15_999]);
  });
});

describe('countCutsBelow', () => {
  fcTest.prop([
    fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0)), { maxLength: 200 }),
    fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0)), { maxLength: 12 }),
  ], { numRuns: 300 })('base plus the number of cuts below each value', (values, cutList) => {
    const cuts = Float64Array.from(cutList).sort();
    const out = new Uint8Array(values.length);
    countCutsBelow(Float64Array.from(values), cuts, 1, out);
    expect(Array.from(out)).toEqual(values.map((v) => 1 + cutList.filter((c) => c < v).length));
  });
});
