import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { civilFromDays, dayOfWeek, daysFromCivil } from '../../src/calendar/days.ts';
import {
  type CalendarUnit,
  type WeekStartsOn,
  assertCalendarUnit,
  assertPeriod,
  assertWeekStartsOn,
  isFixedSpan,
  periodFirstDay,
  periodOfDay,
} from '../../src/calendar/units.ts';

const UNITS: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
const day = fc.integer({ min: -100_000_000, max: 100_000_000 });
const weekStart = fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6);

describe('validation', () => {
  it('accepts calendar units and fixed spans', () => {
    for (const unit of UNITS) expect(assertPeriod(unit)).toBe(unit);
    expect(assertPeriod({ days: 30 })).toEqual({ days: 30 });
    expect(assertCalendarUnit('quarter')).toBe('quarter');
    expect(isFixedSpan({ days: 7 })).toBe(true);
    expect(isFixedSpan('week')).toBe(false);
  });

  it('refuses a fixed span with a key other than days, naming the key', () => {
    expect(() => assertPeriod({ days: 3, weeks: 1 })).toThrow(/^period\.weeks: /);
    expect(() => assertPeriod({ days: 1, label: 'x' }, 'every')).toThrow(/^every\.label: /);
  });

  it('rejects anything else', () => {
    for (const bad of ['fortnight', 'Month', '', 7, null, undefined, [], {}, { days: 0 }, { days: -1 }, { days: 1.5 }, { days: '7' }, { days: Number.NaN }]) {
      expect(() => assertPeriod(bad)).toThrow(InvalidOptionError);
    }
    expect(() => assertPeriod('fortnight')).toThrow('period: "fortnight" is not a calendar unit (day, week, month, quarter, year)');
    expect(() => assertPeriod({ days: 0 }, 'window')).toThrow('window.days: 0 is not a positive whole number of days');
    expect(() => assertCalendarUnit({ days: 7 })).toThrow(InvalidOptionError);
  });

  it('checks weekStartsOn', () => {
    expect(assertWeekStartsOn(undefined)).toBe(1);
    for (const w of [0, 1, 2, 3, 4, 5, 6]) expect(assertWeekStartsOn(w)).toBe(w);
    for (const bad of [7, -1, 1.5, '1', null, Number.NaN]) expect(() => assertWeekStartsOn(bad)).toThrow(InvalidOptionError);
    expect(() => periodOfDay(0, 'week', 7 as WeekStartsOn)).toThrow('weekStartsOn: 7 is not a day of the week 0 (Sunday) … 6 (Saturday)');
    expect(() => periodFirstDay(0, 'week', -1 as WeekStartsOn)).toThrow(InvalidOptionError);
  });

  it('rejects unknown units and non-integer indices', () => {
    expect(() => periodOfDay(0, 'decade' as CalendarUnit)).toThrow(InvalidOptionError);
    expect(() => periodFirstDay(0, 'decade' as CalendarUnit)).toThrow(InvalidOptionError);
    expect(() => periodFirstDay(1.5, 'month')).toThrow(InvalidOptionError);
    expect(() => periodFirstDay(Number.NaN, 'day')).toThrow(InvalidOptionError);
  });
});

describe('periodOfDay / periodFirstDay', () => {
  it('numbers periods by hand-checked formulas', () => {
    const d = daysFromCivil(2024, 3, 7);
    expect(periodOfDay(d, 'day')).toBe(d);
    expect(periodOfDay(d, 'month')).toBe(2024 * 12 + 2);
    expect(periodOfDay(d, 'quarter')).toBe(2024 * 4);
    expect(periodOfDay(d, 'year')).toBe(2024);
    expect(periodOfDay(0, 'week', 4)).toBe(0); // 1970-01-01 was a Thursday
    expect(periodOfDay(-1, 'week', 4)).toBe(-1);
    expect(civilFromDays(periodFirstDay(periodOfDay(d, 'week'), 'week'))).toEqual({ year: 2024, month: 3, day: 4 }); // Monday
    expect(civilFromDays(periodFirstDay(periodOfDay(d, 'week', 0), 'week', 0))).toEqual({ year: 2024, month: 3, day: 3 }); // Sunday
    expect(civilFromDays(periodFirstDay(periodOfDay(d, 'week', 6), 'week', 6))).toEqual({ year: 2024, month: 3, day: 2 }); // Saturday
    expect(civilFromDays(periodFirstDay(periodOfDay(d, 'quarter'), 'quarter'))).toEqual({ year: 2024, month: 1, day: 1 });
    expect(civilFromDays(periodFirstDay(-1, 'month'))).toEqual({ year: -1, month: 12, day: 1 });
    expect(civilFromDays(periodFirstDay(-1, 'quarter'))).toEqual({ year: -1, month: 10, day: 1 });
    // leap days belong to February and to Q1
    expect(periodOfDay(daysFromCivil(2024, 2, 29), 'month')).toBe(2024 * 12 + 1);
    expect(periodOfDay(daysFromCivil(2000, 2, 29), 'quarter')).toBe(2000 * 4);
    expect(periodOfDay(daysFromCivil(1900, 2, 28) + 1, 'month')).toBe(1900 * 12 + 2); // 1900-03-01
  });

  test.prop([day, fc.constantFrom(...UNITS), weekStart], { numRuns: 1000 })(
    'a day lies in its period, which starts on its first day and is followed by period + 1',
    (d, unit, w) => {
      const index = periodOfDay(d, unit, w);
      const first = periodFirstDay(index, unit, w);
      const next = periodFirstDay(index + 1, unit, w);
      expect(first <= d && d < next).toBe(true);
      expect(periodOfDay(first, unit, w)).toBe(index);
      expect(periodOfDay(first - 1, unit, w)).toBe(index - 1);
      expect(periodOfDay(next, unit, w)).toBe(index + 1);
      const start = civilFromDays(first);
      if (unit === 'week') expect(dayOfWeek(first)).toBe(w);
      if (unit === 'month') expect(start.day).toBe(1);
      if (unit === 'quarter') expect([start.day, (start.month - 1) % 3]).toEqual([1, 0]);
      if (unit === 'year') expect([start.month, start.day]).toEqual([1, 1]);
    },
  );
});
