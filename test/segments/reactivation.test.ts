import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { reactivationPotential } from '../../src/segments/reactivation.ts';

const report = dormancy(
  [
    { customerId: 'a', date: '2024-01-10', amount: '100.00' }, // dormant
    { customerId: 'a', date: '2024-03-10', amount: '-20.00' }, // its refund lowers the value at stake
    { customerId: 'b', date: '2024-02-01', amount: '60.00' }, // dormant
    { customerId: 'c', date: '2024-12-01', amount: '10.00' }, // active
    { customerId: 'd', date: '2022-05-01', amount: '33.33' }, // lost
  ],
  { asOf: '2024-12-31' },
);

describe('reactivationPotential', () => {
  test('default 25 %–60 % of the dormant customers and their historical value', () => {
    const p = reactivationPotential(report);
    expect(p.segments).toEqual(['dormant']);
    expect(p.customers).toBe(2);
    expect(p.historicalValue.toFixed(2)).toBe('140.00');
    expect(p.receptive).toEqual({ low: 0.5, high: 1.2 });
    expect(p.value.low.toFixed(2)).toBe('35.00');
    expect(p.value.high.toFixed(2)).toBe('84.00');
  });

  test('with the lost segment and another range; exact money', () => {
    const p = reactivationPotential(report, { includeLost: true, receptiveRate: [0.1, 0.1] });
    expect(p.customers).toBe(3);
    expect(p.historicalValue.toFixed(2)).toBe('173.33');
    expect(p.value.low.toString()).toBe('17.333');
    expect(p.receptive.low).toBeCloseTo(0.3, 15);
  });

  test('no dormant customers: zeros', () => {
    const p = reactivationPotential(dormancy([]));
    expect(p.customers).toBe(0);
    expect(p.value.high.toFixed(2)).toBe('0.00');
  });

  test('bad options are option errors', () => {
    for (const receptiveRate of [[0.6, 0.25], [-0.1, 0.5], [0.5, 1.5], [0.5], 'high']) {
      expect(() => reactivationPotential(report, { receptiveRate: receptiveRate as never })).toThrow(InvalidOptionError);
    }
    expect(() => reactivationPotential(report, { includeLost: 'yes' as never })).toThrow(InvalidOptionError);
    expect(() => reactivationPotential(null as never)).toThrow(InvalidOptionError);
  });
});
