import { test as fcTest, fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { countBelow, selectRanks } from '../../src/segments/order-statistics.ts';

/** Check what selectRanks promises: the sorted value at each rank, nothing larger before it, nothing smaller after. */
function expectSelected(values: readonly number[], ranks: readonly number[]): void {
  const a = Float64Array.from(values);
  selectRanks(a, ranks);
  const sorted = Float64Array.from(values).sort();
  expect(Float64Array.from(a).sort()).toEqual(sorted); // a permutation of the input
  for (const k of ranks) {
    expect(a[k] === sorted[k]).toBe(true); // -0 and 0 are equal values
    for (let i = 0; i < k; i++) expect(a[i] <= a[k]).toBe(true);
    for (let i = k + 1; i < a.length; i++) expect(a[i] >= a[k]).toBe(true);
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

  fcTest.prop([
    fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0)), { minLength: 1, maxLength: 200 }),
    fc.array(fc.nat(), { maxLength: 8 }),
  ])('repeated ranks and -0 among ties', (values, picks) => {
    const ranks = picks.map((p) => p % values.length).sort((x, y) => x - y);
    const a = Float64Array.from(values);
    selectRanks(a, ranks);
    const sorted = Float64Array.from(values).sort();
    for (const k of ranks) expect(a[k] === sorted[k]).toBe(true); // -0 === 0
  });

  test('a rank outside the values, or out of order, is an error (not an endless walk)', () => {
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [3])).toThrow(RangeError);
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [-1])).toThrow(RangeError);
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [2, 0])).toThrow(RangeError);
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [0.5])).toThrow(RangeError);
  });
});

describe('countBelow', () => {
  fcTest.prop([
    fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0)), { maxLength: 60 }),
    fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0)),
  ], { numRuns: 300 })('the number of values of a sorted array below x, -0 and 0 equal', (values, x) => {
    expect(countBelow(Float64Array.from(values).sort(), x)).toBe(values.filter((v) => v < x).length);
  });

  test('empty, all below, none below', () => {
    expect(countBelow(new Float64Array(0), 1)).toBe(0);
    expect(countBelow(Float64Array.of(1, 2, 3), 4)).toBe(3);
    expect(countBelow(Float64Array.of(1, 2, 3), 1)).toBe(0);
  });
});
