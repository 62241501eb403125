// Shared inputs of the notebook tests: a few orders in one currency, a frequency summary, subscriptions.
import { ledger } from '../../src/index.ts';

export const ORDERS = [
  { customerId: 'a', date: '2024-01-03', amount: '10.00', channel: 'ads' },
  { customerId: 'b', date: '2024-01-09', amount: '20.00', channel: 'mail' },
  { customerId: 'a', date: '2024-02-11', amount: '15.00', channel: 'ads' },
  { customerId: 'c', date: '2024-02-14', amount: '5.00', channel: 'mail' },
  { customerId: 'b', date: '2024-03-02', amount: '1234.50', channel: 'mail' },
];

/** The orders as a ledger in euros, with the channel attribute. */
export const BOOK = ledger(ORDERS, { currency: 'EUR', attributes: { channel: 'channel' } });

export const AS_OF = '2024-03-31T23:59:59Z';

/** Customers per (x, tx, T) pattern, weeks. */
export const FREQUENCY = {
  x: [0, 1, 2, 5, 3, 10, 1, 4],
  tx: [0, 5, 20, 35, 8, 37, 30, 12],
  T: [38, 38, 38, 38, 38, 38, 38, 38],
  weight: [60, 15, 8, 5, 5, 2, 5, 4],
};

export const SPEND = { x: [1, 3, 2, 5, 1, 2, 4, 1, 6, 2], zbar: [30, 12, 45, 22, 9, 70, 15, 25, 40, 18] };

export const SUBSCRIPTIONS = [
  { customerId: 'acme', start: '2024-01-01', end: '2024-03-05' },
  { customerId: 'globex', start: '2024-01-10' },
];

export const INTERVALS = [
  { customerId: 'acme', start: '2024-01-01', end: '2024-02-15', amount: '50.00' },
  { customerId: 'globex', start: '2024-02-01', amount: '120.00' },
];

/** The calibration end of {@link REPEAT_ORDERS}: 38 weeks after their first day. */
export const REPEAT_END = new Date(Date.UTC(2024, 0, 1) + 38 * 7 * 86_400_000).toISOString();

/**
 * Orders whose `rfmSummary` in weeks to {@link REPEAT_END} is {@link FREQUENCY}: per pattern, `weight`
 * customers with a first order on 2024-01-01 and `x` repeat orders spread evenly to week `tx`.
 */
export const REPEAT_ORDERS = FREQUENCY.x.flatMap((x, p) =>
  Array.from({ length: FREQUENCY.weight[p] }, (_, c) =>
    Array.from({ length: x + 1 }, (_, k) => ({
      customerId: `p${p}c${c}`,
      date: new Date(Date.UTC(2024, 0, 1) + Math.round(x === 0 ? 0 : (FREQUENCY.tx[p] * 7 * k) / x) * 86_400_000).toISOString(),
      amount: '10.00',
    })),
  ),
).flat();
