// Reading subscription intervals and events: the typed error naming record, field and value for each
// kind of bad input, skipping, and events read into the same intervals as the records they describe.
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError, mrrReport, subscriptionRevenue } from '../../src/index.ts';

/** The error thrown by `f`. */
function caught(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('intervals', () => {
  test.each([
    ['a missing customer', { start: '2024-01-01', amount: 1 }, 'customerId'],
    ['an unreadable start', { customerId: 'a', start: 'soon', amount: 1 }, 'start'],
    ['an end before the start', { customerId: 'a', start: '2024-02-01', end: '2024-01-01', amount: 1 }, 'end'],
    ['an end at the start', { customerId: 'a', start: '2024-02-01', end: '2024-02-01', amount: 1 }, 'end'],
    ['a negative amount', { customerId: 'a', start: '2024-01-01', amount: '-5.00' }, 'amount'],
    ['a weekly interval', { customerId: 'a', start: '2024-01-01', amount: 5, interval: 'week' }, 'interval'],
    ['an interval of 0 months', { customerId: 'a', start: '2024-01-01', amount: 5, interval: { months: 0 } }, 'interval'],
    ['a negative quantity', { customerId: 'a', start: '2024-01-01', amount: 5, quantity: -1 }, 'quantity'],
    ['a fractional quantity', { customerId: 'a', start: '2024-01-01', amount: 5, quantity: 0.5 }, 'quantity'],
    ['a quantity beyond 2^31', { customerId: 'a', start: '2024-01-01', amount: 5, quantity: 1e308 }, 'quantity'],
    ['a plan that is no string', { customerId: 'a', start: '2024-01-01', amount: 5, plan: 3 }, 'plan'],
    ['a subscription id that is an object', { customerId: 'a', subscriptionId: {}, start: '2024-01-01', amount: 5 }, 'subscriptionId'],
  ])('%s is an InvalidInputError naming its field', (_, record, field) => {
    const error = caught(() => subscriptionRevenue([record as never]));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
    expect((error as InvalidInputError).index).toBe(0);
  });

  test('overlapping intervals of one subscription are refused, naming both records', () => {
    const error = caught(() =>
      subscriptionRevenue([
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-03-01', amount: 10 },
        { customerId: 'a', subscriptionId: 's', start: '2024-02-01', amount: 20 },
      ]),
    );
    expect((error as InvalidInputError).message).toBe('subscriptions[1].start: overlaps records[0] of subscription "s", which runs until 2024-03-01T00:00:00.000Z');
  });

  test('intervals of one customer\'s different subscriptions may overlap', () => {
    const book = subscriptionRevenue([
      { customerId: 'a', subscriptionId: 's1', start: '2024-01-01', amount: 10 },
      { customerId: 'a', subscriptionId: 's2', start: '2024-01-15', amount: 20 },
    ]);
    expect([...book.changeMrr]).toEqual([1000, 3000]);
  });

  test('a subscription of two customers is refused', () => {
    const error = caught(() =>
      subscriptionRevenue([
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-02-01', amount: 10 },
        { customerId: 'b', subscriptionId: 's', start: '2024-02-01', amount: 10 },
      ]),
    );
    expect([(error as InvalidInputError).index, (error as InvalidInputError).field]).toEqual([1, 'subscriptionId']);
  });

  test('under onInvalid: skip, unreadable and overlapping records are listed and left out', () => {
    const book = subscriptionRevenue(
      [
        { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-03-01', amount: 10 },
        { customerId: 'a', subscriptionId: 's', start: '2024-02-01', amount: 20 },
        { customerId: 'b', start: 'never', amount: 20 },
      ],
      { onInvalid: 'skip' },
    );
    expect(book.skipped.map((s) => [s.index, s.field])).toEqual([[2, 'start'], [1, 'start']]);
    expect(book.intervals).toHaveLength(1);
  });

  test('a book holds one currency: the first record\'s or the option\'s; another is refused', () => {
    const book = subscriptionRevenue([
      { customerId: 'a', start: '2024-01-01', amount: 10, currency: 'eur' },
      { customerId: 'b', start: '2024-01-01', amount: 10 },
    ]);
    expect(book.currency).toBe('EUR');
    const error = caught(() =>
      subscriptionRevenue([
        { customerId: 'a', start: '2024-01-01', amount: 10, currency: 'EUR' },
        { customerId: 'b', start: '2024-01-01', amount: 10, currency: 'USD' },
      ]),
    );
    expect((error as InvalidInputError).message).toBe(`subscriptions[1].currency: "USD" differs from the book's currency EUR (from subscriptions[0]); a book holds one currency: build one book per currency`);
  });

  test('a record left out under onInvalid: skip does not set the book\'s currency', () => {
    const book = subscriptionRevenue(
      [
        { customerId: 'a', start: '2024-01-01', amount: -1, currency: 'EUR' },
        { customerId: 'b', start: '2024-01-01', amount: 1, currency: 'USD' },
      ],
      { onInvalid: 'skip' },
    );
    expect([book.currency, book.ids]).toEqual(['USD', ['b']]);
  });

  test('the currency option sets the digits of the minor unit', () => {
    const book = subscriptionRevenue([{ customerId: 'a', start: '2024-01-01', amount: 12_000, interval: 'year' }], { currency: 'JPY' });
    expect([book.currencyDigits, book.intervals[0]?.mrrMinor]).toEqual([0, 1000]);
  });

  test('a date-only start is read in the book\'s zone', () => {
    const book = subscriptionRevenue([{ customerId: 'a', start: '2024-01-01', amount: 10 }], { timeZone: 'Europe/Berlin' });
    expect(new Date(book.intervals[0]?.start ?? 0).toISOString()).toBe('2023-12-31T23:00:00.000Z');
  });

  test('an unknown option is refused', () => {
    expect(() => subscriptionRevenue([], { zone: 'UTC' } as never)).toThrow(InvalidOptionError);
    expect(() => subscriptionRevenue(5 as never)).toThrow(InvalidOptionError);
  });
});

describe('events', () => {
  const started = { customerId: 'a', subscriptionId: 's', type: 'started', at: '2024-01-01', amount: '10.00' } as const;

  test('events give the intervals of the records they describe', () => {
    const fromEvents = subscriptionRevenue.fromEvents([
      { customerId: 'a', subscriptionId: 's', type: 'changed', at: '2024-02-01', amount: '15.00', plan: 'pro' },
      started,
      { customerId: 'a', subscriptionId: 's', type: 'ended', at: '2024-04-01' },
      { customerId: 'a', subscriptionId: 's', type: 'started', at: '2024-06-01', amount: '12.00', interval: 'month' },
    ]);
    const fromRecords = subscriptionRevenue([
      { customerId: 'a', subscriptionId: 's', start: '2024-01-01', end: '2024-02-01', amount: '10.00' },
      { customerId: 'a', subscriptionId: 's', start: '2024-02-01', end: '2024-04-01', amount: '15.00', plan: 'pro' },
      { customerId: 'a', subscriptionId: 's', start: '2024-06-01', amount: '12.00' },
    ]);
    expect(fromEvents.intervals).toEqual(fromRecords.intervals);
    expect(mrrReport(fromEvents).movements.map((m) => m.type)).toEqual(['new', 'expansion', 'churn', 'reactivation']);
  });

  test.each([
    ['a change before the start', [{ ...started, type: 'changed' }], 'type'],
    ['an end of a subscription not running', [started, { ...started, type: 'ended', at: '2024-02-01' }, { ...started, type: 'ended', at: '2024-03-01' }], 'type'],
    ['a start of a running subscription', [started, { ...started, at: '2024-02-01' }], 'type'],
    ['two events at one instant', [started, { ...started, type: 'ended' }], 'at'],
    ['an event without a subscription', [{ ...started, subscriptionId: undefined }], 'subscriptionId'],
    ['an unknown type', [{ ...started, type: 'paused' }], 'type'],
    ['a start without an amount', [{ ...started, amount: undefined }], 'amount'],
    ['an unreadable instant', [{ ...started, at: 'later' }], 'at'],
  ])('%s is an InvalidInputError naming its field', (_, events, field) => {
    const error = caught(() => subscriptionRevenue.fromEvents(events as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe(field);
    expect((error as InvalidInputError).message).toMatch(/^events\[\d\]/);
  });
});
