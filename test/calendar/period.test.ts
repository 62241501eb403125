import { fc, test } from '@fast-check/vitest';
import { TZDate } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear, startOfDay, startOfISOWeek, startOfMonth, startOfQuarter, startOfWeek, startOfYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { localToEpoch } from '../../src/calendar/zone.ts';
import { parsePeriodKey, periodKey } from '../../src/calendar/keys.ts';
import { fixedSpanIndex, periodEnd, periodIndex, periodStart } from '../../src/calendar/period.ts';
import type { CalendarUnit, WeekStartsOn } from '../../src/calendar/units.ts';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];
const UNITS: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];
const instant = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) - 1 });
const weekStart = fc.constantFrom<WeekStartsOn>(0, 1, 2, 3, 4, 5, 6);
const iso = (ms: number): string => new Date(ms).toISOString();

/** The start of the period containing `ms` according to date-fns on a TZDate. */
function dateFnsStart(ms: number, zone: string, unit: CalendarUnit, weekStartsOn: WeekStartsOn): number {
  const date = new TZDate(ms, zone);
  switch (unit) {
    case 'day':
      return +startOfDay(date);
    case 'week':
      return weekStartsOn === 1 ? +startOfISOWeek(date) : +startOfWeek(date, { weekStartsOn });
    case 'month':
      return +startOfMonth(date);
    case 'quarter':
      return +startOfQuarter(date);
    default:
      return +startOfYear(date);
  }
}

describe('periodIndex, periodStart, periodEnd', () => {
  it('puts 23:59:59.999 local in one quarter/year and 00:00 local in the next', () => {
    for (const timeZone of ZONES) {
      const options = { timeZone };
      const last = localToEpoch(timeZone, 2024, 12, 31, 23, 59, 59, 999);
      const first = localToEpoch(timeZone, 2025, 1, 1);
      expect(first - last).toBe(1);
      expect(periodKey(periodIndex(last, 'year', options), 'year')).toBe('2024');
      expect(periodKey(periodIndex(first, 'year', options), 'year')).toBe('2025');
      expect(periodKey(periodIndex(last, 'quarter', options), 'quarter')).toBe('2024-Q4');
      expect(periodKey(periodIndex(first, 'quarter', options), 'quarter')).toBe('2025-Q1');
      expect(periodEnd(periodIndex(last, 'quarter', options), 'quarter', options)).toBe(first);
      const q2 = localToEpoch(timeZone, 2024, 4, 1);
      expect(periodKey(periodIndex(q2 - 1, 'quarter', options), 'quarter')).toBe('2024-Q1');
      expect(periodKey(periodIndex(q2, 'quarter', options), 'quarter')).toBe('2024-Q2');
      expect(periodStart(periodIndex(q2, 'quarter', options), 'quarter', options)).toBe(q2);
    }
  });

  it('gives DST days their real length', () => {
    const hours = (key: string, timeZone: string): number => {
      const index = parsePeriodKey(key, 'day');
      return (periodEnd(index, 'day', { timeZone }) - periodStart(index, 'day', { timeZone })) / 3_600_000;
    };
    expect(hours('2024-03-10', 'America/New_York')).toBe(23);
    expect(hours('2024-11-03', 'America/New_York')).toBe(25);
    expect(hours('2024-03-31', 'Europe/Berlin')).toBe(23);
    expect(hours('2024-10-27', 'Europe/Berlin')).toBe(25);
    expect(hours('2024-10-06', 'Australia/Lord_Howe')).toBe(23.5);
    expect(hours('2024-04-07', 'Australia/Lord_Howe')).toBe(24.5);
    expect(hours('2024-09-29', 'Pacific/Chatham')).toBe(23);
    expect(hours('2022-03-22', 'Asia/Tehran')).toBe(23); // began at 01:00
    expect(hours('2022-09-21', 'Asia/Tehran')).toBe(25); // 23:00–24:00 twice
    expect(hours('2024-02-29', 'UTC')).toBe(24);
  });

  it('starts a day whose midnight did not exist at the first instant that did', () => {
    const index = parsePeriodKey('2022-03-22', 'day');
    expect(iso(periodStart(index, 'day', { timeZone: 'Asia/Tehran' }))).toBe('2022-03-21T20:30:00.000Z');
    expect(iso(periodEnd(index - 1, 'day', { timeZone: 'Asia/Tehran' }))).toBe('2022-03-21T20:30:00.000Z');
    expect(iso(+startOfDay(new TZDate(Date.parse('2022-03-22T06:00:00Z'), 'Asia/Tehran')))).toBe('2022-03-21T20:30:00.000Z');
  });

  it('starts a day whose midnight happened twice at the earlier midnight', () => {
    // Tehran 1978-08-05: 01:00 +05:00 fell back to 00:00 +04:00. Under TZ=UTC, date-fns startOfDay answers the
    // later midnight (20:00Z), which is after instants (19:00Z–19:59Z) that already belong to that day.
    const index = parsePeriodKey('1978-08-05', 'day');
    expect(iso(periodStart(index, 'day', { timeZone: 'Asia/Tehran' }))).toBe('1978-08-04T19:00:00.000Z');
    expect(periodIndex(Date.parse('1978-08-04T19:30:00Z'), 'day', { timeZone: 'Asia/Tehran' })).toBe(index);
  });

  it('uses weekStartsOn and ISO weeks', () => {
    const t = Date.parse('2021-01-03T12:00:00Z'); // Sunday
    expect(periodKey(periodIndex(t, 'week'), 'week')).toBe('2020-W53');
    expect(periodKey(periodIndex(t, 'week', { weekStartsOn: 0 }), 'week', 0)).toBe('2021-01-03');
    expect(iso(periodStart(periodIndex(t, 'week'), 'week'))).toBe('2020-12-28T00:00:00.000Z');
    // in Chatham (+13:45) that instant is already Monday 2021-01-04 01:45, so its week starts that midnight
    const chatham = { timeZone: 'Pacific/Chatham' };
    expect(periodKey(periodIndex(t, 'week', chatham), 'week')).toBe('2021-W01');
    expect(iso(periodStart(periodIndex(t, 'week', chatham), 'week', chatham))).toBe('2021-01-03T10:15:00.000Z');
  });

  it('rejects bad options', () => {
    expect(() => periodIndex(0, 'month', { timeZone: 'Mars/Base' })).toThrow('timeZone: "Mars/Base" is not an IANA time zone');
    expect(() => periodIndex(0, 'week', { weekStartsOn: 9 as WeekStartsOn })).toThrow(InvalidOptionError);
    expect(() => periodIndex(0, 'month', { weekStartsOn: 9 as WeekStartsOn })).toThrow(InvalidOptionError);
    expect(() => periodIndex(Number.NaN, 'month')).toThrow(InvalidOptionError);
    expect(() => periodIndex(0, 'fortnight' as CalendarUnit)).toThrow(InvalidOptionError);
    expect(() => periodStart(1.5, 'day')).toThrow(InvalidOptionError);
    expect(() => periodEnd(Number.NaN, 'day')).toThrow(InvalidOptionError);
    expect(() => periodStart(10 ** 9, 'day')).toThrow(InvalidOptionError); // beyond the Date range
  });

  for (const timeZone of ZONES) {
    test.prop([instant, fc.constantFrom(...UNITS), weekStart], { numRuns: 500 })(
      `agrees with date-fns start-of-period on TZDate in ${timeZone}`,
      (ms, unit, weekStartsOn) => {
        const options = { timeZone, weekStartsOn };
        const index = periodIndex(ms, unit, options);
        const start = periodStart(index, unit, options);
        const end = periodEnd(index, unit, options);
        expect(start <= ms && ms < end).toBe(true);
        expect(iso(start)).toBe(iso(dateFnsStart(ms, timeZone, unit, weekStartsOn)));
        expect(periodIndex(start, unit, options)).toBe(index);
        expect(periodIndex(end, unit, options)).toBe(index + 1);
        expect(parsePeriodKey(periodKey(index, unit, weekStartsOn), unit, weekStartsOn)).toBe(index);
        if (unit === 'week' && weekStartsOn === 1) {
          const date = new TZDate(ms, timeZone);
          expect(periodKey(index, 'week')).toBe(`${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`);
        }
      },
    );
  }
});

