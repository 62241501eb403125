// The segment reports by a customer attribute (`by`): customers are classified once over everyone and
// each value's summary counts its customers as the report classified them.
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import type { CustomerId, Ledger } from '../../src/input/types.ts';
import { dormancy } from '../../src/segments/dormancy.ts';
import { loyaltyTiers } from '../../src/segments/loyalty-tiers.ts';
import { rfm } from '../../src/segments/rfm.ts';
import { optionError } from '../helpers/option-error.ts';
import { type Data, type Row, data, valueOf } from './by-value-data.ts';

const asOf = '2024-12-31T23:59:59.999Z';
const tiers = [{ name: 'Silver', threshold: '100.00' }, { name: 'Gold', threshold: '400.00' }];

/** Counts of `key` over the customers of each value, in the summary's order: `[value, customers, counts by key]`. */
function naiveCounts(d: Data, customers: readonly { id: CustomerId }[], keyOf: (i: number) => string, keys: readonly string[]): [string | null, number, number[]][] {
  const byValue = new Map<string | null, number[]>();
  customers.forEach((c, i) => {
    const value = valueOf(d, c.id);
    const counts = byValue.get(value) ?? keys.map(() => 0);
    counts[keys.indexOf(keyOf(i))] += 1;
    byValue.set(value, counts);
  });
  const values = [...byValue.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return values.map((v) => {
    const counts = byValue.get(v) ?? [];
    return [v, counts.reduce((x, y) => x + y, 0), counts];
  });
}

function book(d: Data, rows: readonly Row[] = d.rows): Ledger {
  return ledger(rows, { attributes: { channel: 'channel' }, customers: d.customers });
}

describe('by: one summary per value of a customer attribute', () => {
  fcTest.prop([data, fc.constantFrom('total', 'mean') as fc.Arbitrary<'total' | 'mean'>], { numRuns: 120 })(
    'rfm: each value counts its customers in the segments of the one scoring over everyone',
    (d, monetary) => {
      const report = rfm(book(d), { asOf, monetary, by: d.by });
      const names = report.segments.map((s) => s.segment);
      const by = report.by;
      expect(by?.attribute).toBe(d.by);
      expect(by?.values.map((v) => [v.value, v.customers, v.segments.map((s) => s.customers)])).toEqual(
        naiveCounts(d, report.customers, (i) => report.customers[i]?.segment ?? '', names),
      );
      for (const v of by?.values ?? []) {
        const own = report.customers.filter((c) => valueOf(d, c.id) === v.value);
        v.segments.forEach((s, k) => {
          const inSegment = own.filter((c) => c.segment === names[k]);
          expect(s.share).toBe(s.customers / v.customers);
          expect(s.averageRecency).toBe(inSegment.length === 0 ? null : inSegment.reduce((x, c) => x + c.recency, 0) / inSegment.length);
          if (monetary === 'total') expect(Math.round(s.revenue.toNumber() * 100)).toBe(inSegment.reduce((x, c) => x + Math.round(c.monetary.toNumber() * 100), 0));
        });
      }
    },
  );

  fcTest.prop([data], { numRuns: 120 })('dormancy: each value counts its customers in the segments the report gave them', (d) => {
    const report = dormancy(book(d), { asOf, by: d.by });
    const names = ['active', 'atRisk', 'dormant', 'lost'] as const;
    expect(report.by?.values.map((v) => [v.value, v.customers, names.map((s) => v.segments[s].customers)])).toEqual(
      naiveCounts(d, report.customers, (i) => report.customers[i]?.segment ?? '', names),
    );
    for (const v of report.by?.values ?? []) {
      for (const s of names) {
        const cents = report.customers.filter((c) => valueOf(d, c.id) === v.value && c.segment === s).reduce((x, c) => x + Math.round(c.value.toNumber() * 100), 0);
        expect(Math.round(v.segments[s].value.toNumber() * 100)).toBe(cents);
      }
    }
  });

  fcTest.prop([data], { numRuns: 120 })('loyaltyTiers: each value counts its customers in the tiers the report gave them', (d) => {
    const report = loyaltyTiers(book(d), { tiers, asOf, by: d.by });
    const keys = ['Silver', 'Gold', ''];
    expect(report.by?.values.map((v) => [v.value, v.customers, [...v.tiers.map((t) => t.customers), v.withoutTier]])).toEqual(
      naiveCounts(d, report.customers, (i) => report.customers[i]?.tier ?? '', keys),
    );
    for (const v of report.by?.values ?? []) expect(v.tiers.map((t) => t.threshold.toFixed(2))).toEqual(['100.00', '400.00']);
  });

  fcTest.prop([data], { numRuns: 120 })('the values add up to the report: customers, and each segment’s or tier’s count', (d) => {
    const sum = <T>(values: readonly T[] | undefined, f: (v: T) => number) => (values ?? []).reduce((x, v) => x + f(v), 0);
    const r = rfm(book(d), { asOf, by: d.by });
    expect(sum(r.by?.values, (v) => v.customers)).toBe(r.customers.length);
    r.segments.forEach((s, k) => expect(sum(r.by?.values, (v) => v.segments[k]?.customers ?? 0)).toBe(s.customers));
    r.segments.forEach((s, k) => expect(sum(r.by?.values, (v) => Math.round((v.segments[k]?.revenue.toNumber() ?? 0) * 100))).toBe(Math.round(s.revenue.toNumber() * 100)));
    const dm = dormancy(book(d), { asOf, by: d.by });
    expect(sum(dm.by?.values, (v) => v.customers)).toBe(dm.customers.length);
    for (const s of ['active', 'atRisk', 'dormant', 'lost'] as const) expect(sum(dm.by?.values, (v) => v.segments[s].customers)).toBe(dm.segments[s].customers);
    const t = loyaltyTiers(book(d), { tiers, asOf, by: d.by });
    expect(sum(t.by?.values, (v) => v.customers)).toBe(t.customers.length);
    expect(sum(t.by?.values, (v) => v.withoutTier)).toBe(t.withoutTier);
    t.tiers.forEach((tier, k) => expect(sum(t.by?.values, (v) => v.tiers[k]?.customers ?? 0)).toBe(tier.customers));
  });

  fcTest.prop([data], { numRuns: 80 })('shuffled input changes nothing', (d) => {
    const rows = [...d.rows].reverse();
    const reversed: Data = { ...d, rows, customers: [...d.customers].reverse() };
    const options = { asOf, by: d.by };
    expect(JSON.stringify(rfm(book(reversed), options).by)).toBe(JSON.stringify(rfm(book(d), options).by));
    expect(JSON.stringify(rfm(book(reversed), { ...options, monetary: 'mean' }).by)).toBe(JSON.stringify(rfm(book(d), { ...options, monetary: 'mean' }).by));
    expect(JSON.stringify(dormancy(book(reversed), options).by)).toBe(JSON.stringify(dormancy(book(d), options).by));
    expect(JSON.stringify(loyaltyTiers(book(reversed), { ...options, tiers }).by)).toBe(JSON.stringify(loyaltyTiers(book(d), { ...options, tiers }).by));
  });

  fcTest.prop([data, fc.constantFrom('total', 'mean') as fc.Arbitrary<'total' | 'mean'>], { numRuns: 80 })(
    'one value for everyone: its summary is the report’s',
    (d, monetary) => {
      const ids = [13, ...new Set(d.rows.map((r) => r.customerId))];
      const everyone: Data = { ...d, by: 'plan', customers: ids.map((customerId) => ({ customerId, plan: 'all' })) };
      const r = rfm(book(everyone), { asOf, monetary, by: 'plan' });
      expect(r.by?.values.map((v) => v.value)).toEqual(r.customers.length === 0 ? [] : ['all']);
      if (r.customers.length > 0) expect(JSON.stringify(r.by?.values[0]?.segments)).toBe(JSON.stringify(r.segments));
      const dm = dormancy(book(everyone), { asOf, by: 'plan' });
      if (dm.customers.length > 0) expect(JSON.stringify(dm.by?.values[0]?.segments)).toBe(JSON.stringify(dm.segments));
    },
  );
});

describe('by: values and shape', () => {
  const rows = [
    { customerId: 'a', date: '2024-03-01', amount: '10.00', channel: 'b' },
    { customerId: 'b', date: '2024-03-02', amount: '10.00', channel: 'B' },
    { customerId: 'c', date: '2024-03-03', amount: '10.00' },
    { customerId: 'd', date: '2024-03-04', amount: '10.00', channel: 'Ä' },
    { customerId: 'e', date: '2025-03-04', amount: '10.00', channel: 'late' }, // after asOf: not a customer
  ];
  const withChannel = ledger(rows, { attributes: { channel: 'channel' }, customers: [{ customerId: 'c', plan: 'team' }, { customerId: 'a', plan: 'solo' }, { customerId: 'b' }] });

  test('values in code-unit order, the missing value last, only values with customers', () => {
    const report = dormancy(withChannel, { asOf, by: 'channel' });
    expect(report.by?.values.map((v) => v.value)).toEqual(['B', 'b', 'Ä', null]);
  });

  test('a customer attribute: customers without a row or without the attribute have no value', () => {
    const report = rfm(withChannel, { asOf, by: 'plan' });
    expect(report.by?.values.map((v) => [v.value, v.customers])).toEqual([['solo', 1], ['team', 1], [null, 2]]);
  });

  const firstOrder = [
    { customerId: 'a', date: '2024-04-01', amount: '-5.00', channel: 'refund' },
    { customerId: 'a', date: '2024-04-02', amount: '10.00', channel: 'first' },
    { customerId: 'a', date: '2024-05-01', amount: '10.00', channel: 'later' },
  ];

  test('a customer’s value is the one on their first order (a refund is no order)', () => {
    const book = ledger(firstOrder, { attributes: { channel: 'channel' } });
    expect(loyaltyTiers(book, { tiers, asOf, by: 'channel' }).by?.values.map((v) => v.value)).toEqual(['first']);
  });

  test('a customer’s value is the one on their first order, whatever the order of the records', () => {
    const [refund, first, later] = firstOrder;
    const book = ledger([first, later, refund], { attributes: { channel: 'channel' } });
    expect(loyaltyTiers(book, { tiers, asOf, by: 'channel' }).by?.values.map((v) => v.value)).toEqual(['first']);
  });

  test('without `by` the report has no `by` field: keys and JSON as before', () => {
    const plain = ledger(rows);
    const r = rfm(plain, { asOf });
    const dm = dormancy(plain, { asOf });
    const t = loyaltyTiers(plain, { tiers, asOf });
    expect(Object.keys(r)).toEqual(['asOf', 'bins', 'monetary', 'cuts', 'segmentMap', 'customers', 'columns', 'segments']);
    expect(Object.keys(dm)).toEqual(['asOf', 'windows', 'customers', 'columns', 'segments']);
    expect(Object.keys(t)).toEqual(['asOf', 'basis', 'windowStart', 'customers', 'tiers', 'withoutTier']);
    expect(Object.keys(JSON.parse(JSON.stringify(r)) as object)).toEqual(['asOf', 'bins', 'monetary', 'cuts', 'segmentMap', 'customers', 'segments']);
    expect(Object.keys(JSON.parse(JSON.stringify(dm)) as object)).toEqual(['asOf', 'windows', 'customers', 'segments']);
  });

  test('JSON: the summary per value with money as strings', () => {
    const json = JSON.parse(JSON.stringify(rfm(withChannel, { asOf, by: 'plan' }))) as { by: { attribute: string; values: { value: string | null; segments: { revenue: unknown }[] }[] } };
    expect(json.by.attribute).toBe('plan');
    expect(json.by.values.map((v) => v.value)).toEqual(['solo', 'team', null]);
    expect(json.by.values.every((v) => v.segments.every((s) => typeof s.revenue === 'string'))).toBe(true);
    const dm = JSON.parse(JSON.stringify(dormancy(withChannel, { asOf, by: 'plan' }))) as { by: { values: { segments: { dormant: unknown } }[] } };
    expect(dm.by.values[2]?.segments.dormant).toEqual({ customers: 2, value: '20' });
  });

  test('an empty ledger has no values', () => {
    const empty = ledger([], { attributes: { channel: 'channel' } });
    expect(rfm(empty, { by: 'channel' }).by).toEqual({ attribute: 'channel', values: [] });
  });

  test('an attribute the ledger does not have is an InvalidOptionError naming `by`', () => {
    for (const run of [() => rfm(withChannel, { by: 'chanel' }), () => dormancy(withChannel, { by: 'chanel' }), () => loyaltyTiers(withChannel, { tiers, by: 'chanel' })]) {
      const error = optionError(run);
      expect(error.option).toBe('by');
      expect(error.message).toContain('did you mean `channel`?');
    }
    expect(optionError(() => rfm(withChannel, { by: 7 } as never)).option).toBe('by');
    expect(optionError(() => dormancy(rows, { by: 'channel' })).message).toContain('the ledger has no attributes');
  });

  test('segmentRule is not an option: a customer has one score, so one value', () => {
    expect(optionError(() => rfm(withChannel, { by: 'plan', segmentRule: 'same-value' } as never)).option).toBe('segmentRule');
  });
});
