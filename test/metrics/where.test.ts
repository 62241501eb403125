import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import type { Where } from '../../src/input/attribute-lookup.ts';
import { ledger } from '../../src/input/ledger.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { periodRetention } from '../../src/metrics/period-retention.ts';
import { summarize } from '../../src/metrics/summarize.ts';
import { optionError } from '../helpers/option-error.ts';
import { attributeLedger, ordersArb } from './attribute-orders.ts';

const book = ledger(
  [
    { customerId: 'ann', date: '2024-01-04', amount: 25, category: 'games' },
    { customerId: 'bob', date: '2024-01-18', amount: 40, category: 'books' },
    { customerId: 'ann', date: '2024-02-02', amount: 25, category: 'books' },
    { customerId: 'bob', date: '2024-02-20', amount: 10, category: 'games' },
    { customerId: 'ann', date: '2024-03-15', amount: 30, category: 'books' },
    { customerId: 'cy', date: '2024-04-28', amount: 12, category: 'games' },
  ],
  { attributes: { category: 'category' } },
);

describe('where: the report of the matching orders', () => {
  test('retention of book buyers: active with a book order in the period, new with the first one', () => {
    const rows = periodRetention(book, { period: 'month', where: { category: ['books'] } });
    // The rows run from the whole ledger's first order (January) to its last event (April).
    expect(rows.map((r) => [r.period, r.startCustomers, r.endCustomers, r.acquired, r.retained])).toEqual([
      ['2024-01', 0, 1, 1, 0], // bob
      ['2024-02', 1, 1, 1, 0], // ann's first book order; bob bought games only
      ['2024-03', 1, 1, 0, 1], // ann again
      ['2024-04', 1, 0, 0, 0],
    ]);
  });

  test('lifecycle and summarize of the matching orders', () => {
    const life = periodLifecycle(book, { period: 'month', where: { category: ['games'] } });
    expect(life.map((r) => [r.new, r.returning, r.resurrected, r.dormant])).toEqual([
      [1, 0, 0, 0], // ann
      [1, 0, 0, 1], // bob's first games order; ann dormant
      [0, 0, 0, 1],
      [1, 0, 0, 0], // cy
    ]);
    const games = summarize(book, { where: { category: ['games'] } });
    expect([games.customers, games.orders, games.grossRevenue.toNumber(), games.repeatCustomers]).toEqual([3, 3, 47, 0]);
  });

  test('where and by: filtered first, then broken down', () => {
    const split = periodRetention(book, { period: 'month', where: { category: ['books'] }, by: 'category', segmentRule: 'same-value' });
    expect(split.total).toEqual(periodRetention(book, { period: 'month', where: { category: ['books'] } }));
    expect(split.segments.map((s) => s.value)).toEqual(['books']);
    expect(split.segments[0]?.result).toEqual(split.total);
  });

  test('a filter nothing matches gives rows of zeros over the same periods', () => {
    const rows = periodLifecycle(book, { period: 'month', where: { category: ['toys'] } });
    expect(rows.map((r) => [r.period, r.active, r.dormant])).toEqual([
      ['2024-01', 0, 0],
      ['2024-02', 0, 0],
      ['2024-03', 0, 0],
      ['2024-04', 0, 0],
    ]);
  });

  test('a bad filter is refused, naming the attribute', () => {
    expect(optionError(() => periodRetention(book, { period: 'month', where: { categroy: ['books'] } })).option).toBe('where.categroy');
    expect(optionError(() => summarize(book, { where: { category: 'books' as unknown as string[] } })).option).toBe('where.category');
    expect(optionError(() => periodLifecycle(book, { period: 'month', where: null as unknown as Where })).option).toBe('where');
  });
});

const everything: readonly Where[] = [{}, { category: ['a', 'b', 'c', null] }, { plan: ['free', 'pro', 'team', null] }];

describe('where properties', () => {
  fcTest.prop([ordersArb, fc.constantFrom(...everything), fc.option(fc.constantFrom('category', 'plan'), { nil: undefined })], { numRuns: 100 })(
    'a filter matching every event changes nothing',
    (records, where, by) => {
      const data = attributeLedger(records);
      const breakdown = by === undefined ? {} : { by };
      expect(periodRetention(data, { period: 'week', where, ...breakdown })).toEqual(periodRetention(data, { period: 'week', ...breakdown }));
      expect(periodLifecycle(data, { period: 'month', where, ...breakdown })).toEqual(periodLifecycle(data, { period: 'month', ...breakdown }));
      expect(summarize(data, { where, ...breakdown })).toEqual(summarize(data, breakdown));
    },
  );

  fcTest.prop([ordersArb, fc.subarray(['a', 'b', 'c', null])], { numRuns: 150 })('periodRetention with a filter matches a naive set computation', (records, accepted) => {
    const data = attributeLedger(records);
    const rows = periodRetention(data, { period: 'week', where: { category: accepted } });
    const week = (t: number) => Math.floor((Math.floor(t / 86_400_000) - 4) / 7); // 1970-01-05 was a Monday
    const active = new Map<number, Set<number>>();
    const firstWeek = new Map<number, number>();
    for (const r of records) {
      if (r.amount < 0 || !accepted.includes(r.category)) continue;
      const w = week(r.date);
      active.set(w, (active.get(w) ?? new Set<number>()).add(r.customerId));
      firstWeek.set(r.customerId, Math.min(firstWeek.get(r.customerId) ?? Number.POSITIVE_INFINITY, w));
    }
    // Pinned to the whole ledger: from its first order's week to its last event's.
    const orders = records.filter((r) => r.amount >= 0);
    const expected = orders.length === 0 ? [] : range(Math.min(...orders.map((r) => week(r.date))), Math.max(...records.map((r) => week(r.date))));
    expect(rows.map((r) => week(r.start.getTime()))).toEqual(expected);
    for (const r of rows) {
      const w = week(r.start.getTime());
      const now = active.get(w) ?? new Set<number>();
      const before = active.get(w - 1) ?? new Set<number>();
      expect(r.startCustomers).toBe(before.size);
      expect(r.endCustomers).toBe(now.size);
      expect(r.retained).toBe([...now].filter((c) => before.has(c)).length);
      expect(r.acquired).toBe([...now].filter((c) => firstWeek.get(c) === w).length);
    }
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
