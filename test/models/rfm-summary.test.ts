import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';
import type { TransactionRecord } from '../../src/input/types.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';
import { compressSummary } from '../../src/models/summary.ts';

const r = (customerId: string | number, date: string, amount: string): TransactionRecord => ({ customerId, date, amount });

describe('rfmSummary: definitions on hand-computed cases', () => {
  const data = [
    r('ann', '2024-01-01', '20.00'),
    r('ann', '2024-01-01', '5.00'), // same day: one transaction, excluded from the mean (first day)
    r('ann', '2024-01-04', '10.00'),
    r('ann', '2024-01-04', '6.00'), // same repeat day: summed → 16
    r('ann', '2024-01-08', '0.00'), // zero-value order: a transaction
    r('ann', '2024-01-09', '-3.00'), // refund: never a transaction
    r('ann', '2024-01-10', '8.00'), // the calibration end day: inside
    r('ann', '2024-01-11', '9.00'), // holdout
    r('ann', '2024-01-11', '1.00'), // same holdout day
    r('ann', '2024-01-13', '4.00'), // holdout
    r('ann', '2024-01-20', '4.00'), // after the holdout end
    r('bob', '2024-01-10', '7.00'), // first order on the calibration end day: T = 0, left out
    r('cat', '2024-01-12', '7.00'), // first order after calibration: not a row
    r('dan', '2024-01-03', '-5.00'), // refund only: not a customer
    r('dan', '2024-01-05', '12.00'),
  ];

  test('x, tx, T in days; zbar = mean of repeat-day totals; holdout days', () => {
    const s = rfmSummary(data, { calibrationEnd: '2024-01-10', holdoutEnd: '2024-01-15' });
    expect(s.ids).toEqual(['ann', 'dan']);
    expect([...s.x]).toEqual([3, 0]);
    expect([...s.tx]).toEqual([9, 0]);
    expect([...s.T]).toEqual([9, 5]);
    expect([...s.repeatMinor]).toEqual([2400, 0]);
    expect([...s.zbar]).toEqual([8, 0]);
    expect([...(s.holdout ?? [])]).toEqual([2, 0]);
    expect(s.holdoutLength).toBe(5);
    expect(s.excludedOnLastDay).toBe(1);
    expect(s.calibrationEnd).toBe('2024-01-10');
    expect(s.holdoutEnd).toBe('2024-01-15');
    expect(s.originDay).toBe(s.firstDay[0]);
    // repeat days per day from 2024-01-01: 01-04, 01-08, 01-10 | 01-11, 01-13
    expect([...s.repeatByPeriod]).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0]);
  });

  test('weeks and { days: n } divide the day counts', () => {
    const w = rfmSummary(data, { calibrationEnd: '2024-01-10', unit: 'week' });
    expect([...w.T]).toEqual([9 / 7, 5 / 7]);
    const d = rfmSummary(data, { calibrationEnd: '2024-01-10', unit: { days: 3 } });
    expect([...d.tx]).toEqual([3, 0]);
    expect(d.repeatByPeriod.length).toBe(4);
    expect(w.holdout).toBeNull();
    expect(w.holdoutLength).toBeNull();
  });

  test('default calibration end: the last event’s day', () => {
    const s = rfmSummary(data);
    expect(s.calibrationEnd).toBe('2024-01-20');
    expect(s.ids).toEqual(['ann', 'dan', 'bob', 'cat']);
    expect([...s.x]).toEqual([6, 0, 0, 0]);
  });

  test('days are local days in the ledger’s zone', () => {
    const rows = [r('a', '2024-03-01T23:30:00Z', '1'), r('a', '2024-03-02T00:30:00Z', '1'), r('a', '2024-03-05T12:00:00Z', '1')];
    expect([...rfmSummary(ledger(rows), { calibrationEnd: '2024-03-10' }).x]).toEqual([2]);
    // in Berlin both first instants are on 2024-03-02
    const berlin = rfmSummary(ledger(rows, { timeZone: 'Europe/Berlin' }), { calibrationEnd: '2024-03-10' });
    expect([...berlin.x]).toEqual([1]);
    expect([...berlin.T]).toEqual([8]);
  });

  test('spend summary: weight 0 for repeat buyers whose repeat days are all zero-value', () => {
    const s = rfmSummary([r('a', '2024-01-01', '5'), r('a', '2024-01-02', '0'), r('b', '2024-01-01', '5'), r('b', '2024-01-03', '7')], {
      calibrationEnd: '2024-01-05',
    });
    const spend = s.toSpendSummary();
    expect([...spend.weight]).toEqual([0, 1]);
    expect([...spend.zbar]).toEqual([0, 7]);
  });

  test('empty input: an empty summary', () => {
    const s = rfmSummary([]);
    expect(s.ids).toEqual([]);
    expect(s.x.length).toBe(0);
    expect(s.compress().x.length).toBe(0);
  });

  test('bad options throw InvalidOptionError', () => {
    expect(() => rfmSummary(data, { calibrationEnd: '2024-01-10', holdoutEnd: '2024-01-10' })).toThrow(InvalidOptionError);
    expect(() => rfmSummary(data, { calibrationEnd: 'soon' })).toThrow(InvalidOptionError);
    expect(() => rfmSummary(data, { unit: { days: 1.5 } })).toThrow(InvalidOptionError);
    expect(() => rfmSummary(data, { unit: 'month' as never })).toThrow(InvalidOptionError);
  });
});

