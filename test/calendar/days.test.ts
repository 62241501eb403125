import { fc, test } from '@fast-check/vitest';
import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { civilFromDays, dayNumber, dayOfWeek, daysFromCivil, daysInMonth, isLeapYear, makeDayIndexer } from '../../src/calendar/days.ts';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];
const instant = fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) - 1 });
const DAY = 86_400_000;

/** Local day number according to date-fns: the wall-clock date of startOfDay(TZDate). */
function dateFnsDay(ms: number, zone: string): number {
  const start = startOfDay(new TZDate(ms, zone));
  return daysFromCivil(start.getFullYear(), start.getMonth() + 1, start.getDate());
}

describe('daysFromCivil / civilFromDays', () => {
  it('counts from 1970-01-01', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2); // 2000-02-29 exists
    expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1); // 1900 is not leap
    expect(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 28)).toBe(2);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(civilFromDays(daysFromCivil(2000, 2, 29))).toEqual({ year: 2000, month: 2, day: 29 });
    expect(civilFromDays(daysFromCivil(1900, 2, 28) + 1)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(civilFromDays(daysFromCivil(0, 1, 1) - 1)).toEqual({ year: -1, month: 12, day: 31 });
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('knows weekdays', () => {
    expect(dayOfWeek(0)).toBe(4); // Thursday
    expect(dayOfWeek(daysFromCivil(2024, 3, 3))).toBe(0); // Sunday
    expect(dayOfWeek(-1)).toBe(3);
  });

  test.prop([fc.integer({ min: -100_000_000, max: 100_000_000 })], { numRuns: 1000 })('round-trips every day of the Date range', (days) => {
    const { year, month, day } = civilFromDays(days);
    expect(daysFromCivil(year, month, day)).toBe(days);
    expect(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)).toBe(true);
    const utc = new Date(days * DAY);
    expect([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]).toEqual([year, month, day]);
  });
});

describe('dayNumber and makeDayIndexer', () => {
  it('gives the local calendar day', () => {
    const t = Date.parse('2024-03-07T23:30:00Z');
    expect(dayNumber(t)).toBe(daysFromCivil(2024, 3, 7));
    expect(dayNumber(t, 'Europe/Berlin')).toBe(daysFromCivil(2024, 3, 8));
    expect(dayNumber(t, 'America/New_York')).toBe(daysFromCivil(2024, 3, 7));
    expect(dayNumber(Date.parse('2024-03-07T11:15:00Z'), 'Pacific/Chatham')).toBe(daysFromCivil(2024, 3, 8)); // +13:45
    expect(dayNumber(Date.parse('2024-03-07T10:14:59Z'), 'Pacific/Chatham')).toBe(daysFromCivil(2024, 3, 7));
    expect(dayNumber(-1)).toBe(-1);
    // Tehran: the first instant of 2022-03-22 is 01:00 +04:30
    expect(dayNumber(Date.parse('2022-03-21T20:29:59.999Z'), 'Asia/Tehran')).toBe(daysFromCivil(2022, 3, 21));
    expect(dayNumber(Date.parse('2022-03-21T20:30:00Z'), 'Asia/Tehran')).toBe(daysFromCivil(2022, 3, 22));
  });

  it('rejects bad zones and instants', () => {
    expect(() => dayNumber(0, 'Mars/Base')).toThrow(InvalidOptionError);
    expect(() => dayNumber(Number.NaN)).toThrow(InvalidOptionError);
    expect(() => dayNumber(Number.NaN, 'Europe/Berlin')).toThrow(InvalidOptionError);
    expect(() => makeDayIndexer('Mars/Base')).toThrow('timeZone: "Mars/Base" is not an IANA time zone');
  });

  for (const zone of ZONES) {
    test.prop([instant], { numRuns: 500 })(`agrees with date-fns startOfDay in ${zone}`, (ms) => {
      const expected = dateFnsDay(ms, zone);
      expect(dayNumber(ms, zone)).toBe(expected);
      expect(makeDayIndexer(zone)(ms)).toBe(expected);
    });
  }

  test.prop([fc.constantFrom(...ZONES), fc.array(instant, { minLength: 1, maxLength: 200 }), fc.boolean()], { numRuns: 100 })(
    'an indexer gives the same days for sorted and shuffled input',
    (zone, instants, sorted) => {
      const dayOf = makeDayIndexer(zone);
      const order = sorted ? [...instants].sort((a, b) => a - b) : instants;
      for (const ms of order) expect(dayOf(ms)).toBe(dayNumber(ms, zone));
    },
  );
});
