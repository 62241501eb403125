import { fc, test } from '@fast-check/vitest';
import { TZDate, tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { dayNumber, daysFromCivil, civilFromDays } from '../../src/calendar/days.ts';
import { assertTimeZone, localDayStart, localToEpoch, makeDayIndexer, zoneOffsetMs } from '../../src/calendar/zone.ts';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];
const H = 3_600_000;
const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** Transitions of a zone between two instants, found by stepping an hour at a time. */
function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t < to; t += H) {
    if (zoneOffsetMs(zone, t) === zoneOffsetMs(zone, t + H)) continue;
    let lo = t;
    let hi = t + H;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (zoneOffsetMs(zone, mid) === zoneOffsetMs(zone, t)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

/** Wall-clock fields of wall-clock ms. */
function fields(wall: number): [number, number, number, number, number, number, number] {
  const { year, month, day } = civilFromDays(Math.floor(wall / 86_400_000));
  const inDay = wall - Math.floor(wall / 86_400_000) * 86_400_000;
  return [year, month, day, Math.floor(inDay / H), Math.floor(inDay / MIN) % 60, Math.floor(inDay / 1000) % 60, inDay % 1000];
}

describe('assertTimeZone', () => {
  it('accepts IANA zones, UTC, Etc zones, links and fixed offsets', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT+5', 'Europe/Berlin', 'Asia/Calcutta', 'europe/berlin', '+05:30', '-0330', '+05']) {
      expect(assertTimeZone(zone)).toBe(zone);
    }
  });

  it('rejects anything else with the documented message', () => {
    expect(() => assertTimeZone('Mars/Base')).toThrow('timeZone: "Mars/Base" is not an IANA time zone');
    expect(() => assertTimeZone('Mars/Base', 'zone')).toThrow('zone: "Mars/Base" is not an IANA time zone');
    for (const bad of ['', '+25:00', '05:30', 'GMT+5:30', 5, null, undefined, {}]) {
      expect(() => assertTimeZone(bad)).toThrow(InvalidOptionError);
    }
    try {
      assertTimeZone(42, 'timeZone');
    } catch (error) {
      expect(error).toMatchObject({ option: 'timeZone', value: 42, message: 'timeZone: 42 is not an IANA time zone' });
    }
  });
});

