import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { churnRate, customerLifespan, retentionRate } from '../../src/metrics/retention-rate.ts';

describe('retention from counts', () => {
  test('200 at start, 30 acquired, 210 at end', () => {
    const counts = { start: 200, end: 210, acquired: 30 };
    expect(retentionRate(counts)).toBe(0.9);
    expect(churnRate(counts)).toBe(0.1);
    expect(customerLifespan(counts)).toBe(10);
  });
  test('edges', () => {
    expect(retentionRate({ start: 0, end: 0, acquired: 0 })).toBeNull();
    expect(churnRate({ start: 0, end: 4, acquired: 4 })).toBeNull();
    expect(customerLifespan({ start: 0, end: 4, acquired: 4 })).toBeNull();
    expect(retentionRate({ start: 10, end: 10, acquired: 0 })).toBe(1);
    expect(customerLifespan({ start: 10, end: 10, acquired: 0 })).toBeNull();
    expect(retentionRate({ start: 10, end: 3, acquired: 3 })).toBe(0);
    expect(customerLifespan(1)).toBe(1);
  });
  test('impossible counts are rejected', () => {
    expect(() => retentionRate({ start: 100, end: 20, acquired: 30 })).toThrow(
      'acquired: 30 acquired is more than the 20 customers at the end: E − N would be negative',
    );
    expect(() => retentionRate({ start: 100, end: 150, acquired: 30 })).toThrow(
      'end: end − acquired = 120 customers kept is more than the 100 customers at the start',
    );
    expect(() => churnRate({ start: -1, end: 0, acquired: 0 })).toThrow(InvalidOptionError);
    expect(() => churnRate({ start: Number.NaN, end: 0, acquired: 0 })).toThrow(InvalidOptionError);
    expect(() => customerLifespan(1.5)).toThrow(InvalidOptionError);
    expect(() => customerLifespan(Number.NaN)).toThrow(InvalidOptionError);
    expect(() => retentionRate(null as unknown as { start: 0; end: 0; acquired: 0 })).toThrow(InvalidOptionError);
  });
  fcTest.prop([fc.nat(1000), fc.nat(1000), fc.nat(1000)])('retention + churn = 1', (start, keptRaw, acquired) => {
    const kept = Math.min(start, keptRaw);
    const counts = { start, end: kept + acquired, acquired };
    const r = retentionRate(counts);
    const c = churnRate(counts);
    if (start === 0) {
      expect(r).toBeNull();
      expect(c).toBeNull();
    } else {
      expect((r ?? 0) + (c ?? 0)).toBeCloseTo(1, 12);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
  });
});
