// Subscription LTV: ARPA ÷ the trailing mean of monthly customer churn rates, hand-computed.
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, type SubscriptionInterval, subscriptionLtv } from '../../src/index.ts';

// Ten customers at 30.00 from January; one churns in each of February, March and April.
const records: SubscriptionInterval[] = Array.from({ length: 10 }, (_, i) => ({
  customerId: `c${i}`,
  start: '2024-01-01',
  ...(i < 3 ? { end: `2024-0${i + 2}-15` } : {}),
  amount: '30.00',
}));
const asOf = '2024-06-30T23:59:59.999Z';

describe('subscriptionLtv', () => {
  test('a month\'s churn rate divides its churned customers by the paying customers at its start', () => {
    expect(subscriptionLtv(records, { asOf }).map((r) => r.customerChurnRate)).toEqual([null, 1 / 10, 1 / 9, 1 / 8, 0, 0]);
  });

  test('LTV is ARPA over the mean of the trailing months\' rates, the month itself left out', () => {
    const rows = subscriptionLtv(records, { asOf, trailingMonths: 3 });
    const mean = (1 / 10 + 1 / 9 + 1 / 8) / 3;
    expect(rows.map((r) => r.trailingChurnRate)).toEqual([null, null, null, null, mean, (1 / 9 + 1 / 8) / 3]);
    expect(rows[4]?.ltv?.toFixed(6)).toBe((30 / mean).toFixed(6));
  });

  test('six trailing months by default: no LTV before there are six', () => {
    expect(subscriptionLtv(records, { asOf }).every((r) => r.ltv === null)).toBe(true);
  });

  test('without churn in the trailing months there is no LTV', () => {
    const rows = subscriptionLtv([{ customerId: 'a', start: '2024-01-01', amount: 5 }], { asOf, trailingMonths: 1 });
    expect(rows.map((r) => r.ltv)).toEqual([null, null, null, null, null, null]);
  });

  test('trailingMonths is a whole number of months', () => {
    expect(() => subscriptionLtv(records, { trailingMonths: 0 })).toThrow(InvalidOptionError);
  });
});

describe('subscriptionLtv by plan', () => {
  test('each plan\'s rows are those of its customers alone', () => {
    const planned = records.map((r, i) => ({ ...r, plan: i % 2 === 0 ? 'even' : 'odd' }));
    const split = subscriptionLtv(planned, { asOf, by: 'plan', trailingMonths: 2 });
    for (const segment of split.segments) {
      const own = planned.filter((r) => r.plan === segment.value);
      expect(JSON.stringify(segment.result)).toBe(JSON.stringify(subscriptionLtv(own, { asOf, trailingMonths: 2 })));
    }
    expect(split.segments.map((s) => s.customers)).toEqual([5, 5]);
  });
});
