import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { bucketsFit, scoresByBuckets } from '../../src/segments/bucket-scores.ts';
import { scoresBySelection, scoresInRange } from '../../src/segments/rank-scores.ts';

function range(values: ArrayLike<number>): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  return { min, max };
}

describe('scoresByBuckets', () => {
  // Values of every kind of spread: a few integers (many per bucket), doubles, and huge magnitudes
  // (a few occupied buckets far apart).
  const values = fc.array(
    fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e300, max: 1e300, noNaN: true })),
    { minLength: 2, maxLength: 300 },
  );

  fcTest.prop([values, fc.integer({ min: 2, max: 100 })])('gives the scores of selection', (list, bins) => {
    const v = Float64Array.from(list);
    const { min, max } = range(v);
    fc.pre(bucketsFit(2 ** 18, min, max));
    expect(Array.from(scoresByBuckets(v, bins, min, max))).toEqual(Array.from(scoresBySelection(v, bins)));
  });

  test('-0 and 0 are one value', () => {
    const v = Float64Array.of(-0, 0, 1, -0, 0.5);
    expect(Array.from(scoresByBuckets(v, 5, -0, 1))).toEqual(Array.from(scoresBySelection(v, 5)));
  });

  test('heavy-tailed money, ties and an outlier, at 5 and 100 bins: the scores of selection', () => {
    let seed = 7;
    const v = Float64Array.from({ length: 300_000 }, (_, i) => {
      seed = (seed * 48_271) % 2_147_483_647;
      if (i % 11 === 0) return 0;
      if (i === 5) return 1e12;
      return Math.round(Math.exp((seed / 2_147_483_647) * 14));
    });
    const { min, max } = range(v);
    expect(bucketsFit(v.length, min, max)).toBe(true);
    for (const bins of [5, 100]) expect(Array.from(scoresInRange(v, bins, min, max, true))).toEqual(Array.from(scoresBySelection(v, bins)));
  });

  test('takes many values whose range is finite and not zero', () => {
    expect(bucketsFit(2 ** 18, 0, 1)).toBe(true);
    expect(bucketsFit(2 ** 18 - 1, 0, 1)).toBe(false);
    expect(bucketsFit(2 ** 18, 1, 1)).toBe(false);
    expect(bucketsFit(2 ** 18, -Number.MAX_VALUE, Number.MAX_VALUE)).toBe(false);
  });

  test('refuses a range so narrow that a bucket would have no width', () => {
    expect(bucketsFit(2 ** 18, -5e-324, 0)).toBe(false);
    expect(bucketsFit(2 ** 18, 0, 2 ** -1000)).toBe(true);
  });

  test('many values a few subnormals apart get the scores of selection', () => {
    const v = new Float64Array(2 ** 18);
    for (let i = 0; i < v.length; i += 2) v[i] = -5e-324;
    const { min, max } = range(v);
    expect(Array.from(scoresInRange(v, 2, min, max, false))).toEqual(Array.from(scoresBySelection(v, 2)));
  });
});
