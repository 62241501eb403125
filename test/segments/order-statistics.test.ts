import { test as fcTest, fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { selectRanks } from '../../src/segments/order-statistics.ts';

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
