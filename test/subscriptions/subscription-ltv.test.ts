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
    expect(rows.slice(0, 4).map((r) => r.trailingChurnRate)).toEqual([null, null, null, null]);
    expect(rows[4]?.trailingChurnRate).toBeCloseTo((1 / 10 + 1 / 9 + 1 / 8) / 3, 15);
    expect(rows[5]?.trailingChurnRate).toBeCloseTo((1 / 9 + 1 / 8) / 3, 15);
    // 30 ÷ (121/360 ÷ 3) = 32,400 ÷ 121, to 20 significant digits: the mean is exact, not a double.
    expect(rows[4]?.ltv?.toString()).toBe('267.76859504132231405');
  });

  test('six trailing months by default: the first LTV in the month after six rates', () => {
    // Rates from February (January has no customers at its start): the first mean is August's.
    const rows = subscriptionLtv(records, { asOf: '2024-09-30T23:59:59.999Z' });
    expect(rows.map((r) => r.ltv === null)).toEqual([true, true, true, true, true, true, true, false, false]);
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
