import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { DORMANCY_SEGMENTS } from '../../src/segments/dormancy-windows.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { rfm } from '../../src/segments/rfm.ts';

const records = fc.array(
  fc.record({
    customerId: fc.integer({ min: 1, max: 12 }),
    date: fc.integer({ min: 0, max: 400 }).map((day) => Date.UTC(2024, 0, 1) + day * 86_400_000),
    amount: fc.integer({ min: -500, max: 5000 }).map((cents) => cents / 100),
  }),
  { minLength: 1, maxLength: 60 },
);

describe('report rows: the same numbers as the columns, read like a plain field', () => {
  fcTest.prop([records], { numRuns: 150 })('rfm: row i holds the numbers of column entry i', (rows) => {
    const book = ledger(rows);
    const report = rfm(book);
    const { account, recency, frequency, monetaryMinor, r, f, m } = report.columns;
    expect(report.customers.map((c) => [c.id, c.recency, c.frequency, Math.round(c.monetary.toNumber() * 100), c.r, c.f, c.m])).toEqual(
      Array.from(account, (a, i) => [book.ids[a], recency[i], frequency[i], monetaryMinor[i], r[i], f[i], m[i]]),
    );
  });

  fcTest.prop([records], { numRuns: 150 })('dormancy: row i holds the numbers of column entry i', (rows) => {
    const book = ledger(rows);
    const report = dormancy(book);
    const { account, daysSince, segment, valueMinor } = report.columns;
    expect(report.customers.map((c) => [c.id, c.daysSince, c.segment, Math.round(c.value.toNumber() * 100)])).toEqual(
      Array.from(account, (a, i) => [book.ids[a], daysSince[i], DORMANCY_SEGMENTS[segment[i]], valueMinor[i]]),
    );
  });

  test('the rows are one array, seen by keys, spreads and JSON like the other fields', () => {
    const rows = [
      { customerId: 'a', date: '2024-01-01', amount: '5.00' },
      { customerId: 'b', date: '2024-02-01', amount: '7.00' },
    ];
    for (const report of [rfm(rows), dormancy(rows)]) {
      expect(report.customers).toBe(report.customers);
      expect(Object.keys(report)).toContain('customers');
      expect({ ...report }.customers).toBe(report.customers);
      expect((JSON.parse(JSON.stringify(report)) as { customers: { id: string }[] }).customers.map((c) => c.id)).toEqual(['a', 'b']);
    }
  });
});
