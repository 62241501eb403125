import { describe, expect, test } from 'vitest';
import { daysFromCivil } from '../../src/calendar/days.ts';
import { InvalidOptionError } from '../../src/errors.ts';
import { resolveProgram, windowStarts } from '../../src/segments/loyalty-options.ts';

const tiers = [{ name: 'Silver', threshold: 100 }, { name: 'Gold', threshold: '500.50' }];

describe('resolveProgram', () => {
  test('thresholds in minor units for spend, counts for orders; defaults', () => {
    const p = resolveProgram({ tiers }, 2);
    expect(Array.from(p.thresholds)).toEqual([10_000, 50_050]);
    expect(p).toMatchObject({ names: ['Silver', 'Gold'], basis: 'spend', window: 'lifetime', pointsPerUnit: 1, keepPreviousTier: false });
    expect(Array.from(resolveProgram({ tiers: [{ name: 'A', threshold: 0 }, { name: 'B', threshold: 3 }], basis: 'orders' }, 2).thresholds)).toEqual([0, 3]);
    expect(resolveProgram({ tiers: [{ name: 'A', threshold: 5 }], window: { rollingMonths: 12 } }, 0).window).toEqual({ rollingMonths: 12 });
  });

  test('clear errors: unsorted or equal thresholds, duplicate names, negatives, bad values', () => {
    const cases: [unknown, RegExp][] = [
      [{ tiers: [{ name: 'Gold', threshold: 500 }, { name: 'Silver', threshold: 100 }] }, /tiers\[1\]\.threshold: tiers must be listed by strictly increasing threshold/],
      [{ tiers: [{ name: 'A', threshold: 1 }, { name: 'B', threshold: 1 }] }, /strictly increasing/],
      [{ tiers: [{ name: 'A', threshold: 1 }, { name: 'A', threshold: 2 }] }, /tiers\[1\]\.name: "A" is used by two tiers/],
      [{ tiers: [{ name: 'A', threshold: -1 }] }, /tiers\[0\]\.threshold: -1 is negative/],
      [{ tiers: [{ name: 'A', threshold: '1.005' }] }, /at most 2 decimals/],
      [{ tiers: [{ name: 'A', threshold: 1.5 }], basis: 'orders' }, /whole number of orders/],
      [{ tiers: [{ name: '', threshold: 1 }] }, /tiers\[0\]\.name/],
      [{ tiers: [] }, /non-empty array/],
      [{ tiers, basis: 'visits' }, /basis/],
      [{ tiers, pointsPerUnit: 0 }, /pointsPerUnit/],
      [{ tiers, window: { rollingMonths: 0 } }, /window\.rollingMonths/],
      [{ tiers, window: { rollingDays: 1.5 } }, /window\.rollingDays/],
      [{ tiers, window: 'quarter' }, /window/],
      [{ tiers, keepPreviousTier: 1 }, /keepPreviousTier/],
    ];
    for (const [options, message] of cases) {
      expect(() => resolveProgram(options as never, 2)).toThrow(InvalidOptionError);
      expect(() => resolveProgram(options as never, 2)).toThrow(message);
    }
  });
});

describe('windowStarts', () => {
  const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
  test('current and previous window starts', () => {
    const asOf = day(2024, 3, 31);
    expect(windowStarts('lifetime', asOf)).toEqual([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(windowStarts('calendarYear', asOf)).toEqual([day(2024, 1, 1), day(2023, 1, 1)]);
    expect(windowStarts({ rollingDays: 30 }, asOf)).toEqual([day(2024, 3, 2), day(2024, 2, 1)]);
    // One month before 31 March is 29 February (clamped): the window is 1–31 March.
    expect(windowStarts({ rollingMonths: 1 }, asOf)).toEqual([day(2024, 3, 1), day(2024, 2, 1)]);
    expect(windowStarts({ rollingMonths: 12 }, day(2024, 2, 29))).toEqual([day(2023, 3, 1), day(2022, 3, 1)]);
  });
});
