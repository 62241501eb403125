import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { simpleClvFromData } from '../../src/metrics/clv-from-data.ts';

const rows = [
  { customerId: 'a', date: '2023-01-10', amount: '20.00' },
  { customerId: 'b', date: '2023-01-20', amount: '40.00' },
  { customerId: 'a', date: '2023-02-10', amount: '30.00' },
  { customerId: 'c', date: '2023-02-15', amount: '10.00' },
  { customerId: 'a', date: '2023-03-05', amount: '20.00' },
  { customerId: 'c', date: '2023-03-06', amount: '-10.00' },
  { customerId: 'd', date: '2023-04-02', amount: '99.00' }, // in the incomplete month: left out
];

describe('simpleClvFromData', () => {
  test('hand-computed monthly inputs over complete months', () => {
    const v = simpleClvFromData(rows, { period: 'month', asOf: '2023-04-15', margin: 0.5 });
    // Jan: S 0 → {a, b}; Feb: S 2, kept a, lost b; Mar: S 2 {a, c}, kept a, lost c → churn 2 / 4
    expect([v.periods, v.churnRate, v.lifespan]).toEqual([3, 0.5, 2]);
    expect([v.from?.toISOString(), v.to?.toISOString()]).toEqual(['2023-01-01T00:00:00.000Z', '2023-04-01T00:00:00.000Z']);
    expect(v.averageOrderValue?.toFixed(2)).toBe('24.00'); // 120 / 5 orders
    // Active customers: Jan {a, b}, Feb {a, c}, Mar {a} (c's refund is no order): 5 orders ÷ 5
    expect(v.purchaseFrequency).toBe(1);
    expect(v.clv?.toFixed(2)).toBe('24.00'); // 24 × 1 × 2 × 0.5
  });

  test('frequency counts orders per active customer, so customers who left do not lower it', () => {
    // Every customer orders once in each month they are active; half leave after each month.
    const cohort = (n: number, months: number) =>
      Array.from({ length: n }, (_, c) => Array.from({ length: months }, (_, m) => ({
        customerId: `${months}-${c}`,
        date: `2023-0${1 + m}-15`,
        amount: '10.00',
      }))).flat();
    const data = [...cohort(4, 1), ...cohort(4, 2), ...cohort(4, 3)];
    const v = simpleClvFromData(data, { period: 'month', asOf: '2023-04-01' });
    expect(v.purchaseFrequency).toBe(1);
    expect(v.churnRate).toBe(0.4); // Feb: 4 of 12 lost; Mar: 4 of 8 lost → 8 ÷ 20
    expect(v.clv?.toFixed(2)).toBe('25.00'); // 10 × 1 × 2.5
  });

  test('unknown inputs give null, never NaN', () => {
    const none = simpleClvFromData([], { period: 'month' });
    expect(none).toMatchObject({ periods: 0, clv: null, churnRate: null, averageOrderValue: null });
    const noChurn = simpleClvFromData(
      [
        { customerId: 1, date: '2023-01-01', amount: 1 },
        { customerId: 1, date: '2023-02-01', amount: 1 },
      ],
      { period: 'month', asOf: '2023-03-01' },
    );
    expect(noChurn.churnRate).toBe(0);
    expect(noChurn.lifespan).toBeNull();
    expect(noChurn.clv).toBeNull();
    expect(() => simpleClvFromData(rows, { period: 'month', margin: 2 })).toThrow(InvalidOptionError);
  });
});
