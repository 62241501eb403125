import { describe, expect, test } from 'vitest';
import { civilFromDays, dayNumber, dayOfWeek, daysFromCivil } from '../../src/calendar/days.ts';
import { zoneOffsetMs } from '../../src/calendar/offset.ts';
import { fixedSpanIndex, periodIndex } from '../../src/calendar/period.ts';
import { periodOfDay } from '../../src/calendar/units.ts';
import { optionError } from '../helpers/option-error.ts';

// Public calendar helpers refuse what is not a number of the right kind, instead of computing with it
// (a month of '2' used to be concatenated: daysFromCivil(2024, '2', 1) gave 20304, not 19754).
const asNumber = (value: unknown) => value as number;

describe('calendar arguments', () => {
  test('daysFromCivil refuses a string, a fraction or an out-of-range field', () => {
    expect(optionError(() => daysFromCivil(2024, asNumber('2'), 1)).message).toBe('month: "2" is not an integer from 1 to 12');
    expect(optionError(() => daysFromCivil(2024, 13, 1)).option).toBe('month');
    expect(optionError(() => daysFromCivil(2024.5, 1, 1)).option).toBe('year');
    expect(optionError(() => daysFromCivil(2024, 1, 0)).option).toBe('day');
    expect(optionError(() => daysFromCivil(Number.NaN, 1, 1)).option).toBe('year');
    expect(daysFromCivil(2024, 2, 1)).toBe(19754);
  });

  test('civilFromDays, dayOfWeek and periodOfDay refuse a day that is not an integer', () => {
    expect(optionError(() => civilFromDays(1.5)).option).toBe('days');
    expect(optionError(() => civilFromDays(asNumber(null))).option).toBe('days');
    expect(optionError(() => dayOfWeek(Number.NaN)).option).toBe('days');
    expect(optionError(() => periodOfDay(asNumber('3'), 'month')).option).toBe('day');
  });

  test('instants must be numbers a Date can hold, in every zone', () => {
    expect(optionError(() => dayNumber(asNumber('2'), 'Europe/Berlin')).option).toBe('epochMs');
    expect(optionError(() => dayNumber(asNumber(null))).option).toBe('epochMs');
    expect(optionError(() => periodIndex(asNumber('0'), 'month')).option).toBe('epochMs');
    expect(optionError(() => zoneOffsetMs('UTC', asNumber('0'))).option).toBe('epochMs');
    expect(optionError(() => zoneOffsetMs('Europe/Berlin', Number.NaN)).option).toBe('epochMs');
    expect(optionError(() => fixedSpanIndex(0, Number.NaN, { days: 1 })).option).toBe('anchorMs');
  });
});

describe('calendar options', () => {
  test('an unknown key is refused, naming the closest valid one', () => {
    const error = optionError(() => periodIndex(0, 'week', { weekStartOn: 0 } as never));
    expect(error.option).toBe('weekStartOn');
    expect(error.message).toContain('did you mean `weekStartsOn`?');
  });
});
