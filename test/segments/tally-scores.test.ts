import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { scoresBySelection, scoresInRange } from '../../src/segments/rank-scores.ts';
import { scoresByTally, tallyFits } from '../../src/segments/tally-scores.ts';

/** The rule written out literally, O(N²). */
function naive(values: readonly number[], bins: number): number[] {
  return values.map((v) => 1 + Math.floor((bins * values.filter((w) => w < v).length) / values.length));
}

function range(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

describe('scoresByTally', () => {
  const integers = fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 1, maxLength: 400 });

  fcTest.prop([integers, fc.integer({ min: 2, max: 100 })])('gives the scores of selection for integers in a narrow range', (values, bins) => {
    const v = Float64Array.from(values);
    const { min, max } = range(values);
    expect(Array.from(scoresByTally(v, bins, min, max))).toEqual(Array.from(scoresBySelection(v, bins)));
  });

  fcTest.prop([integers, fc.integer({ min: 2, max: 100 })])('gives the literal rule for integers in a narrow range', (values, bins) => {
    const { min, max } = range(values);
    expect(Array.from(scoresByTally(Float64Array.from(values), bins, min, max))).toEqual(naive(values, bins));
  });

  test('-0 and 0 are one value', () => {
    expect(Array.from(scoresByTally(Float64Array.of(-0, 0, 1, -0), 3, -0, 1))).toEqual([1, 1, 3, 1]);
  });

  test('takes integers only, in a range narrower than 2^16 and than four times their number', () => {
    expect(tallyFits(10, 0, 39, true)).toBe(true);
    expect(tallyFits(10, 0, 40, true)).toBe(false);
    expect(tallyFits(10, 0, 3, false)).toBe(false);
    expect(tallyFits(0, 0, 0, true)).toBe(false);
    expect(tallyFits(10 ** 6, -5, 2 ** 16 - 6, true)).toBe(true);
    expect(tallyFits(10 ** 6, -5, 2 ** 16 - 5, true)).toBe(false);
  });
});

describe('scoresInRange', () => {
  const mixed = fc.array(fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 });

  fcTest.prop([mixed, fc.integer({ min: 2, max: 100 })])('gives the literal rule whichever way it scores', (values, bins) => {
    const { min, max } = range(values);
    const integers = values.every((x) => Number.isInteger(x));
    expect(Array.from(scoresInRange(Float64Array.from(values), bins, min, max, integers))).toEqual(naive(values, bins));
  });
});
