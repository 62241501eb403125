import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { parsePeriodKey } from '../../src/calendar/keys.ts';
import { Cohort } from '../../src/cohort/builder.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { periodRetention } from '../../src/metrics/period-retention.ts';
import { optionError } from '../helpers/option-error.ts';
import { type AttributeOrder, attributeLedger, ordersArb } from './attribute-orders.ts';

const twiceInFebruary = [
  { customerId: 'a', date: '2024-01-10', amount: 10 },
  { customerId: 'b', date: '2024-01-11', amount: 10 },
  { customerId: 'b', date: '2024-01-12', amount: 10 },
  { customerId: 'a', date: '2024-02-03', amount: 10 },
  { customerId: 'a', date: '2024-02-20', amount: 10 },
  { customerId: 'b', date: '2024-02-21', amount: 10 },
];

describe('periodRetention with activeWhen', () => {
  test('a customer is in the base with enough orders in the period; acquired only when their first period qualifies', () => {
    const rows = periodRetention(twiceInFebruary, { period: 'month', activeWhen: { minOrders: 2 } });
    expect(rows.map((r) => [r.startCustomers, r.endCustomers, r.acquired, r.reactivated, r.retained, r.lost])).toEqual([
      [0, 1, 1, 0, 0, 0], // b, two orders in January
      [1, 1, 0, 1, 0, 1], // a meets the rule for the first time (reactivated), b lost
    ]);
  });

  test('minAmount is rounded up to the next minor unit, refunds are not subtracted', () => {
    const data = [
      { customerId: 'a', date: '2024-01-10', amount: '10.01' },
      { customerId: 'b', date: '2024-01-10', amount: '10.00' },
      { customerId: 'c', date: '2024-01-10', amount: '15.00' },
      { customerId: 'c', date: '2024-01-11', amount: '-15.00' },
    ];
    expect(periodRetention(data, { period: 'month', activeWhen: { minAmount: '10.001' } })[0]?.endCustomers).toBe(2);
    expect(periodRetention(data, { period: 'month', activeWhen: { minAmount: 10.01 } })[0]?.endCustomers).toBe(2);
    expect(periodRetention(data, { period: 'month', activeWhen: { minAmount: '10.011' } })[0]?.endCustomers).toBe(1);
    const yen = ledger([{ customerId: 'a', date: '2024-01-10', amount: 1 }], { currency: 'JPY' });
    expect(periodRetention(yen, { period: 'month', activeWhen: { minAmount: 0.5 } })[0]?.endCustomers).toBe(1);
    expect(periodRetention(yen, { period: 'month', activeWhen: { minAmount: 1.5 } })[0]?.endCustomers).toBe(0);
  });

  test('with activeWithin the rule applies to the orders of the window', () => {
    const data = [
      { customerId: 'a', date: '2024-01-25', amount: 10 },
      { customerId: 'a', date: '2024-02-10', amount: 10 },
    ];
    // 45 days: the window ending on Feb 29 (Jan 16 … Feb 29) holds both orders, the one ending on Jan 31 one,
    // the one ending on Mar 31 (Feb 16 … Mar 31) none.
    const rows = periodRetention(data, { period: 'month', activeWithin: { days: 45 }, activeWhen: { minOrders: 2 }, asOf: '2024-03-31' });
    expect(rows.map((r) => [r.period, r.endCustomers, r.acquired, r.reactivated, r.lost])).toEqual([
      ['2024-01', 0, 0, 0, 0],
      ['2024-02', 1, 0, 1, 0],
      ['2024-03', 0, 0, 0, 1],
    ]);
  });

  test('a bad rule is refused, naming the key', () => {
    expect(optionError(() => periodRetention(twiceInFebruary, { period: 'month', activeWhen: { minOrders: 0 } })).option).toBe('activeWhen.minOrders');
    expect(optionError(() => periodRetention(twiceInFebruary, { period: 'month', activeWhen: { minAmount: -1 } })).option).toBe('activeWhen.minAmount');
    expect(optionError(() => periodLifecycle(twiceInFebruary, { period: 'month', activeWhen: { minOrder: 2 } as never })).option).toBe('activeWhen.minOrder');
    expect(optionError(() => periodLifecycle(twiceInFebruary, { period: 'month', activeWhen: 2 as never })).option).toBe('activeWhen');
  });
});

describe('periodLifecycle with activeWhen', () => {
  test('new in the first order\'s period when it qualifies; a later first qualifying period is resurrected', () => {
    const rows = periodLifecycle(twiceInFebruary, { period: 'month', activeWhen: { minOrders: 2 } });
    expect(rows.map((r) => [r.active, r.new, r.returning, r.resurrected, r.dormant])).toEqual([
      [1, 1, 0, 0, 0],
      [1, 0, 0, 1, 1],
    ]);
  });

  test('the orders of a period that falls short of the rule are in no state\'s revenue', () => {
    const rows = periodLifecycle(twiceInFebruary, { period: 'month', activeWhen: { minOrders: 2 } });
    expect(rows.map((r) => [r.newRevenue.toNumber(), r.resurrectedRevenue.toNumber()])).toEqual([
      [20, 0], // b's two orders; a's single order is in none
      [0, 20], // a's two orders; b's single order is in none
    ]);
  });
});