describe('localToEpoch', () => {
  it('converts ordinary wall-clock times', () => {
    expect(iso(localToEpoch('UTC', 2024, 2, 29, 12))).toBe('2024-02-29T12:00:00.000Z');
    expect(iso(localToEpoch('Europe/Berlin', 2024, 7, 1))).toBe('2024-06-30T22:00:00.000Z');
    expect(iso(localToEpoch('Asia/Kolkata', 2024, 1, 1, 5, 30))).toBe('2024-01-01T00:00:00.000Z');
    expect(iso(localToEpoch('Pacific/Chatham', 2024, 1, 1))).toBe('2023-12-31T10:15:00.000Z');
    expect(iso(localToEpoch('Pacific/Chatham', 2024, 7, 1))).toBe('2024-06-30T11:15:00.000Z');
    expect(iso(localToEpoch('+05:30', 2024, 1, 1))).toBe('2023-12-31T18:30:00.000Z');
    expect(iso(localToEpoch('Europe/Berlin', 2024, 3, 31, 23, 59, 59, 999))).toBe('2024-03-31T21:59:59.999Z');
  });

  it('moves times in a DST gap forward by the gap', () => {
    expect(iso(localToEpoch('America/New_York', 2024, 3, 10, 2, 30))).toBe('2024-03-10T07:30:00.000Z'); // 03:30 EDT
    expect(iso(localToEpoch('America/New_York', 2024, 3, 10, 2, 0))).toBe('2024-03-10T07:00:00.000Z'); // 03:00 EDT
    expect(iso(localToEpoch('America/New_York', 2024, 3, 10, 1, 59, 59, 999))).toBe('2024-03-10T06:59:59.999Z');
    expect(iso(localToEpoch('Europe/Berlin', 2024, 3, 31, 2, 30))).toBe('2024-03-31T01:30:00.000Z'); // 03:30 CEST
    expect(iso(localToEpoch('Australia/Lord_Howe', 2024, 10, 6, 2, 15))).toBe('2024-10-05T15:45:00.000Z'); // 02:45 +11
    // Tehran 2022-03-22: midnight to 01:00 did not exist
    expect(iso(localToEpoch('Asia/Tehran', 2022, 3, 22))).toBe('2022-03-21T20:30:00.000Z'); // 01:00 +04:30
    expect(iso(localToEpoch('Asia/Tehran', 2022, 3, 22, 0, 30))).toBe('2022-03-21T21:00:00.000Z'); // 01:30 +04:30
  });

  it('takes the earlier instant of an ambiguous time', () => {
    expect(iso(localToEpoch('America/New_York', 2024, 11, 3, 1, 30))).toBe('2024-11-03T05:30:00.000Z'); // EDT
    expect(iso(localToEpoch('America/New_York', 2024, 11, 3, 2, 0))).toBe('2024-11-03T07:00:00.000Z'); // only EST
    expect(iso(localToEpoch('Europe/Berlin', 2024, 10, 27, 2, 30))).toBe('2024-10-27T00:30:00.000Z'); // CEST
    expect(iso(localToEpoch('Australia/Lord_Howe', 2024, 4, 7, 1, 45))).toBe('2024-04-06T14:45:00.000Z'); // +11
    // Tehran 2022-09-22 00:00 (+04:30) became 2022-09-21 23:00 (+03:30): 23:00–23:59 happened twice
    expect(iso(localToEpoch('Asia/Tehran', 2022, 9, 21, 23, 30))).toBe('2022-09-21T19:00:00.000Z'); // +04:30
    expect(iso(localToEpoch('Asia/Tehran', 2022, 9, 22))).toBe('2022-09-21T20:30:00.000Z');
  });

  it('rejects impossible fields', () => {
    expect(() => localToEpoch('UTC', 2023, 2, 29)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('UTC', 1900, 2, 29)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('UTC', 2024, 13, 1)).toThrow('month: 13 is not within 1–12');
    expect(() => localToEpoch('UTC', 2024, 1, 1, 24)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('UTC', 2024, 1, 1, 0, 60)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('UTC', 2024, 1, 1, 0, 0, 0, 1000)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('UTC', 2024.5, 1, 1)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('UTC', 300_000, 1, 1)).toThrow(InvalidOptionError);
    expect(() => localToEpoch('Mars/Base', 2024, 1, 1)).toThrow('timeZone: "Mars/Base" is not an IANA time zone');
  });

  // `new TZDate(y, m, d, …, zone)` resolves wall-clock times by correcting a system-zone `Date`, so near a
  // transition its answer depends on the process time zone (under TZ=Pacific/Chatham it puts Tehran
  // 2004-03-21 02:00, a time that exists once, at 01:00 +04:30; under TZ=UTC it resolves Berlin
  // 1992-09-27 02:30, which happened twice, to the later instant). So TZDate is the oracle away from
  // transitions, and near them the rule itself is checked with @date-fns/tz `tzOffset`.
  for (const zone of ZONES) {
    test.prop(
      [fc.integer({ min: 1950, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 999 })],
      { numRuns: 500 },
    )(`agrees with new TZDate(…, zone) away from transitions in ${zone}`, (y, m, d, h, mi, s, ms) => {
      const day = Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate());
      const wall = Date.UTC(y, m - 1, day, h, mi, s, ms);
      fc.pre(tzOffset(zone, new Date(wall - 86_400_000)) === tzOffset(zone, new Date(wall + 86_400_000)));
      expect(localToEpoch(zone, y, m, day, h, mi, s, ms)).toBe(+new TZDate(y, m - 1, day, h, mi, s, ms, zone));
    });
  }

  it('follows the gap and overlap rules at every quarter hour around every transition 1990–2030', () => {
    const offset = (zone: string, ms: number): number => Math.round(tzOffset(zone, new Date(ms)) * 60_000);
    let gaps = 0;
    let overlaps = 0;
    for (const zone of ZONES.slice(1)) {
      for (const t of transitions(zone, Date.UTC(1990, 0, 1), Date.UTC(2030, 0, 1))) {
        const wallBefore = t + offset(zone, t - 1);
        for (let wall = wallBefore - 3 * H; wall <= wallBefore + 3 * H; wall += 15 * MIN) {
          const before = offset(zone, wall - 86_400_000);
          const after = offset(zone, wall + 86_400_000);
          const candidates = [wall - before, wall - after].filter((c) => c + offset(zone, c) === wall);
          let expected: number;
          if (candidates.length === 0) {
            gaps++;
            expected = wall - before; // moved forward by the gap
            expect(expected + offset(zone, expected)).toBe(wall + after - before);
          } else {
            if (new Set(candidates).size === 2) overlaps++;
            expected = Math.min(...candidates);
          }
          const ours = localToEpoch(zone, ...fields(wall));
          if (ours !== expected) expect([zone, fields(wall), iso(ours)]).toEqual([zone, fields(wall), iso(expected)]);
        }
      }
    }
    expect(gaps).toBeGreaterThan(100);
    expect(overlaps).toBeGreaterThan(100);
  });

  test.prop([fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) })], { numRuns: 500 })(
    'round-trips an instant through its wall-clock time, unless the time is ambiguous',
    (zone, ms) => {
      const wall = ms + zoneOffsetMs(zone, ms);
      const back = localToEpoch(zone, ...fields(wall));
      expect(back + zoneOffsetMs(zone, back)).toBe(wall);
      expect(back <= ms).toBe(true); // the earlier of two instants showing the same time
    },
  );
});