describe('fixedSpanIndex', () => {
  it('counts elapsed whole spans of days × 24 h, ignoring DST', () => {
    const first = Date.parse('2024-03-01T12:00:00Z');
    expect(fixedSpanIndex(first, first, { days: 30 })).toBe(0);
    expect(fixedSpanIndex(first + 30 * 86_400_000 - 1, first, { days: 30 })).toBe(0);
    expect(fixedSpanIndex(first + 30 * 86_400_000, first, { days: 30 })).toBe(1);
    expect(fixedSpanIndex(first - 1, first, { days: 7 })).toBe(-1);
    // across Berlin's spring-forward the span is still 7 × 24 h, not 7 local days
    const berlin = localToEpoch('Europe/Berlin', 2024, 3, 28, 12);
    expect(fixedSpanIndex(localToEpoch('Europe/Berlin', 2024, 4, 4, 12), berlin, { days: 7 })).toBe(0);
    expect(fixedSpanIndex(localToEpoch('Europe/Berlin', 2024, 4, 4, 13), berlin, { days: 7 })).toBe(1);
  });

  it('rejects spans that are not positive whole days', () => {
    for (const days of [0, -7, 1.5, Number.NaN]) expect(() => fixedSpanIndex(0, 0, { days })).toThrow(InvalidOptionError);
  });

  it('rejects a span that is not an object with a typed error', () => {
    expect(() => fixedSpanIndex(0, 0, null as unknown as { days: number })).toThrow(InvalidOptionError);
    expect(() => fixedSpanIndex(0, 0, 'week' as unknown as { days: number })).toThrow(InvalidOptionError);
  });

  it('rejects a span with a key other than days', () => {
    const span = { days: 3, weeks: 1 } as unknown as { days: number };
    expect(() => fixedSpanIndex(0, 0, span)).toThrow(/period\.weeks/);
  });

  test.prop([instant, instant, fc.integer({ min: 1, max: 400 })], { numRuns: 500 })('is floor of elapsed spans', (t, anchor, days) => {
    const k = fixedSpanIndex(t, anchor, { days });
    const span = days * 86_400_000;
    expect(anchor + k * span <= t && t < anchor + (k + 1) * span).toBe(true);
  });
});
