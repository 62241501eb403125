import { fc, test } from '@fast-check/vitest';
import { tzOffset } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { BLOCK_DAYS, ZoneCache, parseFixedOffset, zoneCache, zoneOffsetMs } from '../../src/calendar/offset.ts';

const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Tehran', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Kolkata'];
const FROM = Date.UTC(1950, 0, 1);
const TO = Date.UTC(2100, 0, 1);
const instant = fc.integer({ min: FROM, max: TO - 1 });
const H = 3_600_000;

/** `tzOffset` from @date-fns/tz in ms (it answers in minutes, with seconds as fractions). */
const reference = (zone: string, ms: number): number => Math.round(tzOffset(zone, new Date(ms)) * 60_000);

describe('zoneOffsetMs', () => {
  it('knows standard and summer time', () => {
    expect(zoneOffsetMs('America/New_York', Date.UTC(2024, 0, 15))).toBe(-5 * H);
    expect(zoneOffsetMs('America/New_York', Date.UTC(2024, 6, 15))).toBe(-4 * H);
    expect(zoneOffsetMs('Pacific/Chatham', Date.UTC(2024, 0, 15))).toBe(13.75 * H);
    expect(zoneOffsetMs('Pacific/Chatham', Date.UTC(2024, 6, 15))).toBe(12.75 * H);
    expect(zoneOffsetMs('Australia/Lord_Howe', Date.UTC(2024, 0, 15))).toBe(11 * H);
    expect(zoneOffsetMs('Australia/Lord_Howe', Date.UTC(2024, 6, 15))).toBe(10.5 * H);
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2024, 6, 15))).toBe(5.5 * H);
    expect(zoneOffsetMs('UTC', 0)).toBe(0);
    expect(zoneOffsetMs('Etc/GMT+5', 0)).toBe(-5 * H);
  });

  it('changes at the exact millisecond of a transition', () => {
    // New York springs forward at 2024-03-10 07:00Z, falls back at 2024-11-03 06:00Z.
    const spring = Date.UTC(2024, 2, 10, 7);
    expect(zoneOffsetMs('America/New_York', spring - 1)).toBe(-5 * H);
    expect(zoneOffsetMs('America/New_York', spring)).toBe(-4 * H);
    const fall = Date.UTC(2024, 10, 3, 6);
    expect(zoneOffsetMs('America/New_York', fall - 1)).toBe(-4 * H);
    expect(zoneOffsetMs('America/New_York', fall)).toBe(-5 * H);
    // Berlin: 2024-03-31 01:00Z and 2024-10-27 01:00Z.
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 2, 31, 1) - 1)).toBe(H);
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 2, 31, 1))).toBe(2 * H);
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 9, 27, 1) - 1)).toBe(2 * H);
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 9, 27, 1))).toBe(H);
    // Tehran 2022-03-22 00:00 local (+03:30) = 2022-03-21 20:30Z, last DST start before Iran abolished DST.
    expect(zoneOffsetMs('Asia/Tehran', Date.UTC(2022, 2, 21, 20, 30) - 1)).toBe(3.5 * H);
    expect(zoneOffsetMs('Asia/Tehran', Date.UTC(2022, 2, 21, 20, 30))).toBe(4.5 * H);
    expect(zoneOffsetMs('Asia/Tehran', Date.UTC(2023, 6, 1))).toBe(3.5 * H);
    // Lord Howe: +10:30 → +11 at 02:00 local on 2024-10-06 (= 2024-10-05 15:30Z), a 30-minute shift.
    expect(zoneOffsetMs('Australia/Lord_Howe', Date.UTC(2024, 9, 5, 15, 30) - 1)).toBe(10.5 * H);
    expect(zoneOffsetMs('Australia/Lord_Howe', Date.UTC(2024, 9, 5, 15, 30))).toBe(11 * H);
  });

  it('keeps seconds of historic local mean time offsets', () => {
    expect(zoneOffsetMs('Europe/Berlin', Date.UTC(1890, 0, 1))).toBe((53 * 60 + 28) * 1000);
    // Africa/Monrovia used -00:44:30 until 1972. Intl (and so this library) says -44.5 minutes; @date-fns/tz
    // 1.5 loses the sign of "-00:44:30" and answers +44.5: a bug on its side.
    expect(zoneOffsetMs('Africa/Monrovia', Date.UTC(1960, 0, 1))).toBe(-(44 * 60 + 30) * 1000);
    expect(tzOffset('Africa/Monrovia', new Date(Date.UTC(1960, 0, 1)))).toBe(44.5);
  });

  it('handles fixed offsets without Intl', () => {
    expect(parseFixedOffset('+05:30')).toBe(5.5 * H);
    expect(parseFixedOffset('-0330')).toBe(-3.5 * H);
    expect(parseFixedOffset('+05')).toBe(5 * H);
    expect(parseFixedOffset('+24:00')).toBeUndefined();
    expect(parseFixedOffset('+05:60')).toBeUndefined();
    expect(parseFixedOffset('Europe/Berlin')).toBeUndefined();
    expect(zoneOffsetMs('+05:30', Date.UTC(2024, 0, 1))).toBe(reference('+05:30', Date.UTC(2024, 0, 1)));
    expect(zoneOffsetMs('-03:30', 0)).toBe(-3.5 * H);
  });

  it('works at the ends of the Date range', () => {
    expect(zoneOffsetMs('Europe/Berlin', 8.64e15)).toBe(reference('Europe/Berlin', 8.64e15));
    expect(zoneOffsetMs('Europe/Berlin', -8.64e15)).toBe(reference('Europe/Berlin', -8.64e15));
  });

  it('rejects unknown zones and impossible instants', () => {
    expect(() => zoneOffsetMs('Mars/Base', 0)).toThrow(InvalidOptionError);
    expect(() => zoneOffsetMs('Mars/Base', 0)).toThrow('timeZone: "Mars/Base" is not an IANA time zone');
    for (const zone of ['UTC', 'Europe/Berlin', '+01:00']) {
      expect(() => zoneOffsetMs(zone, Number.NaN)).toThrow(InvalidOptionError);
      expect(() => zoneOffsetMs(zone, 8.64e15 + 1)).toThrow(InvalidOptionError);
      expect(() => zoneOffsetMs(zone, Number.POSITIVE_INFINITY)).toThrow(InvalidOptionError);
    }
  });

  for (const zone of ZONES) {
    test.prop([instant], { numRuns: 500 })(`agrees with @date-fns/tz tzOffset in ${zone}`, (ms) => {
      expect(zoneOffsetMs(zone, ms)).toBe(reference(zone, ms));
    });
  }

  test.prop([fc.constantFrom(...ZONES.slice(1)), fc.array(instant, { minLength: 1, maxLength: 300 }), fc.boolean()], { numRuns: 100 })(
    'a fresh cache answers like Intl whether calls come sorted or in random order',
    (zone, instants, sorted) => {
      const order = sorted ? [...instants].sort((a, b) => a - b) : instants;
      const cache = new ZoneCache(zone, undefined);
      for (const ms of order) {
        const cached = ms >= cache.lo && ms < cache.hi ? cache.off : cache.lookup(ms);
        expect(cached).toBe(cache.exact(ms));
        expect(cached).toBe(reference(zone, ms));
      }
    },
  );

  it(`finds every transition (walking a decade hour by hour across ${BLOCK_DAYS}-day blocks)`, () => {
    // Walk a whole decade hour by hour (and a minute either side of each hour) through a fresh cache.
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Tehran']) {
      const cache = new ZoneCache(zone, undefined);
      for (let ms = Date.UTC(2015, 0, 1); ms < Date.UTC(2025, 0, 1); ms += H) {
        for (const at of [ms - 60_000, ms, ms + 60_000]) {
          const cached = at >= cache.lo && at < cache.hi ? cache.off : cache.lookup(at);
          if (cached !== cache.exact(at)) expect([zone, at, cached]).toEqual([zone, at, cache.exact(at)]);
        }
      }
    }
    expect(zoneCache('Europe/Berlin').timeZone).toBe('Europe/Berlin');
  });
});