describe('localDayStart', () => {
  it('is local midnight, or the first instant of a day whose midnight was skipped', () => {
    expect(iso(localDayStart('UTC', daysFromCivil(2024, 2, 29)))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(localDayStart('America/New_York', daysFromCivil(2024, 3, 10)))).toBe('2024-03-10T05:00:00.000Z');
    expect(iso(localDayStart('Asia/Tehran', daysFromCivil(2022, 3, 22)))).toBe('2022-03-21T20:30:00.000Z');
    expect(iso(localDayStart('Asia/Tehran', daysFromCivil(2022, 9, 22)))).toBe('2022-09-21T20:30:00.000Z');
    expect(iso(localDayStart('Pacific/Chatham', daysFromCivil(2024, 4, 7)))).toBe('2024-04-06T10:15:00.000Z');
  });

  it('finds the transition when a gap spans midnight (America/Havana-style rules are at midnight too)', () => {
    // Asia/Gaza and America/Santiago have had DST changes at midnight: check the general rule on all days
    // of 1990–2030 in zones with midnight transitions: the start is the first instant of its local day.
    for (const zone of ['America/Santiago', 'Asia/Tehran', 'America/Havana', 'Asia/Beirut', 'America/Asuncion']) {
      for (const t of transitions(zone, Date.UTC(1990, 0, 1), Date.UTC(2030, 0, 1))) {
        const dayOf = makeDayIndexer(zone);
        for (const day of [dayOf(t - 1) - 1, dayOf(t - 1), dayOf(t), dayOf(t) + 1]) {
          const start = localDayStart(zone, day);
          expect(dayNumber(start, zone)).toBeGreaterThanOrEqual(day);
          expect(dayNumber(start - 1, zone)).toBeLessThan(day);
        }
      }
    }
  });
});

describe('an unknown zone suggests the closest one', () => {
  test.each([
    ['Europe/Berln', 'Europe/Berlin'],
    ['New York', 'America/New_York'],
    ['Berlin', 'Europe/Berlin'],
  ])('%j → %j', (given, suggested) => {
    expect(() => assertTimeZone(given)).toThrow(`timeZone: "${given}" is not an IANA time zone (did you mean '${suggested}'?)`);
  });

  test('nothing is suggested for a name unlike every zone', () => {
    expect(() => assertTimeZone('Mars/Base')).toThrow(/^timeZone: "Mars\/Base" is not an IANA time zone$/);
  });
});
