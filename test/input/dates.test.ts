import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { dateOption, explainDate, parseIsoDate, toEpochMs } from '../../src/input/dates.ts';

/** The reading of a 20-character string ending in Z, written out: date, separator T, t or space, time. */
function readSecondsZ(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})Z$/.exec(text);
  if (match === null) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const back = new Date(0);
  back.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as written
  back.setUTCHours(hour, minute, second, 0);
  const valid = back.getUTCMonth() === month - 1 && back.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? back.getTime() : Number.NaN;
}

describe('parseIsoDate', () => {
  fcTest.prop([
    fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
    fc.array(fc.tuple(fc.nat({ max: 19 }), fc.constantFrom('0', '9', '3', '/', ':', '-', 'T', 't', ' ', 'Z', 'a', '+', '.', '٣')), { maxLength: 2 }),
  ])('YYYY-MM-DDTHH:MM:SSZ and its one- or two-character variants read as written out', (date, edits) => {
    const chars = [...date.toISOString().slice(0, 19), 'Z'];
    for (const [at, c] of edits) chars[at] = c;
    const text = chars.join('');
    const expected = readSecondsZ(text);
    expect(parseIsoDate(text, 'UTC')).toBe(expected);
    expect(parseIsoDate(text, 'Asia/Tokyo')).toBe(expected);
  });

  test.each([
    ['2024-03-07', 'UTC', '2024-03-07T00:00:00.000Z'],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00.000Z'],
    ['2024-03-07T10:20', 'UTC', '2024-03-07T10:20:00.000Z'],
    ['2024-03-07T10:20:30', 'UTC', '2024-03-07T10:20:30.000Z'],
    ['2024-03-07 10:20:30.5', 'UTC', '2024-03-07T10:20:30.500Z'],
    ['2024-03-07T10:20:30.123456789Z', 'UTC', '2024-03-07T10:20:30.123Z'],
    ['2024-03-07T10:20:30Z', 'Asia/Tokyo', '2024-03-07T10:20:30.000Z'],
    ['2024-03-07T10:20:30+02:00', 'UTC', '2024-03-07T08:20:30.000Z'],
    ['2024-03-07T10:20:30-0530', 'UTC', '2024-03-07T15:50:30.000Z'],
    ['2024-03-07T10:20:30+01', 'UTC', '2024-03-07T09:20:30.000Z'],
    // date-only and offset-less strings are read in the zone
    ['2024-03-07', 'Europe/Berlin', '2024-03-06T23:00:00.000Z'],
    ['2024-07-07', 'Europe/Berlin', '2024-07-06T22:00:00.000Z'],
    ['2024-03-07T12:00', 'America/New_York', '2024-03-07T17:00:00.000Z'],
    ['2024-01-01', 'Pacific/Chatham', '2023-12-31T10:15:00.000Z'],
  ])('%s in %s', (text, zone, iso) => {
    expect(new Date(parseIsoDate(text, zone)).toISOString()).toBe(iso);
  });

  test.each([
    '2024-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-1-5', '20240105', '2024-03-07T24:00',
    '2024-03-07T10:60', '2024-03-07T10:20:61', '2024-03-07T10', '2024-03-07X', '2024-03-07T10:20+5', 'yesterday', '',
    '2024-03-07T10:20:30.Z', '2024-03-07T10:20:30+24:00',
  ])('%j is not a date', (text) => {
    expect(parseIsoDate(text, 'UTC')).toBeNaN();
  });
});

