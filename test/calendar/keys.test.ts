import { fc, test } from '@fast-check/vitest';
import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { daysFromCivil } from '../../src/calendar/days.ts';
import { parsePeriodKey, periodKey } from '../../src/calendar/keys.ts';
import { type CalendarUnit, type WeekStartsOn, periodOfDay } from '../../src/calendar/units.ts';

const UNITS: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
const key = (y: number, m: number, d: number, unit: CalendarUnit, w: WeekStartsOn = 1): string =>
  periodKey(periodOfDay(daysFromCivil(y, m, d), unit, w), unit, w);

describe('periodKey', () => {
  it('writes the documented keys', () => {
    expect(key(2024, 3, 7, 'day')).toBe('2024-03-07');
    expect(key(2024, 2, 29, 'week')).toBe('2024-W09');
    expect(key(2024, 3, 7, 'week', 0)).toBe('2024-03-03');
    expect(key(2024, 3, 7, 'month')).toBe('2024-03');
    expect(key(2024, 3, 7, 'quarter')).toBe('2024-Q1');
    expect(key(2024, 12, 31, 'quarter')).toBe('2024-Q4');
    expect(key(2024, 3, 7, 'year')).toBe('2024');
  });

  it('uses the ISO week-numbering year', () => {
    expect(key(2020, 12, 31, 'week')).toBe('2020-W53');
    expect(key(2021, 1, 3, 'week')).toBe('2020-W53');
    expect(key(2021, 1, 4, 'week')).toBe('2021-W01');
    expect(key(2024, 12, 30, 'week')).toBe('2025-W01');
    expect(key(2024, 12, 29, 'week')).toBe('2024-W52');
    expect(key(2027, 1, 1, 'week')).toBe('2026-W53');
    // a non-Monday week is named by its first day, in whatever year that falls
    expect(key(2025, 1, 1, 'week', 0)).toBe('2024-12-29');
  });

  it('writes years outside 0–9999 in ISO 8601 expanded form', () => {
    expect(periodKey(999, 'year')).toBe('0999');
    expect(periodKey(0, 'year')).toBe('0000');
    expect(periodKey(-1, 'year')).toBe('-000001');
    expect(periodKey(10_000 * 12, 'month')).toBe('+010000-01');
    expect(periodKey(-1, 'quarter')).toBe('-000001-Q4');
    expect(periodKey(daysFromCivil(-1, 12, 31), 'day')).toBe('-000001-12-31');
    expect(new Date(Date.UTC(-1, 11, 31)).toISOString().slice(0, 13)).toBe('-000001-12-31');
  });
});

describe('parsePeriodKey', () => {
  it('reads the documented keys', () => {
    expect(parsePeriodKey('2024-03-07', 'day')).toBe(daysFromCivil(2024, 3, 7));
    expect(parsePeriodKey('2024-W09', 'week')).toBe(periodOfDay(daysFromCivil(2024, 2, 26), 'week'));
    expect(parsePeriodKey('2020-W53', 'week')).toBe(periodOfDay(daysFromCivil(2021, 1, 3), 'week'));
    expect(parsePeriodKey('2025-W01', 'week')).toBe(periodOfDay(daysFromCivil(2024, 12, 30), 'week'));
    expect(parsePeriodKey('2024-03-03', 'week', 0)).toBe(periodOfDay(daysFromCivil(2024, 3, 3), 'week', 0));
    expect(parsePeriodKey('2024-03', 'month')).toBe(2024 * 12 + 2);
    expect(parsePeriodKey('2024-Q1', 'quarter')).toBe(2024 * 4);
    expect(parsePeriodKey('2024', 'year')).toBe(2024);
    expect(parsePeriodKey('-000001-Q4', 'quarter')).toBe(-1);
    expect(parsePeriodKey('+010000', 'year')).toBe(10_000);
  });

  it('rejects junk with InvalidOptionError', () => {
    const bad: [string, CalendarUnit, WeekStartsOn?][] = [
      ['2024-3', 'month'], ['2024-13', 'month'], ['2024-00', 'month'], ['2024-02-30', 'day'], ['2023-02-29', 'day'],
      ['1900-02-29', 'day'], ['2024-Q5', 'quarter'], ['2024-Q0', 'quarter'], ['2024-W54', 'week'], ['2024-W53', 'week'],
      ['2024-W00', 'week'], ['2024-03-04', 'week', 0], ['2024-W09', 'week', 0], ['24', 'year'], ['+002024', 'year'],
      ['-000000', 'year'], [' 2024', 'year'], ['2024-03-07T00:00', 'day'], ['2024-03', 'day'], ['', 'month'],
    ];
    for (const [text, unit, w] of bad) expect(() => parsePeriodKey(text, unit, w), `${text} ${unit}`).toThrow(InvalidOptionError);
    expect(() => parsePeriodKey('2024-13', 'month')).toThrow('key: "2024-13" is not a month key (no such month; e.g. "2024-03")');
    expect(() => parsePeriodKey(2024 as unknown as string, 'year')).toThrow(InvalidOptionError);
    expect(() => parsePeriodKey('2024', 'decade' as CalendarUnit)).toThrow(InvalidOptionError);
  });

  test.prop([fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.constantFrom(...UNITS), fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6)], { numRuns: 1000 })(
    'parsePeriodKey(periodKey(i)) === i',
    (d, unit, w) => {
      const index = periodOfDay(d, unit, w);
      expect(parsePeriodKey(periodKey(index, unit, w), unit, w)).toBe(index);
    },
  );

  test.prop([fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) - 1 })], { numRuns: 500 })(
    'ISO week keys agree with date-fns getISOWeekYear / getISOWeek',
    (ms) => {
      const date = new TZDate(ms, 'UTC');
      const expected = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
      expect(periodKey(periodOfDay(Math.floor(ms / 86_400_000), 'week'), 'week')).toBe(expected);
    },
  );
});
