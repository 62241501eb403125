import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';

const DAY = 86_400_000;
const t0 = Date.UTC(2024, 0, 1);
const at = (days: number) => t0 + days * DAY;

describe('subscription survival (Kaplan–Meier)', () => {
  test('hand-computed censored example with 30-day spans', () => {
    // asOf = day 100: spans 0, 1, 2 are complete for a start on day 0 (days 0–29, 30–59, 60–89).
    const subs = [
      { customerId: 'a', start: at(0), end: at(10) }, // ends in span 0
      { customerId: 'b', start: at(0), end: at(45) }, // ends in span 1
      { customerId: 'c', start: at(0) }, // active: observed spans 0–2, censored after 2
      { customerId: 'd', start: at(0), end: at(95) }, // ends in span 3, incomplete: censored after 2
      { customerId: 'e', start: at(40) }, // observed span 0 (days 40–69); span 1 ends day 100 → complete too
      { customerId: 'f', start: at(50), end: at(70) }, // ends in span 0 (days 50–79)
      { customerId: 'g', start: at(80) }, // nothing complete yet
      { customerId: 'h', start: at(0), end: at(200) }, // ends after asOf: still active, censored after 2
    ];
    const table = Cohort.fromSubscriptions(subs).every({ days: 30 }).asOf(at(100)).table();
    // at risk k0: all but g = 7; ended a, f → S0 = 5/7
    // at risk k1: 7 − {a, f} = 5 (b, c, d, e, h); ended b → S1 = 5/7 · 4/5 = 4/7
    // e is censored after span 1 (start day 40 + 2 spans = day 100 ≤ asOf + 1 ms)
    // at risk k2: 5 − {b, e} = 3 (c, d, h); ended 0 → S2 = 4/7
    expect(table.overall.map((c) => [c.offset, c.atRisk, c.ended, c.censored])).toEqual([
      [0, 7, 2, 0],
      [1, 5, 1, 1],
      [2, 3, 0, 3],
    ]);
    [5 / 7, 4 / 7, 4 / 7].forEach((expected, k) => expect(table.overall[k]?.survival).toBeCloseTo(expected, 15));
  });

  test('monthly cohorts: cells end before the incomplete month', () => {
    const table = Cohort.fromSubscriptions([
      { customerId: 1, start: '2024-01-05', end: '2024-02-10' },
      { customerId: 2, start: '2024-01-10', end: null },
      { customerId: 3, start: '2024-01-20', end: '2024-01-25' },
      { customerId: 4, start: '2024-02-01' },
      { customerId: 5, start: '2024-03-03', end: '2024-03-04' }, // ends in the incomplete month: not yet counted
    ])
      .asOf('2024-03-15')
      .table();
    expect(table.cohorts.map((c) => [c.key, c.size, c.cells.length])).toEqual([
      ['2024-01', 3, 2],
      ['2024-02', 1, 1],
      ['2024-03', 1, 0],
    ]);
    const survival = table.cohorts[0]?.cells.map((c) => c.survival) ?? [];
    expect(survival).toHaveLength(2);
    expect(survival[0]).toBeCloseTo(2 / 3, 15);
    expect(survival[1]).toBeCloseTo(1 / 3, 15);
    expect(table.cohorts[1]?.cells[0]?.survival).toBe(1);
    expect(table.asOf.toISOString()).toBe('2024-03-15T00:00:00.000Z');
  });

  test('weekly cohorts in a time zone, default asOf = latest date', () => {
    const table = Cohort.fromSubscriptions(
      [
        { customerId: 1, start: '2024-03-04', end: '2024-03-20' },
        { customerId: 2, start: '2024-03-05' },
      ],
      { timeZone: 'America/New_York' },
    )
      .by('week')
      .table();
    expect(table.cohorts[0]?.key).toBe('2024-W10');
    expect(table.asOf.toISOString()).toBe('2024-03-20T04:00:00.000Z');
    expect(table.overall.map((c) => c.atRisk)).toEqual([2, 2]);
  });

  test('bad subscriptions', () => {
    expect(() => Cohort.fromSubscriptions([{ customerId: 1, start: 'soon' }]).table()).toThrow(InvalidInputError);
    expect(() => Cohort.fromSubscriptions([{ customerId: 1, start: '2024-02-01', end: '2024-01-01' }]).table()).toThrow(
      'subscriptions[0].end: is before the start',
    );
    const skipped = Cohort.fromSubscriptions([{ customerId: null as unknown as number, start: 0 }, { customerId: 2, start: 0 }], {
      onInvalid: 'skip',
    }).table();
    expect(skipped.skipped).toHaveLength(1);
    expect(skipped.cohorts[0]?.size).toBe(1);
    expect(() => Cohort.fromSubscriptions(5 as unknown as [])).toThrow(InvalidOptionError);
    expect(Cohort.fromSubscriptions([]).table().overall).toEqual([]);
  });
});