const record = fc.record({
  customerId: fc.integer({ min: 1, max: 6 }),
  day: fc.integer({ min: 0, max: 40 }),
  hour: fc.integer({ min: 0, max: 23 }),
  cents: fc.integer({ min: -500, max: 5000 }),
});

describe('rfmSummary: invariants', () => {
  fcTest.prop([fc.array(record, { minLength: 1, maxLength: 60 }), fc.integer({ min: 5, max: 35 })])(
    'compress() equals compressSummary of the columns; input order never matters',
    (rows, end) => {
      const records = rows.map((row) => ({
        customerId: row.customerId,
        date: Date.UTC(2024, 0, 1 + row.day, row.hour),
        amount: (row.cents / 100).toFixed(2),
      }));
      const options = { calibrationEnd: Date.UTC(2024, 0, 1 + end), holdoutEnd: Date.UTC(2024, 0, 50), unit: { days: 2 } } as const;
      const s = rfmSummary(records, options);
      const reversed = rfmSummary([...records].reverse(), options);
      const key = (t: typeof s) => s.ids.map((id, i) => [id, t.x[i], t.tx[i], t.T[i], t.repeatMinor[i], t.holdout?.[i]].join()).sort();
      expect(key(reversed)).toEqual(key(s));
      for (let i = 0; i < s.x.length; i++) {
        expect(s.tx[i] ?? 0).toBeLessThanOrEqual(s.T[i] ?? 0);
        expect((s.x[i] ?? 0) === 0).toBe((s.tx[i] ?? 0) === 0 || (s.x[i] ?? 0) === 0);
      }
      const total = s.x.reduce((a, b) => a + b, 0) + (s.holdout === null ? 0 : s.holdout.reduce((a, b) => a + b, 0));
      expect(s.repeatByPeriod.reduce((a, b) => a + b, 0)).toBe(total);
      if (s.x.length > 0) {
        const fast = s.compress();
        const slow = compressSummary(s.toFrequencySummary());
        expect([...fast.x, ...fast.tx, ...fast.T, ...fast.weight]).toEqual([...slow.x, ...slow.tx, ...slow.T, ...slow.weight]);
      }
    },
  );
});

/** The local calendar day (days since 1970-01-01) of an instant in `timeZone`, read through Intl. */
function localDay(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
  return Date.parse(`${parts}T00:00:00Z`) / 86_400_000;
}

describe('rfmSummary: order days in a zone with clock changes', () => {
  const zone = 'Pacific/Chatham';
  fcTest.prop(
    [
      fc.array(
        fc.record({ customerId: fc.integer({ min: 1, max: 5 }), minute: fc.integer({ min: 0, max: 60 * 24 * 30 }), cents: fc.integer({ min: -300, max: 3000 }) }),
        { minLength: 1, maxLength: 50 },
      ),
      fc.integer({ min: 3, max: 25 }),
      fc.integer({ min: 1, max: 6 }),
    ],
    { numRuns: 200 },
  )('x, tx, T, repeat value and holdout equal a count of local order days read through Intl', (rows, endDay, holdDays) => {
    // Chatham moves its clocks on 2024-04-07: the month around it holds days of 23, 24 and 25 hours.
    const origin = Date.UTC(2024, 2, 20);
    const records = rows.map((r) => ({ customerId: r.customerId, date: origin + r.minute * 60_000, amount: r.cents / 100 }));
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const calEnd = localDay(origin, zone) + endDay;
    const holdEnd = calEnd + holdDays;
    const s = rfmSummary(ledger(records, { timeZone: zone }), { calibrationEnd: iso(calEnd), holdoutEnd: iso(holdEnd) });
    const byCustomer = new Map<number, { day: number; cents: number }[]>();
    for (const r of rows) {
      if (r.cents < 0) continue;
      const list = byCustomer.get(r.customerId) ?? [];
      list.push({ day: localDay(origin + r.minute * 60_000, zone), cents: r.cents });
      byCustomer.set(r.customerId, list);
    }
    const expected = new Map<number, number[]>();
    for (const [id, orders] of byCustomer) {
      const first = Math.min(...orders.map((o) => o.day));
      if (first >= calEnd) continue;
      const calDays = new Set(orders.filter((o) => o.day <= calEnd).map((o) => o.day));
      const holdoutDays = new Set(orders.filter((o) => o.day > calEnd && o.day <= holdEnd).map((o) => o.day));
      const repeat = orders.filter((o) => o.day !== first && o.day <= calEnd).reduce((sum, o) => sum + o.cents, 0);
      expected.set(id, [calDays.size - 1, Math.max(...calDays) - first, calEnd - first, repeat, holdoutDays.size]);
    }
    const actual = new Map(s.ids.map((id, i) => [id as number, [s.x[i], s.tx[i], s.T[i], s.repeatMinor[i], s.holdout?.[i]]]));
    expect(actual).toEqual(expected);
  });
});
