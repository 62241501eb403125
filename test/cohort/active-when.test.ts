import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortTable } from '../../src/cohort/types.ts';
import { InvalidOptionError } from '../../src/errors.ts';

const DAY = 86_400_000;
const AS_OF = Date.UTC(2024, 6, 1);

const orderArb = fc.record({
  customerId: fc.integer({ min: 0, max: 15 }),
  date: fc.integer({ min: 0, max: 200 }).map((d) => Date.UTC(2024, 0, 1) + d * DAY),
  amount: fc.integer({ min: 0, max: 90 }),
});
const ruleArb = fc.record({ minOrders: fc.integer({ min: 1, max: 4 }), minAmount: fc.integer({ min: 0, max: 150 }) });

const grid = (table: CohortTable): number[][] => table.cohorts.map((c) => c.cells.map((cell) => cell.customers));
const monthOf = (ms: number): number => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

/**
 * Monthly classic cells read literally, orders after `AS_OF` left out: the customers of each first-order month with at least
 * `minOrders` orders in month k after it, summing to at least `minAmount` (whole currency units).
 */
function naiveGrid(orders: readonly { customerId: number; date: number; amount: number }[], minOrders: number, minAmount: number): number[][] {
  const byCustomer = new Map<number, { month: number; amount: number }[]>();
  for (const o of orders.filter((order) => order.date <= AS_OF)) byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), { month: monthOf(o.date), amount: o.amount }]);
  const cohorts = new Map<number, Map<number, { month: number; amount: number }[]>>();
  for (const [id, list] of byCustomer) {
    const first = Math.min(...list.map((o) => o.month));
    cohorts.set(first, (cohorts.get(first) ?? new Map()).set(id, list));
  }
  const last = monthOf(AS_OF);
  return [...cohorts.keys()].sort((a, b) => a - b).map((first) => {
    const cells: number[] = [];
    for (let k = 0; first + k <= last; k++) {
      let active = 0;
      for (const list of cohorts.get(first)?.values() ?? []) {
        const there = list.filter((o) => o.month === first + k);
        if (there.length >= minOrders && there.reduce((sum, o) => sum + o.amount, 0) >= minAmount) active++;
      }
      cells.push(active);
    }
    return cells;
  });
}

describe('activeWhen', () => {
  fcTest.prop([fc.array(orderArb, { minLength: 1, maxLength: 60 }), ruleArb])(
    'a customer is active in a month with at least minOrders orders summing to at least minAmount',
    (orders, rule) => {
      const table = Cohort.from(orders).asOf(AS_OF).activeWhen(rule).table();
      expect(grid(table)).toEqual(naiveGrid(orders, rule.minOrders, rule.minAmount));
    },
  );

  fcTest.prop([fc.array(orderArb, { minLength: 1, maxLength: 60 }), fc.constantFrom('classic' as const, 'unbounded' as const)])(
    'the default rule is one order of any amount: the table without the step',
    (orders, mode) => {
      const base = Cohort.from(orders).asOf(AS_OF).mode(mode);
      expect(base.activeWhen({}).table()).toEqual(base.table());
      expect(base.activeWhen({ minOrders: 1, minAmount: 0 }).table()).toEqual(base.table());
    },
  );

  fcTest.prop([fc.array(orderArb, { minLength: 1, maxLength: 60 }), ruleArb])(
    "unbounded counts the customers whose last month meeting the rule is at k or later",
    (orders, rule) => {
      const classic = grid(Cohort.from(orders).asOf(AS_OF).activeWhen(rule).table());
      const unbounded = grid(Cohort.from(orders).asOf(AS_OF).mode('unbounded').activeWhen(rule).table());
      // Every unbounded cell is at least its classic one, and never rises along a row.
      unbounded.forEach((row, c) =>
        row.forEach((n, k) => {
          expect(n).toBeGreaterThanOrEqual(classic[c][k]);
          if (k > 0) expect(n).toBeLessThanOrEqual(row[k - 1]);
        }),
      );
    },
  );

  test('refunds do not take away from the amount a month needs', () => {
    const orders = [
      { customerId: 'a', date: '2024-01-05', amount: 60 },
      { customerId: 'a', date: '2024-01-06', amount: -60 },
    ];
    expect(grid(Cohort.from(orders).asOf('2024-01-31T00:00:00Z').activeWhen({ minAmount: 50 }).table())).toEqual([[1]]);
  });

  test('money and orders count every order, whatever the rule', () => {
    const orders = [
      { customerId: 'a', date: '2024-01-05', amount: 10 },
      { customerId: 'b', date: '2024-01-06', amount: 20 },
    ];
    const cell = Cohort.from(orders).asOf('2024-01-31T00:00:00Z').activeWhen({ minOrders: 2 }).table().cohorts[0]?.cells[0];
    expect([cell?.customers, cell?.orders, cell?.grossRevenue.toString()]).toEqual([0, 2, '30']);
  });

  test('an amount finer than the currency is the next whole minor unit: 0.005 needs a cent', () => {
    const orders = [{ customerId: 'a', date: '2024-01-05', amount: 0 }];
    const base = Cohort.from(orders).asOf('2024-01-31T00:00:00Z');
    expect(grid(base.activeWhen({ minAmount: '0.005' }).table())).toEqual([[0]]);
    expect(grid(base.activeWhen({ minAmount: '0' }).table())).toEqual([[1]]);
  });

  test('brackets count a customer active in any month of the bracket once', () => {
    const orders = [
      { customerId: 'a', date: '2024-01-05', amount: 10 },
      { customerId: 'a', date: '2024-02-05', amount: 10 },
      { customerId: 'a', date: '2024-02-06', amount: 10 },
      { customerId: 'a', date: '2024-03-05', amount: 10 },
      { customerId: 'a', date: '2024-03-06', amount: 10 },
    ];
    const table = Cohort.from(orders).asOf('2024-04-01T00:00:00Z').brackets([[0], [1, 2]]).activeWhen({ minOrders: 2 }).table();
    expect(grid(table)).toEqual([[0, 1]]);
  });

  test('a bad rule is an InvalidOptionError naming the field', () => {
    const base = Cohort.from([{ customerId: 'a', date: '2024-01-05', amount: 10 }]);
    expect(() => base.activeWhen({ minOrders: 0 })).toThrow(/^activeWhen\.minOrders: /);
    expect(() => base.activeWhen({ minOrders: 1.5 })).toThrow(/^activeWhen\.minOrders: /);
    expect(() => base.activeWhen({ minAmount: -1 })).toThrow(/^activeWhen\.minAmount: /);
    expect(() => base.activeWhen({ minAmount: 'ten' })).toThrow(/^activeWhen\.minAmount: /);
    expect(() => base.activeWhen({ minOrder: 2 } as unknown as { minOrders: number })).toThrow(/^activeWhen\.minOrder: /);
    expect(() => base.activeWhen(null as unknown as { minOrders: number })).toThrow(InvalidOptionError);
  });
});
