// Attributes of subscription records and events, and breakdowns by them: values kept per interval, the
// typed error for a value that is no string, and `by` an attribute under both segment rules.
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, mrrReport, revenueRetention, subscriptionRevenue } from '../../src/index.ts';

const records = [
  { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-03-01', amount: '20.00', region: 'eu' },
  { customerId: 'a', subscriptionId: 's', start: '2024-03-01', amount: '40.00', region: 'us' },
  { customerId: 'b', start: '2024-02-01', amount: '10.00', region: null },
  { customerId: 'c', start: '2024-02-01', end: '2024-04-01', amount: '30.00', region: 'us' },
];
const asOf = '2024-04-30T23:59:59.999Z';

describe('attributes', () => {
  test('each interval keeps its attribute values, a missing one as null', () => {
    const book = subscriptionRevenue(records, { attributes: { region: 'region', tier: (r) => (Number(r.amount) >= 30 ? 'big' : 'small') } });
    expect(book.attributeNames).toEqual(['region', 'tier']);
    expect(book.intervals.map((s) => [s.attributes.region, s.attributes.tier])).toEqual([
      ['eu', 'small'],
      ['us', 'big'],
      [null, 'small'],
      ['us', 'big'],
    ]);
  });

  test('events carry the attributes of their price', () => {
    const book = subscriptionRevenue.fromEvents(
      [
        { customerId: 'a', subscriptionId: 's', type: 'started', at: '2024-01-01', amount: 10, channel: 'ads' },
        { customerId: 'a', subscriptionId: 's', type: 'changed', at: '2024-02-01', amount: 20, channel: 'email' },
      ],
      { attributes: { channel: 'channel' } },
    );
    expect(book.intervals.map((s) => s.attributes.channel)).toEqual(['ads', 'email']);
  });

  test('a value that is no string is an InvalidInputError naming the attribute', () => {
    let error: unknown;
    try {
      subscriptionRevenue([{ customerId: 'a', start: '2024-01-01', amount: 1, region: 7 }], { attributes: { region: 'region' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('attributes.region');
  });

  test('an attribute may not be named plan, and must be a property name or a function', () => {
    expect(() => subscriptionRevenue(records, { attributes: { plan: 'region' } })).toThrow(InvalidOptionError);
    expect(() => subscriptionRevenue(records, { attributes: { region: 5 as never } })).toThrow(InvalidOptionError);
  });
});

describe('breakdowns by an attribute', () => {
  const book = subscriptionRevenue(records, { attributes: { region: 'region' } });

  test('under the customer rule, each customer is in the value of their first paid interval', () => {
    const split = mrrReport(book, { by: 'region', asOf });
    expect(split.segments.map((s) => [s.value, s.customers, s.result.periods.map((p) => p.mrr.toFixed(2))])).toEqual([
      ['eu', 1, ['20.00', '20.00', '40.00', '40.00']],
      ['us', 1, ['30.00', '30.00', '0.00']],
      [null, 1, ['10.00', '10.00', '10.00']],
    ]);
  });

  test('under the same-value rule, a move between values is a churn of one and a new customer of the other', () => {
    const split = mrrReport(book, { by: 'region', segmentRule: 'same-value', asOf });
    const eu = split.segments.find((s) => s.value === 'eu');
    const us = split.segments.find((s) => s.value === 'us');
    expect(eu?.result.movements.map((m) => [m.customerId, m.type])).toEqual([['a', 'new'], ['a', 'churn']]);
    expect(us?.result.movements.map((m) => [m.customerId, m.type])).toEqual([['c', 'new'], ['c', 'churn'], ['a', 'new']]);
  });

  test('a by that is neither the plan nor an attribute is refused, naming those there are', () => {
    expect(() => revenueRetention(book, { by: 'channel' })).toThrow(`by: "channel" is neither the plan nor an attribute of the book: use one of 'plan', 'region'`);
  });
});

test('a segmentRule without by is refused', () => {
  expect(() => mrrReport(records, { segmentRule: 'same-value' })).toThrow(/segmentRule: .*give `by` too/);
});

test('an attribute named __proto__ is kept as any other', () => {
  const book = subscriptionRevenue([{ customerId: 'a', start: '2024-01-01', amount: 1, r: 'x' }], { attributes: JSON.parse('{"__proto__":"r"}') as Record<string, 'r'> });
  expect(Object.keys(book.intervals[0]?.attributes ?? {})).toEqual(['__proto__']);
  expect(mrrReport(book, { by: '__proto__' }).segments.map((s) => s.value)).toEqual(['x']);
});