describe('toEpochMs', () => {
  test('accepts Date, epoch ms and strings', () => {
    expect(toEpochMs(new Date(Date.UTC(2024, 0, 1)), 'UTC')).toBe(Date.UTC(2024, 0, 1));
    expect(toEpochMs(0, 'UTC')).toBe(0);
    expect(toEpochMs(' 2024-01-01 ', 'UTC')).toBe(Date.UTC(2024, 0, 1));
  });
  test('rejects what is not a usable instant', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, new Date(Number.NaN), null, undefined, {}, true]) {
      expect(toEpochMs(bad, 'UTC')).toBeNaN();
    }
  });
  test('explains', () => {
    expect(explainDate('2024-02-30')).toMatch(/"2024-02-30" is not a valid ISO-8601 date/);
    expect(explainDate(new Date(Number.NaN))).toBe('is an invalid Date');
    expect(explainDate(undefined)).toMatch(/is missing/);
    expect(explainDate(Number.NaN)).toBe('NaN is not a date');
    expect(explainDate(true)).toMatch(/is not a date/);
  });
  test('dates lie within years 0001–9999', () => {
    expect(toEpochMs('0001-01-01', 'UTC')).toBe(-62_135_596_800_000);
    expect(toEpochMs('9999-12-31T23:59:59.999Z', 'UTC')).toBe(253_402_300_799_999);
    expect(toEpochMs('0000-12-31', 'UTC')).toBeNaN();
    expect(toEpochMs(8.64e15, 'UTC')).toBeNaN();
    expect(toEpochMs(new Date(8.64e15), 'UTC')).toBeNaN();
    expect(explainDate(8.64e15)).toBe('8640000000000000 read as epoch milliseconds is outside the years 0001–9999 that dates may take (set the `timeUnit` option for numeric dates in another unit)');
    expect(explainDate(new Date(8.64e15))).toBe('+275760-09-13T00:00:00.000Z is outside the years 0001–9999 that dates may take');
  });

  test('numeric dates are read in the timeUnit, rounded down to the millisecond', () => {
    const t = Date.UTC(2024, 0, 2, 3, 4, 5);
    expect(toEpochMs(t / 1000, 'UTC', 's')).toBe(t);
    expect(toEpochMs(t * 1000 + 999, 'UTC', 'us')).toBe(t);
    expect(toEpochMs(BigInt(t) * 1_000_000n + 999_999n, 'UTC', 'ns')).toBe(t);
    expect(toEpochMs(-1n, 'UTC', 'us')).toBe(-1);
    expect(toEpochMs(-1000n, 'UTC', 'us')).toBe(-1);
    expect(toEpochMs(-1001n, 'UTC', 'us')).toBe(-2);
    expect(toEpochMs(BigInt(t), 'UTC')).toBe(t);
    expect(toEpochMs(BigInt(t), 'UTC', 's')).toBeNaN(); // milliseconds read as seconds: beyond year 9999
  });

  test('a Date from another realm is read; a Proxy or an object made from Date.prototype is explained, not thrown', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign: unknown = runInNewContext('new Date(Date.UTC(2024, 0, 1))');
    expect(foreign instanceof Date).toBe(false);
    expect(toEpochMs(foreign, 'UTC')).toBe(Date.UTC(2024, 0, 1));
    const proxy = new Proxy(new Date(0), {});
    const fake: unknown = Object.create(Date.prototype);
    for (const value of [proxy, fake]) {
      expect(toEpochMs(value, 'UTC')).toBeNaN();
      expect(explainDate(value)).toBe('looks like a Date but is not one (a Proxy around a Date, or an object made from Date.prototype): pass the Date itself');
    }
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); } });
    expect(toEpochMs(hostile, 'UTC')).toBeNaN();
    expect(explainDate(hostile)).toBe('an object is not a date (use a Date, epoch milliseconds or an ISO-8601 string)');
  });

  test('dateOption throws InvalidOptionError', () => {
    expect(dateOption('asOf', '2024-01-01', 'UTC')).toBe(Date.UTC(2024, 0, 1));
    expect(() => dateOption('asOf', 'soon', 'UTC')).toThrow(InvalidOptionError);
    expect(() => dateOption('asOf', 'soon', 'UTC')).toThrow(/^asOf: "soon" is not a valid ISO-8601 date/);
  });
});
