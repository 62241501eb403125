import { test as fcTest, fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { countBelow } from '../../src/segments/order-statistics.ts';

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
