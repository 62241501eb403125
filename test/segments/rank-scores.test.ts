import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { rankScores } from '../../src/segments/rank-scores.ts';

/** The rule written out literally, O(N²). */
function naive(values: number[], bins: number): number[] {
  return values.map((v) => 1 + Math.floor((bins * values.filter((w) => w < v).length) / values.length));
}

describe('rankScores', () => {
  test('hand-computed: ranks, ties share the lower score, empty scores are allowed', () => {
    expect(Array.from(rankScores([10, 20, 20, 30, 40]))).toEqual([1, 2, 2, 4, 5]);
    // Half the values tied at the minimum: score 2 of 5 is empty (benchmark W3's remark).
    expect(Array.from(rankScores([1, 1, 1, 1, 1, 2, 3, 4, 5, 6]))).toEqual([1, 1, 1, 1, 1, 3, 4, 4, 5, 5]);
    expect(Array.from(rankScores([7, 7, 7], 5))).toEqual([1, 1, 1]);
    expect(Array.from(rankScores([], 5))).toEqual([]);
    expect(Array.from(rankScores([3, 1, 2], 2))).toEqual([2, 1, 1]);
  });

  test('-0 and 0 are equal values', () => {
    expect(Array.from(rankScores([-0, 0, 1], 3))).toEqual([1, 1, 3]);
  });

  test('-0 and 0 are equal values when the scores come from selected cuts too', () => {
    const values = [-0, 0.5, 0, -0.25, 0, -0, 1.5, -0];
    expect(Array.from(rankScores(values, 4))).toEqual(naive(values, 4));
  });

  test('thousands of heavy-tailed values with zeros and ties: the literal rule at 5 and at 100 bins', () => {
    let seed = 11;
    const values = Array.from({ length: 4000 }, (_, i) => {
      seed = (seed * 48_271) % 2_147_483_647;
      if (i % 9 === 0) return 0;
      return Math.round(Math.exp((seed / 2_147_483_647) * 16)) * (i % 13 === 0 ? -1 : 1);
    });
    for (const bins of [5, 100]) expect(Array.from(rankScores(values, bins))).toEqual(naive(values, bins));
  });

  fcTest.prop([
    fc.integer({ min: 0, max: 2 ** 24 }), // the width of the range of integers
    fc.integer({ min: 1, max: 3000 }),
    fc.integer({ min: 2, max: 100 }),
    fc.integer({ min: 1, max: 2_147_483_646 }),
  ], { numRuns: 40 })('thousands of integers over a range of any width: the literal rule through a sorted copy', (width, length, bins, start) => {
    let seed = start;
    const values = Array.from({ length }, () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return (seed % (width + 1)) - 1000;
    });
    // #{ w < v } is the first index of v in a sorted copy.
    const sorted = Float64Array.from(values).sort();
    const firstIndex = (v: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    expect(Array.from(rankScores(values, bins))).toEqual(values.map((v) => 1 + Math.floor((bins * firstIndex(v)) / length)));
  });

  test('values must be finite', () => {
    expect(() => rankScores([Number.NaN, 1, 2])).toThrow('values[0]: NaN is not a finite number');
    expect(() => rankScores([1, Number.POSITIVE_INFINITY])).toThrow(InvalidOptionError);
  });

  test('bins must be an integer from 2 to 100', () => {
    for (const bins of [1, 0, 2.5, 101, Number.NaN]) expect(() => rankScores([1], bins)).toThrow(InvalidOptionError);
  });

  fcTest.prop([fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 60 }), fc.integer({ min: 2, max: 10 })])(
    'agrees with the literal rule; scores within 1…bins; equal values equal scores',
    (values, bins) => {
      const scores = Array.from(rankScores(values, bins));
      expect(scores).toEqual(naive(values, bins));
      for (const s of scores) expect(s >= 1 && s <= bins).toBe(true);
      values.forEach((v, i) => values.forEach((w, j) => {
        if (v === w) expect(scores[i]).toBe(scores[j]);
        if (v < w) expect(scores[i] ?? 0).toBeLessThanOrEqual(scores[j] ?? 0);
      }));
    },
  );

  fcTest.prop([
    fc.oneof(
      fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { maxLength: 60 }), // wide range
      fc.array(fc.constantFrom(0, 3, 2 ** 40, -(2 ** 40), 7), { maxLength: 60 }), // many ties
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 60 }), // fractions, every exponent
      fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }), // narrow range
    ),
    fc.integer({ min: 2, max: 100 }),
  ])('wide, tied, fractional and narrow values: the literal rule', (values, bins) => {
    expect(Array.from(rankScores(values, bins))).toEqual(naive(values, bins));
  });

  fcTest.prop([fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 40 })])(
    'input order never matters',
    (values) => {
      const scores = rankScores(values, 5);
      const reversed = rankScores([...values].reverse(), 5);
      expect(Array.from(reversed).reverse()).toEqual(Array.from(scores));
    },
  );
});
