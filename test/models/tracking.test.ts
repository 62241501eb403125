/**
 * The holdout tracking series computes E[X(t)] once per age in days, and a summary cannot span more
 * than 100 years (a "no end" date such as 9999-12-31 is refused instead of sizing the series).
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { MAX_SUMMARY_DAYS } from '../../src/models/limits.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';

const model = bgNbdModel({ r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 });
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('tracking series', () => {
  const customers = fc.array(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });

  fcTest.prop([customers, fc.integer({ min: 1, max: 9 })], { numRuns: 40 })(
    'equals the sum over customers of E[X(age ÷ unit)] at each period end, computed customer by customer',
    (days, unit) => {
      const base = 19_723; // 2024-01-01
      const records = days.flatMap((list, c) => list.map((d) => ({ customerId: `c${c}`, date: isoDay(base + d), amount: '5.00' })));
      const s = rfmSummary(records, { calibrationEnd: isoDay(base + 60), holdoutEnd: isoDay(base + 130), unit: { days: unit } });
      fc.pre(s.ids.length > 0);
      const rows = evaluateHoldout(model, s).tracking;
      const last = s.calibrationEndDay + Math.round((s.holdoutLength ?? 0) * unit);
      rows.forEach((row, k) => {
        const end = Math.min(s.originDay + (k + 1) * unit - 1, last);
        let naive = 0;
        for (const first of s.firstDay) if (end - first > 0) naive += model.expectedTransactions((end - first) / unit);
        expect(row.expectedCumulative).toBeCloseTo(naive, 12);
      });
    },
  );
});

describe('the span of a summary', () => {
  const records = [
    { customerId: 'a', date: '2024-01-01', amount: '1.00' },
    { customerId: 'a', date: '2024-01-09', amount: '1.00' },
  ];

  test('holdoutEnd 9999-12-31 is refused with the limit, before any series is sized', () => {
    let error: unknown;
    try {
      rfmSummary(records, { calibrationEnd: '2024-06-01', holdoutEnd: '9999-12-31' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe('holdoutEnd');
    expect((error as Error).message).toBe(
      'holdoutEnd: the summary would span 2913174 days from the earliest first purchase (2024-01-01) to 9999-12-31; at most 36525 (100 years)',
    );
    expect(() => rfmSummary(records, { calibrationEnd: '9999-12-31' })).toThrow(/^calibrationEnd: the summary would span/);
  });

  test('100 years are accepted', () => {
    const s = rfmSummary(records, { calibrationEnd: isoDay(19_723 + MAX_SUMMARY_DAYS - 1) });
    expect(s.repeatByPeriod.length).toBe(MAX_SUMMARY_DAYS);
  });
});
