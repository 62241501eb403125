// The results of the segments and cohorts on the CDNOW master file (23,570 customers) as JSON: arrays
// rather than typed arrays' `{"0": …}` objects, a size stated per customer, and the numbers back as
// they were after `JSON.parse`.
import { beforeAll, describe, expect, test } from 'vitest';
import { readCdnow } from '../../example/cdnow.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { ledger } from '../../src/input/ledger.ts';
import type { Ledger } from '../../src/input/types.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { loyaltyTiers } from '../../src/segments/loyalty-tiers.ts';
import { reactivationPotential } from '../../src/segments/reactivation.ts';
import { rfm, rfmGrid } from '../../src/segments/rfm.ts';
import { tierFor } from '../../src/segments/tier-for.ts';

let cdnow: Ledger;
const asOf = '1998-06-30T23:59:59.999Z';
const CUSTOMERS = 23_570;

beforeAll(() => {
  cdnow = ledger(readCdnow());
});

/** A JSON text with no typed array written as an object of numbered keys. */
function expectNoIndexedObjects(json: string): void {
  expect(json).not.toMatch(/\{"0":/);
}

describe('rfm as JSON', () => {
  test('at most 160 bytes a customer (3.77 MB on CDNOW; 5.5 MB of {"0": …} objects before)', () => {
    const json = JSON.stringify(rfm(cdnow, { asOf }));
    expectNoIndexedObjects(json);
    expect(json.length).toBeLessThanOrEqual(160 * CUSTOMERS);
  });

  test('the numbers round-trip', () => {
    const report = rfm(cdnow, { asOf, cuts: { monetary: ['20', '40', '80', '160'] } });
    const back = JSON.parse(JSON.stringify(report)) as ReturnType<typeof report.toJSON>;
    expect(back.customers).toHaveLength(CUSTOMERS);
    report.customers.forEach((c, i) => {
      const b = back.customers[i];
      expect(b).toEqual({ ...c, lastOrder: c.lastOrder.toISOString(), monetary: c.monetary.toString() });
      expect(new Date(b?.lastOrder ?? '').getTime()).toBe(c.lastOrder.getTime());
    });
    expect(back.segments.map((s) => [s.segment, s.customers, s.share, s.revenue, s.averageRecency, s.averageMonetary])).toEqual(
      report.segments.map((s) => [s.segment, s.customers, s.share, s.revenue.toString(), s.averageRecency, s.averageMonetary?.toString() ?? null]),
    );
    expect(back.cuts.monetary).toEqual(['20', '40', '80', '160']);
    expect(JSON.parse(JSON.stringify(rfmGrid(report)))).toEqual(rfmGrid(report));
  });
});

describe('dormancy and reactivation as JSON', () => {
  test('at most 160 bytes a customer, and the numbers round-trip', () => {
    const report = dormancy(cdnow, { asOf, windows: 'adaptive' });
    const json = JSON.stringify(report);
    expectNoIndexedObjects(json);
    expect(json.length).toBeLessThanOrEqual(160 * CUSTOMERS);
    const back = JSON.parse(json) as ReturnType<typeof report.toJSON>;
    report.customers.forEach((c, i) => {
      expect(back.customers[i]).toEqual({ ...c, lastOrder: c.lastOrder.toISOString(), value: c.value.toString() });
    });
    expect(back.segments.lost).toEqual({ customers: report.segments.lost.customers, value: report.segments.lost.value.toString() });
    const potential = reactivationPotential(report, { includeLost: true });
    expect(JSON.parse(JSON.stringify(potential))).toEqual({
      ...potential,
      historicalValue: potential.historicalValue.toString(),
      value: { low: potential.value.low.toString(), high: potential.value.high.toString() },
    });
  });
});

describe('loyalty tiers as JSON', () => {
  test('rows of plain values; the numbers round-trip', () => {
    const tiers = [{ name: 'Silver', threshold: '100.00' }, { name: 'Gold', threshold: '500.00' }];
    const report = loyaltyTiers(cdnow, { tiers, window: { rollingMonths: 12 }, asOf });
    const json = JSON.stringify(report);
    expectNoIndexedObjects(json);
    expect(json.length).toBeLessThanOrEqual(160 * CUSTOMERS);
    const back = JSON.parse(json) as { customers: Record<string, unknown>[]; tiers: Record<string, unknown>[] };
    report.customers.forEach((c, i) => {
      expect(back.customers[i]).toEqual({
        ...c,
        amount: c.amount.toString(),
        missing: c.missing?.toString() ?? null,
        earnedAt: c.earnedAt?.toISOString() ?? null,
      });
    });
    expect(back.tiers).toEqual(report.tiers.map((t) => ({ ...t, threshold: t.threshold.toString() })));
    const status = tierFor([{ date: '1998-01-01', amount: '150.00' }], { tiers, asOf });
    expect(JSON.parse(JSON.stringify(status))).toEqual({ ...status, amount: '150', missing: '350', earnedAt: '1998-01-01T00:00:00.000Z' });
  });
});

describe('cohort and survival tables as JSON', () => {
  test('a monthly cohort table: cells as arrays, the numbers round-trip', () => {
    const table = Cohort.from(cdnow).asOf(asOf).table();
    const json = JSON.stringify(table);
    expectNoIndexedObjects(json);
    expect(json.length).toBeLessThanOrEqual(20_000);
    const back = JSON.parse(json) as { cohorts: { size: number; cells: { rate: number; netRevenue: string; complete: boolean }[] }[] };
    expect(back.cohorts.map((c) => c.cells.map((cell) => [cell.rate, cell.netRevenue, cell.complete]))).toEqual(
      table.cohorts.map((c) => c.cells.map((cell) => [cell.rate, cell.netRevenue.toString(), cell.complete])),
    );
  });

  test('a survival table of the CDNOW customers (start: first order; end: last order when it is over a year old)', () => {
    const report = dormancy(cdnow, { asOf });
    const subscriptions = report.customers.map((c, i) => ({
      customerId: c.id,
      start: new Date(cdnow.firstOrder[report.columns.account[i] ?? 0] ?? 0),
      end: c.daysSince > 365 ? c.lastOrder : null,
    }));
    const table = Cohort.fromSubscriptions(subscriptions).asOf(asOf).table();
    const json = JSON.stringify(table);
    expectNoIndexedObjects(json);
    const back = JSON.parse(json) as { asOf: string; overall: { survival: number; atRisk: number }[]; cohorts: unknown[] };
    expect(back.asOf).toBe(asOf);
    expect(back.cohorts).toHaveLength(3);
    expect(back.overall).toEqual(table.overall.map((c) => ({ ...c })));
  });

  test('a skipped subscription whose value JSON cannot hold is written as text', () => {
    // A bigint far outside the range of dates: skipped however bigint instants are read.
    const start = 10n ** 30n;
    const table = Cohort.fromSubscriptions([{ customerId: 1, start: start as never }], { onInvalid: 'skip' }).table();
    expect(table.skipped[0]?.value).toBe(start);
    expect((JSON.parse(JSON.stringify(table)) as { skipped: { value: unknown }[] }).skipped[0]?.value).toBe(start.toString());
  });
});
