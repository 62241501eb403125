import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { historicalClv } from '../../src/metrics/historical-clv.ts';
import { summarize } from '../../src/metrics/summarize.ts';

describe('historicalClv', () => {
  test('net revenue per customer; refund-only ids are nobody’s value', () => {
    const clv = historicalClv([
      { customerId: 'a', date: '2024-01-01', amount: '10.00' },
      { customerId: 'b', date: '2024-01-02', amount: '20.00' },
      { customerId: 'c', date: '2024-01-03', amount: '30.00' },
      { customerId: 'd', date: '2024-01-04', amount: '40.00' },
      { customerId: 'd', date: '2024-01-05', amount: '-40.00' },
      { customerId: 'x', date: '2024-01-06', amount: '-5.00' },
    ]);
    expect(clv.customers.map((c) => [c.customerId, c.orders, c.grossRevenue.toFixed(2), c.netRevenue.toFixed(2)])).toEqual([
      ['a', 1, '10.00', '10.00'],
      ['b', 1, '20.00', '20.00'],
      ['c', 1, '30.00', '30.00'],
      ['d', 1, '40.00', '0.00'],
    ]);
    expect(clv.total.toFixed(2)).toBe('60.00');
    const d = clv.distribution;
    // sorted nets 0, 10, 20, 30: PERCENTILE.INC positions q·3
    expect([d?.min, d?.p10, d?.p25, d?.median, d?.p75, d?.p90, d?.max].map((v) => v?.toFixed(2))).toEqual([
      '0.00', '3.00', '7.50', '15.00', '22.50', '27.00', '30.00',
    ]);
    expect(d?.mean.toFixed(2)).toBe('15.00');
    // exact interpolation: 0.1 × 3 is not 0.30000000000000004 here
    expect([d?.p10.toString(), d?.p90.toString()]).toEqual(['3', '27']);
  });

  test('asOf cuts later events; empty input', () => {
    const rows = [
      { customerId: 1, date: '2024-01-01', amount: 5 },
      { customerId: 1, date: '2024-03-01', amount: 7 },
    ];
    expect(historicalClv(rows, { asOf: '2024-02-01' }).total.toString()).toBe('5');
    expect(historicalClv([]).distribution).toBeNull();
    expect(historicalClv([]).total.toString()).toBe('0');
    expect(() => historicalClv(rows, { asOf: 'later' })).toThrow(InvalidOptionError);
  });

  fcTest.prop([fc.array(fc.record({ customerId: fc.integer({ min: 0, max: 9 }), date: fc.nat(1000), amount: fc.integer({ min: -100, max: 500 }) }), { maxLength: 50 })])(
    'total = net revenue of customers; percentiles are ordered',
    (rows) => {
      const clv = historicalClv(rows);
      const summary = summarize(rows);
      expect(clv.customers.length).toBe(summary.customers);
      const refundOnly = rows.filter((r) => !rows.some((o) => o.customerId === r.customerId && o.amount >= 0));
      const refundOnlyTotal = refundOnly.reduce((s, r) => s + r.amount, 0);
      expect(clv.total.toNumber()).toBeCloseTo(summary.netRevenue.toNumber() - refundOnlyTotal, 8);
      const d = clv.distribution;
      if (d !== null) {
        const series = [d.min, d.p10, d.p25, d.median, d.p75, d.p90, d.p99, d.max];
        for (let i = 1; i < series.length; i++) expect(series[i]?.greaterThanOrEqualTo(series[i - 1] ?? 0)).toBe(true);
      }
    },
  );
});