const ruleArb = fc.record({ minOrders: fc.integer({ min: 1, max: 3 }), minAmount: fc.integer({ min: 0, max: 20 }) }, { requiredKeys: [] });
const windowArb = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined });
const DAY = 86_400_000;
const week = (t: number) => Math.floor((Math.floor(t / DAY) - 4) / 7); // 1970-01-05 was a Monday

/** Whether a customer's orders on days `from … to` meet the rule (amounts in major units here). */
function meets(records: readonly AttributeOrder[], customer: number, from: number, to: number, rule: { minOrders?: number; minAmount?: number }): boolean {
  const orders = records.filter((r) => r.customerId === customer && r.amount >= 0 && Math.floor(r.date / DAY) >= from && Math.floor(r.date / DAY) <= to);
  return orders.length >= (rule.minOrders ?? 1) && orders.reduce((sum, r) => sum + r.amount, 0) >= (rule.minAmount ?? 0);
}

describe('activeWhen properties', () => {
  fcTest.prop([ordersArb, windowArb], { numRuns: 100 })('the default rule, spelt out, changes nothing', (records, days) => {
    const data = attributeLedger(records);
    const window = days === undefined ? {} : { activeWithin: { days } };
    const plain = periodRetention(data, { period: 'week', ...window });
    for (const activeWhen of [{}, { minOrders: 1 }, { minAmount: 0 }]) {
      expect(periodRetention(data, { period: 'week', ...window, activeWhen })).toEqual(plain);
      expect(periodLifecycle(data, { period: 'week', activeWhen })).toEqual(periodLifecycle(data, { period: 'week' }));
    }
  });

  fcTest.prop([ordersArb, ruleArb, windowArb], { numRuns: 150 })('periodRetention matches a naive computation of the base', (records, rule, days) => {
    const rows = periodRetention(attributeLedger(records), { period: 'week', activeWhen: rule, ...(days === undefined ? {} : { activeWithin: { days } }) });
    const customers = [...new Set(records.filter((r) => r.amount >= 0).map((r) => r.customerId))];
    const first = (c: number) => Math.min(...records.filter((r) => r.customerId === c && r.amount >= 0).map((r) => week(r.date)));
    // The base at the end of week w: the rule met by the orders of week w, or of the window's days ending on its Sunday.
    const inBase = (c: number, w: number) => {
      const last = w * 7 + 4 + 6;
      return meets(records, c, days === undefined ? last - 6 : last - days + 1, last, rule);
    };
    for (const r of rows) {
      const w = week(r.start.getTime());
      const end = customers.filter((c) => inBase(c, w));
      const start = customers.filter((c) => inBase(c, w - 1));
      expect(r.endCustomers).toBe(end.length);
      expect(r.startCustomers).toBe(start.length);
      expect(r.retained).toBe(end.filter((c) => start.includes(c)).length);
      expect(r.acquired).toBe(end.filter((c) => first(c) === w).length);
    }
  });

  fcTest.prop([ordersArb, ruleArb], { numRuns: 150 })('periodLifecycle agrees with periodRetention under the same rule, and its identities hold', (records, rule) => {
    const data = attributeLedger(records);
    const life = periodLifecycle(data, { period: 'week', activeWhen: rule });
    const retention = periodRetention(data, { period: 'week', activeWhen: rule });
    let previousActive = 0;
    life.forEach((r, i) => {
      expect(r.active).toBe(r.new + r.returning + r.resurrected);
      expect(previousActive).toBe(r.returning + r.dormant);
      expect([r.new, r.returning, r.resurrected, r.active]).toEqual([retention[i]?.acquired, retention[i]?.retained, retention[i]?.reactivated, retention[i]?.endCustomers]);
      previousActive = r.active;
    });
  });

  fcTest.prop([ordersArb, ruleArb], { numRuns: 60 })("periodLifecycle's active customers are the cohorts' cells of the period under the same rule", (records, rule) => {
    const data = attributeLedger(records);
    const life = periodLifecycle(data, { period: 'month', activeWhen: rule });
    const table = Cohort.from(data).activeWhen(rule).table();
    for (const row of life) {
      const p = parsePeriodKey(row.period, 'month');
      let active = 0;
      for (const cohort of table.cohorts) active += cohort.cells[p - parsePeriodKey(cohort.key, 'month')]?.customers ?? 0;
      expect(active).toBe(row.active);
    }
  });
});
