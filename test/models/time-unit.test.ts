import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { isoDay, unitDays } from '../../src/models/time-unit.ts';

describe('unitDays', () => {
  test('day, week, { days }', () => {
    expect(unitDays(undefined)).toBe(1);
    expect(unitDays('day')).toBe(1);
    expect(unitDays('week')).toBe(7);
    expect(unitDays({ days: 28 })).toBe(28);
  });
  test('anything else throws', () => {
    for (const bad of ['month', { days: 0 }, { days: 2.5 }, { days: '7' }, null, 7]) {
      expect(() => unitDays(bad as never)).toThrow(InvalidOptionError);
    }
  });
  test('isoDay', () => {
    expect(isoDay(0)).toBe('1970-01-01');
    expect(isoDay(10134)).toBe('1997-09-30');
  });
});
