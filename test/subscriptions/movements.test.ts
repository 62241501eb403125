// MRR movements on hand-computed histories: one test per rule of the five movement types, and the
// identity MRR(end) = MRR(start) + new + expansion − contraction − churn + reactivation on every row.
import { describe, expect, test } from 'vitest';
import { type MrrReport, type SubscriptionInterval, mrrReport, subscriptionRevenue } from '../../src/index.ts';

const asOf = '2024-06-30T23:59:59.999Z';

/** The movements as [customer, type, amount, period]. */
function moves(report: MrrReport) {
  return report.movements.map((m) => [m.customerId, m.type, m.amount.toFixed(2), m.period]);
}

/** Each period's MRR and movement sums, as strings. */
function rows(report: MrrReport) {
  return report.periods.map((p) => [p.period, p.mrr.toFixed(2), p.newMrr.toFixed(2), p.expansionMrr.toFixed(2), p.contractionMrr.toFixed(2), p.churnMrr.toFixed(2), p.reactivationMrr.toFixed(2)]);
}

describe('movement types', () => {
  test('a customer\'s first paid price is new business', () => {
    const report = mrrReport([{ customerId: 'a', start: '2024-01-10', amount: '30.00' }], { asOf });
    expect(moves(report)).toEqual([['a', 'new', '30.00', '2024-01']]);
  });

  test('a downgrade and a re-upgrade in one period are a contraction and an expansion', () => {
    const report = mrrReport(
      [
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-03-05', amount: '100.00' },
        { customerId: 'a', subscriptionId: 's', start: '2024-03-05', end: '2024-03-20', amount: '60.00' },
        { customerId: 'a', subscriptionId: 's', start: '2024-03-20', amount: '100.00' },
      ],
      { asOf },
    );
    expect(moves(report).slice(1)).toEqual([
      ['a', 'contraction', '40.00', '2024-03'],
      ['a', 'expansion', '40.00', '2024-03'],
    ]);
    const march = report.periods[2];
    expect([march?.contractedCustomers, march?.expandedCustomers, march?.netNewMrr.toFixed(2)]).toEqual([1, 1, '0.00']);
  });

  test('a cancellation and a reactivation in one month are a churn and a reactivation', () => {
    const report = mrrReport(
      [
        { customerId: 'a', subscriptionId: 's1', start: '2024-01-01', end: '2024-04-03', amount: '20.00' },
        { customerId: 'a', subscriptionId: 's2', start: '2024-04-25', amount: '25.00' },
      ],
      { asOf },
    );
    expect(moves(report).slice(1)).toEqual([
      ['a', 'churn', '20.00', '2024-04'],
      ['a', 'reactivation', '25.00', '2024-04'],
    ]);
    expect(report.periods[3]?.customers).toBe(1);
  });

  test('an annual price is a twelfth per month, rounded half to even to the cent', () => {
    const book = subscriptionRevenue([
      { customerId: 'a', start: '2024-01-01', amount: '1200.00', interval: 'year' },
      { customerId: 'b', start: '2024-01-01', amount: '1000.02', interval: 'year' },
      { customerId: 'c', start: '2024-01-01', amount: '999.90', interval: 'year' },
      { customerId: 'd', start: '2024-01-01', amount: '90.00', interval: { months: 3 } },
    ]);
    expect(book.intervals.map((s) => s.mrrMinor)).toEqual([10000, 8334, 8332, 3000]);
  });

  test('a quantity change with its amount is an expansion, and the quantity is kept', () => {
    const records: SubscriptionInterval[] = [
      { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-02-15', amount: '30.00', quantity: 3 },
      { customerId: 'a', subscriptionId: 's', start: '2024-02-15', amount: '50.00', quantity: 5 },
    ];
    expect(moves(mrrReport(records, { asOf }))[1]).toEqual(['a', 'expansion', '20.00', '2024-02']);
    expect(subscriptionRevenue(records).intervals.map((s) => s.quantity)).toEqual([3, 5]);
  });

  test('a cancelled subscription among others is a contraction, the last one a churn', () => {
    const report = mrrReport(
      [
        { customerId: 'a', subscriptionId: 's1', start: '2024-01-01', end: '2024-03-01', amount: '40.00' },
        { customerId: 'a', subscriptionId: 's2', start: '2024-02-01', end: '2024-05-01', amount: '10.00' },
      ],
      { asOf },
    );
    expect(moves(report)).toEqual([
      ['a', 'new', '40.00', '2024-01'],
      ['a', 'expansion', '10.00', '2024-02'],
      ['a', 'contraction', '40.00', '2024-03'],
      ['a', 'churn', '10.00', '2024-05'],
    ]);
  });

  test('a free trial is no paying customer, and the first paid price after it is new business', () => {
    const report = mrrReport(
      [
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-01-15', amount: '0.00' },
        { customerId: 'a', subscriptionId: 's', start: '2024-01-15', amount: '9.00' },
        { customerId: 'b', start: '2024-01-20', amount: 0 },
      ],
      { asOf },
    );
    expect(moves(report)).toEqual([['a', 'new', '9.00', '2024-01']]);
    expect(report.periods[0]?.customers).toBe(1);
  });

  test('changes of two subscriptions at one instant are one movement, and none when they cancel out', () => {
    const report = mrrReport(
      [
        { customerId: 'a', subscriptionId: 'basic', start: '2024-01-01', end: '2024-02-01', amount: '20.00' },
        { customerId: 'a', subscriptionId: 'pro', start: '2024-02-01', end: '2024-04-01', amount: '20.00' },
        { customerId: 'a', subscriptionId: 'team', start: '2024-04-01', amount: '50.00' },
      ],
      { asOf },
    );
    expect(moves(report)).toEqual([
      ['a', 'new', '20.00', '2024-01'],
      ['a', 'expansion', '30.00', '2024-04'],
    ]);
  });
});

describe('periods', () => {
  const records: SubscriptionInterval[] = [
    { customerId: 'a', subscriptionId: 's', start: '2024-01-10', end: '2024-03-01', amount: '50.00' },
    { customerId: 'a', subscriptionId: 's', start: '2024-03-01', end: '2024-05-10', amount: '30.00' },
    { customerId: 'a', start: '2024-06-02', amount: '45.00' },
    { customerId: 'b', start: '2024-02-01', amount: '120.00', interval: 'year' },
    { customerId: 'c', start: '2024-02-14', end: '2024-04-14', amount: '15.00' },
  ];

  test('every period\'s MRR is the opening MRR plus its movements', () => {
    for (const p of mrrReport(records, { asOf }).periods) {
      const moved = p.openingMrr.plus(p.newMrr).plus(p.expansionMrr).minus(p.contractionMrr).minus(p.churnMrr).plus(p.reactivationMrr);
      expect(moved.toFixed(2)).toBe(p.mrr.toFixed(2));
    }
  });

  test('the rows by month, hand-computed', () => {
    expect(rows(mrrReport(records, { asOf }))).toEqual([
      ['2024-01', '50.00', '50.00', '0.00', '0.00', '0.00', '0.00'],
      ['2024-02', '75.00', '25.00', '0.00', '0.00', '0.00', '0.00'],
      ['2024-03', '55.00', '0.00', '0.00', '20.00', '0.00', '0.00'],
      ['2024-04', '40.00', '0.00', '0.00', '0.00', '15.00', '0.00'],
      ['2024-05', '10.00', '0.00', '0.00', '0.00', '30.00', '0.00'],
      ['2024-06', '55.00', '0.00', '0.00', '0.00', '0.00', '45.00'],
    ]);
  });

  test('ARR is twelve times MRR; ARPA divides MRR by paying customers, ASP new MRR by new customers', () => {
    const february = mrrReport(records, { asOf }).periods[1];
    expect([february?.arr.toFixed(2), february?.customers, february?.arpa?.toFixed(2), february?.asp?.toFixed(2)]).toEqual(['900.00', 3, '25.00', '12.50']);
    expect(mrrReport(records, { asOf }).periods[3]?.asp).toBeNull();
  });

  test('the quick ratio divides MRR gained by MRR lost, and is null without a loss', () => {
    const report = mrrReport(records, { asOf });
    expect(report.periods.map((p) => p.quickRatio)).toEqual([null, null, 0, 0, 0, null]);
    const quarters = mrrReport(records, { asOf, period: 'quarter' }).periods;
    expect(quarters.map((p) => p.quickRatio)).toEqual([75 / 20, 1]);
  });

  test('a period past asOf is incomplete and holds the MRR as of asOf', () => {
    const report = mrrReport(records, { asOf: '2024-04-20T00:00:00Z' });
    const last = report.periods[report.periods.length - 1];
    expect([last?.period, last?.complete, last?.mrr.toFixed(2)]).toEqual(['2024-04', false, '40.00']);
    expect(report.movements.every((m) => m.at.getTime() <= Date.parse('2024-04-20T00:00:00Z'))).toBe(true);
  });

  test('by quarter, the movements of its months add up', () => {
    const quarters = rows(mrrReport(records, { asOf, period: 'quarter' }));
    expect(quarters).toEqual([
      ['2024-Q1', '55.00', '75.00', '0.00', '20.00', '0.00', '0.00'],
      ['2024-Q2', '55.00', '0.00', '0.00', '0.00', '45.00', '45.00'],
    ]);
  });

  test('the default asOf is the latest start or end of an interval', () => {
    expect(mrrReport(records).asOf?.toISOString()).toBe('2024-06-02T00:00:00.000Z');
  });

  test('a book without paid intervals has no periods', () => {
    expect(mrrReport([{ customerId: 'a', start: '2024-01-01', amount: 0 }]).periods).toEqual([]);
    expect(mrrReport([]).asOf).toBeNull();
  });
});

describe('counts and calendars', () => {
  test('a customer with two movements of one type in a period is counted once', () => {
    const report = mrrReport(
      [
        { customerId: 'a', subscriptionId: 's1', start: '2024-01-01', end: '2024-03-05', amount: '30.00' },
        { customerId: 'a', subscriptionId: 's2', start: '2024-01-01', end: '2024-03-10', amount: '20.00' },
        { customerId: 'a', subscriptionId: 's3', start: '2024-01-01', amount: '10.00' },
      ],
      { asOf },
    );
    const march = report.periods[2];
    expect([march?.contractionMrr.toFixed(2), march?.contractedCustomers]).toEqual(['50.00', 1]);
  });

  test('periods are local: a start at 23:30 UTC on 31 January is February in Berlin', () => {
    const book = subscriptionRevenue([{ customerId: 'a', start: '2024-01-31T23:30:00Z', amount: 5 }], { timeZone: 'Europe/Berlin' });
    expect(mrrReport(book, { asOf: '2024-02-10' }).periods.map((p) => [p.period, p.start.toISOString()])).toEqual([['2024-02', '2024-01-31T23:00:00.000Z']]);
  });

  test('weeks start on weekStartsOn', () => {
    // Sunday 7 January 2024: the week of Monday 1 January, or the week starting that Sunday.
    const records = [{ customerId: 'a', start: '2024-01-07T12:00:00Z', amount: 5 }];
    expect(mrrReport(records, { period: 'week', asOf: '2024-01-08' }).periods.map((p) => p.start.toISOString())).toEqual(['2024-01-01T00:00:00.000Z', '2024-01-08T00:00:00.000Z']);
    expect(mrrReport(records, { period: 'week', weekStartsOn: 0, asOf: '2024-01-08' }).periods.map((p) => p.start.toISOString())).toEqual(['2024-01-07T00:00:00.000Z']);
  });
});
