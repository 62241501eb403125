import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Where } from '../../src/input/attribute-lookup.ts';
import type { Breakdown } from '../../src/input/breakdown.ts';
import { ledger } from '../../src/input/ledger.ts';
import { type LifecycleRow, periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { type PeriodRetentionRow, periodRetention } from '../../src/metrics/period-retention.ts';
import { type Summary, summarize } from '../../src/metrics/summarize.ts';
import { optionError } from '../helpers/option-error.ts';
import { type AttributeOrder, attributeLedger, ordersArb, planOf, shuffled } from './attribute-orders.ts';

const book = ledger(
  [
    { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
    { customerId: 'b', date: '2024-01-12', amount: 20, channel: 'ads' },
    { customerId: 'a', date: '2024-02-03', amount: 10, channel: 'mail' },
    { customerId: 'c', date: '2024-03-04', amount: 5, channel: 'mail' },
    { customerId: 'b', date: '2024-04-20', amount: 20, channel: 'mail' },
  ],
  { attributes: { channel: 'channel' } },
);

describe('breakdowns of the period reports cover the total\'s periods', () => {
  test('a segment without orders in the early periods has rows of zeros there', () => {
    const split = periodRetention(book, { period: 'month', by: 'channel' });
    expect(split.by).toBe('channel');
    expect(split.rule).toBe('customer');
    expect(split.total.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(split.segments.map((s) => [s.value, s.customers])).toEqual([
      ['ads', 2],
      ['mail', 1],
    ]);
    const mail = split.segments[1]?.result ?? [];
    expect(mail.map((r) => [r.period, r.endCustomers, r.acquired])).toEqual([
      ['2024-01', 0, 0],
      ['2024-02', 0, 0],
      ['2024-03', 1, 1],
      ['2024-04', 0, 0],
    ]);
  });

  test("asOf defaults to the whole ledger's last event, not the segment's", () => {
    const split = periodLifecycle(book, { period: 'month', by: 'channel' });
    const mail = split.segments[1]?.result ?? [];
    expect(mail.at(-1)).toMatchObject({ period: '2024-04', dormant: 1, complete: false });
    expect(mail.at(-1)?.end.getTime()).toBe(split.total.at(-1)?.end.getTime());
  });

  test('from and asOf given apply to every segment', () => {
    const split = periodRetention(book, { period: 'month', by: 'channel', from: '2024-02-01', asOf: '2024-03-31' });
    for (const part of [split.total, ...split.segments.map((s) => s.result)]) {
      expect(part.map((r) => r.period)).toEqual(['2024-02', '2024-03']);
    }
    // History before `from` still counts: a and b were in the base at the start of February.
    expect(split.segments[0]?.result[0]).toMatchObject({ startCustomers: 2, retained: 1, lost: 1 });
  });

  test('same-value: a segment holds the orders with its value, a customer can be in several', () => {
    const split = periodRetention(book, { period: 'month', by: 'channel', segmentRule: 'same-value' });
    expect(split.rule).toBe('same-value');
    expect(split.segments.map((s) => [s.value, s.customers])).toEqual([
      ['ads', 2],
      ['mail', 3],
    ]);
    // a's February order is their first "mail" order: acquired there, not retained from January.
    expect(split.segments[1]?.result.map((r) => [r.acquired, r.retained])).toEqual([
      [0, 0],
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  test('summarize: every segment over the same window', () => {
    const split = summarize(book, { by: 'channel', from: '2024-02-01', to: '2024-04-01' });
    expect(split.total.orders).toBe(2);
    expect(split.segments.map((s) => [s.value, s.result.customers, s.result.orders, s.result.repeatCustomers])).toEqual([
      ['ads', 1, 1, 1],
      ['mail', 1, 1, 0],
    ]);
  });

  test('the result is frozen; without `by` the report is as before', () => {
    const split = summarize(book, { by: 'channel' });
    expect(Object.isFrozen(split)).toBe(true);
    expect(Object.isFrozen(split.segments[0])).toBe(true);
    expect(summarize(book, {})).toEqual(summarize(book));
    expect(periodRetention(book, { period: 'month', where: {} })).toEqual(periodRetention(book, { period: 'month' }));
  });

  test('the return type follows `by`', () => {
    expectTypeOf(periodRetention(book, { period: 'month' })).toEqualTypeOf<PeriodRetentionRow[]>();
    expectTypeOf(periodRetention(book, { period: 'month', by: 'channel' })).toEqualTypeOf<Breakdown<PeriodRetentionRow[]>>();
    expectTypeOf(periodLifecycle(book, { period: 'month' })).toEqualTypeOf<LifecycleRow[]>();
    expectTypeOf(periodLifecycle(book, { period: 'month', by: 'channel' })).toEqualTypeOf<Breakdown<LifecycleRow[]>>();
    expectTypeOf(summarize(book)).toEqualTypeOf<Summary>();
    expectTypeOf(summarize(book, { by: 'channel' })).toEqualTypeOf<Breakdown<Summary>>();
  });

  test('bad breakdown options are refused, naming the option', () => {
    expect(optionError(() => periodRetention(book, { period: 'month', by: 'chanel' })).message).toContain('did you mean `channel`?');
    expect(optionError(() => summarize(book, { segmentRule: 'same-value' })).option).toBe('segmentRule');
    expect(optionError(() => periodLifecycle(book, { period: 'month', by: 'channel', segmentRule: 'each' as 'customer' })).option).toBe('segmentRule');
    expect(optionError(() => summarize(book, { by: 3 as unknown as string })).option).toBe('by');
    expect(optionError(() => periodRetention([{ customerId: 1, date: 0, amount: 1 }], { period: 'month', by: 'channel' })).option).toBe('by');
  });
});

describe('a segment is the customers its report counts, and a segment whose report counts none is left out', () => {
  const lateMail = ledger(
    [
      { customerId: 'a', date: '2024-01-10', amount: 10, channel: 'ads' },
      { customerId: 'b', date: '2024-06-10', amount: 10, channel: 'mail' },
    ],
    { attributes: { channel: 'channel' } },
  );

  test('period reports: the customers whose first order is at or before asOf', () => {
    const retention = periodRetention(lateMail, { period: 'month', by: 'channel', asOf: '2024-02-01' });
    expect(retention.segments.map((s) => [s.value, s.customers])).toEqual([['ads', 1]]);
    const lifecycle = periodLifecycle(lateMail, { period: 'month', by: 'channel', asOf: '2024-02-01' });
    expect(lifecycle.segments.map((s) => [s.value, s.customers])).toEqual([['ads', 1]]);
    const later = periodRetention(lateMail, { period: 'month', by: 'channel' });
    expect(later.segments.map((s) => [s.value, s.customers])).toEqual([
      ['ads', 1],
      ['mail', 1],
    ]);
  });

  test('summarize: the customers of the window', () => {
    const split = summarize(lateMail, { by: 'channel', to: '2024-02-01' });
    expect(split.segments.map((s) => [s.value, s.customers, s.result.customers])).toEqual([['ads', 1, 1]]);
    const june = summarize(lateMail, { by: 'channel', from: '2024-06-01' });
    expect(june.segments.map((s) => [s.value, s.customers])).toEqual([['mail', 1]]);
  });
});

const whereArb = fc.constantFrom<Where | undefined>(undefined, { category: ['a', 'b'] }, { plan: ['pro', null] });

/** Whether a record matches one of the filters of `whereArb`. */
function matches(where: Where | undefined, record: AttributeOrder): boolean {
  if (where === undefined) return true;
  if (where.category !== undefined) return where.category.includes(record.category);
  return where.plan?.includes(planOf(record.customerId)) ?? true;
}

describe("a segment's customers", () => {
  fcTest.prop([ordersArb, fc.constantFrom('category', 'plan'), whereArb, fc.integer({ min: 19_690, max: 19_910 })], { numRuns: 150 })(
    'period reports: customers with a (matching) order at or before asOf; under the customer rule they add up to all such customers',
    (records, by, where, day) => {
      const asOf = day * 86_400_000;
      const data = attributeLedger(records);
      const scope = { period: 'week' as const, by, asOf, ...(where === undefined ? {} : { where }) };
      const customers = new Set(records.filter((r) => r.amount >= 0 && r.date <= asOf && matches(where, r)).map((r) => r.customerId));
      for (const split of [periodRetention(data, scope), periodLifecycle(data, scope)]) {
        for (const s of split.segments) expect(s.customers).toBeGreaterThan(0);
        expect(split.segments.reduce((n, s) => n + s.customers, 0)).toBe(customers.size);
      }
    },
  );

  fcTest.prop([ordersArb, fc.constantFrom('category', 'plan'), fc.constantFrom('customer' as const, 'same-value' as const), fc.integer({ min: 19_690, max: 19_910 })], {
    numRuns: 150,
  })('summarize: the customers of the window, never none', (records, by, segmentRule, day) => {
    const split = summarize(attributeLedger(records), { by, segmentRule, from: day * 86_400_000 });
    for (const s of split.segments) {
      expect(s.customers).toBe(s.result.customers);
      expect(s.customers).toBeGreaterThan(0);
    }
  });
});

const optionsArb = fc.record(
  {
    period: fc.constantFrom('week' as const, 'month' as const),
    by: fc.constantFrom('category', 'plan'),
    activeWithin: fc.integer({ min: 1, max: 60 }).map((days) => ({ days })),
    activeWhen: fc.record({ minOrders: fc.integer({ min: 1, max: 3 }), minAmount: fc.integer({ min: 0, max: 15 }) }),
    where: fc.constantFrom<Where>({ category: ['a', 'b'] }, { plan: ['pro', null] }),
    from: fc.integer({ min: 19_690, max: 19_900 }).map((d) => d * 86_400_000),
  },
  { requiredKeys: ['period', 'by'] },
);

describe("under the customer rule the segments add up to the total", () => {
  fcTest.prop([ordersArb, optionsArb], { numRuns: 150 })('periodRetention: S, E, acquired, reactivated, retained, lost', (records, options) => {
    const split = periodRetention(attributeLedger(records), options);
    const fields = ['startCustomers', 'endCustomers', 'acquired', 'reactivated', 'retained', 'lost'] as const;
    split.total.forEach((row, i) => {
      for (const field of fields) expect(split.segments.reduce((sum, s) => sum + s.result[i][field], 0)).toBe(row[field]);
    });
    for (const s of split.segments) expect(s.result.map((r) => r.period)).toEqual(split.total.map((r) => r.period));
  });

  fcTest.prop([ordersArb, optionsArb], { numRuns: 150 })('periodLifecycle: the states and their revenue', (records, { activeWithin: _, ...options }) => {
    const split = periodLifecycle(attributeLedger(records), options);
    split.total.forEach((row, i) => {
      for (const field of ['active', 'new', 'returning', 'resurrected', 'dormant'] as const) {
        expect(split.segments.reduce((sum, s) => sum + s.result[i][field], 0)).toBe(row[field]);
      }
      for (const field of ['newRevenue', 'returningRevenue', 'resurrectedRevenue'] as const) {
        expect(split.segments.reduce((sum, s) => sum.plus(s.result[i][field]), row[field].minus(row[field])).toString()).toBe(row[field].toString());
      }
    });
    for (const s of split.segments) expect(s.result.map((r) => r.period)).toEqual(split.total.map((r) => r.period));
  });

  fcTest.prop([ordersArb, fc.constantFrom('category', 'plan'), fc.integer({ min: 19_690, max: 19_900 })], { numRuns: 150 })(
    'summarize: customers, orders, revenue, repeat customers and revenue; first and last order',
    (records, by, day) => {
      const split = summarize(attributeLedger(records), { by, from: day * 86_400_000 });
      const total = split.total;
      const sum = (pick: (s: Summary) => number) => split.segments.reduce((acc, s) => acc + pick(s.result), 0);
      expect(sum((s) => s.customers)).toBe(total.customers);
      expect(sum((s) => s.orders)).toBe(total.orders);
      expect(sum((s) => s.zeroValueOrders)).toBe(total.zeroValueOrders);
      expect(sum((s) => s.repeatCustomers)).toBe(total.repeatCustomers);
      expect(sum((s) => s.grossRevenue.toNumber())).toBeCloseTo(total.grossRevenue.toNumber(), 9);
      expect(sum((s) => s.repeatRevenue.toNumber())).toBeCloseTo(total.repeatRevenue.toNumber(), 9);
      const firsts = split.segments.map((s) => s.result.firstOrder?.getTime() ?? Number.POSITIVE_INFINITY);
      expect(total.firstOrder?.getTime() ?? Number.POSITIVE_INFINITY).toBe(Math.min(Number.POSITIVE_INFINITY, ...firsts));
      const lasts = split.segments.map((s) => s.result.lastOrder?.getTime() ?? Number.NEGATIVE_INFINITY);
      expect(total.lastOrder?.getTime() ?? Number.NEGATIVE_INFINITY).toBe(Math.max(Number.NEGATIVE_INFINITY, ...lasts));
    },
  );

  fcTest.prop([ordersArb, fc.constantFrom('category', 'plan')], { numRuns: 150 })(
    'summarize: refunds add up when every account has an order',
    (records, by) => {
      const ordered = new Set(records.filter((r) => r.amount >= 0).map((r) => r.customerId));
      const split = summarize(attributeLedger(records.filter((r) => ordered.has(r.customerId))), { by });
      expect(split.segments.reduce((n, s) => n + s.result.refunds, 0)).toBe(split.total.refunds);
      expect(split.segments.reduce((n, s) => n + s.result.netRevenue.toNumber(), 0)).toBeCloseTo(split.total.netRevenue.toNumber(), 9);
    },
  );

  test('summarize: the refunds of an account that never ordered are in no segment (it is no customer, and has no value)', () => {
    const refundsOnly = ledger(
      [
        { customerId: 'a', date: '2024-01-10', amount: 10 },
        { customerId: 'z', date: '2024-01-11', amount: -4 },
      ],
      { customers: [{ customerId: 'a', plan: 'pro' }, { customerId: 'z', plan: 'free' }] },
    );
    const split = summarize(refundsOnly, { by: 'plan' });
    expect(split.total.refunds).toBe(1);
    expect(split.segments.map((s) => [s.value, s.result.refunds])).toEqual([['pro', 0]]);
  });
});

describe('input order', () => {
  fcTest.prop([ordersArb, fc.integer(), fc.constantFrom('customer' as const, 'same-value' as const), fc.constantFrom('category', 'plan')], { numRuns: 100 })(
    'shuffled records give the same breakdowns',
    (records, seed, segmentRule, by) => {
      const a = attributeLedger(records);
      const b = attributeLedger(shuffled(records, seed));
      const options = { period: 'week' as const, by, segmentRule };
      expect(periodRetention(b, options)).toEqual(periodRetention(a, options));
      expect(periodLifecycle(b, { ...options, activeWhen: { minOrders: 2 } })).toEqual(periodLifecycle(a, { ...options, activeWhen: { minOrders: 2 } }));
      expect(summarize(b, { by, segmentRule })).toEqual(summarize(a, { by, segmentRule }));
    },
  );
});
