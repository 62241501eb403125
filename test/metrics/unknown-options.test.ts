import { describe, expect, test } from 'vitest';
import { ledger } from '../../src/input/ledger.ts';
import { marginClv, simpleClv } from '../../src/metrics/clv-formulas.ts';
import { simpleClvFromData } from '../../src/metrics/clv-from-data.ts';
import { historicalClv } from '../../src/metrics/historical-clv.ts';
import { periodLifecycle } from '../../src/metrics/lifecycle.ts';
import { periodLifecycleMembers, periodRetentionMembers } from '../../src/metrics/members.ts';
import { averageOrderValue, purchaseFrequency, repeatCustomerRate, repeatRevenueShare } from '../../src/metrics/order-metrics.ts';
import { periodRetention } from '../../src/metrics/period-retention.ts';
import { churnRate, customerLifespan, retentionRate } from '../../src/metrics/retention-rate.ts';
import { summarize } from '../../src/metrics/summarize.ts';
import { compareGrowth } from '../../src/simulate/compare.ts';
import { simulateGrowth } from '../../src/simulate/growth.ts';
import { steadyState } from '../../src/simulate/steady-state.ts';
import { retentionUplift } from '../../src/simulate/uplift.ts';
import { optionError } from '../helpers/option-error.ts';

// In JavaScript a misspelt option would otherwise be ignored and answer another question.
const book = ledger([
  { customerId: 'a', date: '2024-01-05', amount: 10 },
  { customerId: 'a', date: '2024-02-05', amount: 10 },
]);
const slip = { timezone: 'Europe/Berlin' } as never;
const growth = { customers: 100, retentionRate: 0.8, acquisition: { count: 10 }, periods: 3 };

describe('every metric refuses an unknown option key', () => {
  test.each([
    ['summarize', () => summarize(book, slip)],
    ['repeatCustomerRate', () => repeatCustomerRate(book, slip)],
    ['purchaseFrequency', () => purchaseFrequency(book, slip)],
    ['averageOrderValue', () => averageOrderValue(book, slip)],
    ['repeatRevenueShare', () => repeatRevenueShare(book, slip)],
    ['historicalClv', () => historicalClv(book, slip)],
    ['periodRetention', () => periodRetention(book, { period: 'month', ...(slip as object) })],
    ['periodLifecycle', () => periodLifecycle(book, { period: 'month', ...(slip as object) })],
    ['simpleClvFromData', () => simpleClvFromData(book, { period: 'month', ...(slip as object) })],
    ['periodRetentionMembers', () => periodRetentionMembers(book, { period: 'month', ...(slip as object) }, '2024-01', 'end')],
    ['periodLifecycleMembers', () => periodLifecycleMembers(book, { period: 'month', ...(slip as object) }, '2024-01', 'new')],
  ])('%s', (_name, run) => {
    const error = optionError(run);
    expect(error.option).toBe('timezone');
    expect(error.message).toContain('did you mean `timeZone`?');
  });

  test('the formulas and the counts', () => {
    expect(optionError(() => simpleClv({ averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1, marign: 0.5 } as never)).message).toContain('`margin`');
    expect(optionError(() => marginClv({ margin: 1, retentionRate: 0.5, discountRate: 0.1, period: 3 } as never)).message).toContain('`periods`');
    expect(optionError(() => retentionRate({ start: 1, end: 1, acquired: 0, aquired: 1 } as never)).option).toBe('aquired');
    expect(optionError(() => churnRate({ start: 1, end: 1, acquired: 0, begin: 1 } as never)).option).toBe('begin');
    expect(optionError(() => customerLifespan({ start: 1, end: 1, acquired: 0, x: 1 } as never)).option).toBe('x');
  });

  test('the simulations, each scenario named', () => {
    expect(optionError(() => simulateGrowth({ ...growth, discount: 0.1 } as never)).message).toContain('`discountRate`');
    expect(optionError(() => retentionUplift({ ...growth, uplift: 0.05, uplfit: 1 } as never)).option).toBe('uplfit');
    expect(optionError(() => steadyState({ retentionRate: 0.5, acquiredPerPeriod: 1, acquired: 2 } as never)).option).toBe('acquired');
    expect(optionError(() => compareGrowth([growth, { retentionRate: 0.9, nmae: 'b' } as never])).option).toBe('scenarios[1].nmae');
    expect(optionError(() => compareGrowth([growth], { period: 3 } as never)).option).toBe('period');
  });
});

describe('values that would scale time or memory without bound', () => {
  test('an asOf far in the future is refused for period reports, naming the limit', () => {
    const error = optionError(() => periodRetention(book, { period: 'day', asOf: '9999-12-31' }));
    expect(error.option).toBe('asOf');
    expect(error.message).toBe(
      'asOf: the report would cover 2913170 day periods from 2024-01-05 to 9999-12-31, more than 100000; choose a longer period or an earlier asOf',
    );
    expect(periodRetention(book, { period: 'year', asOf: '9999-12-31' })).toHaveLength(7976);
    expect(optionError(() => periodLifecycle(book, { period: 'day', asOf: '9999-12-31' })).option).toBe('asOf');
  });

  test('a data span beyond the limit names the period', () => {
    const span = ledger([
      { customerId: 'a', date: '1700-01-01', amount: 1 },
      { customerId: 'a', date: '2024-01-01', amount: 1 },
    ]);
    expect(optionError(() => periodRetention(span, { period: 'day' })).option).toBe('period');
    expect(periodRetention(span, { period: 'week' }).length).toBeGreaterThan(16_000);
  });

  test('a huge activeWithin window answers like one reaching past asOf', () => {
    const huge = periodRetention(book, { period: 'month', activeWithin: { days: 1e12 } });
    const enough = periodRetention(book, { period: 'month', activeWithin: { days: 400 } });
    expect(huge).toEqual(enough);
  });

  test('simulations run at most 10,000 periods', () => {
    expect(simulateGrowth({ ...growth, periods: 10_000 }).periods).toHaveLength(10_000);
    expect(optionError(() => simulateGrowth({ ...growth, periods: 10_001 })).message).toBe('periods: 10001 is more than the 10000 periods a simulation runs');
  });
});
