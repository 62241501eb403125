import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { resolveWindows, segmentByDays, segmentByProbability } from '../../src/segments/dormancy-windows.ts';

describe('dormancy windows', () => {
  test('defaults: fixed 90 / 180 / 365, adaptive 2 / 4 / 8 with the fixed fallback', () => {
    expect(resolveWindows(undefined)).toEqual({ kind: 'fixed', days: [90, 180, 365] });
    expect(resolveWindows('fixed')).toEqual({ kind: 'fixed', days: [90, 180, 365] });
    expect(resolveWindows('adaptive')).toEqual({ kind: 'adaptive', multipliers: [2, 4, 8], days: [90, 180, 365] });
    expect(resolveWindows({ active: 30 })).toEqual({ kind: 'fixed', days: [30, 180, 365] });
    expect(resolveWindows({ adaptive: { dormant: 10 }, fallback: { active: 60 } })).toEqual({
      kind: 'adaptive',
      multipliers: [2, 4, 10],
      days: [60, 180, 365],
    });
    const probabilityAlive = () => 0.5;
    expect(resolveWindows({ probabilityAlive })).toEqual({ kind: 'alive', probabilityAlive, thresholds: [0.75, 0.5, 0.25] });
  });

  test('each boundary day belongs to the segment it closes', () => {
    const limits = [90, 180, 365] as const;
    expect([0, 90, 91, 180, 181, 365, 366].map((d) => segmentByDays(d, limits))).toEqual([
      'active', 'active', 'atRisk', 'atRisk', 'dormant', 'dormant', 'lost',
    ]);
    const thresholds = [0.75, 0.5, 0.25] as const;
    expect([1, 0.75, 0.74, 0.5, 0.25, 0.2499, 0].map((p) => segmentByProbability(p, thresholds))).toEqual([
      'active', 'active', 'atRisk', 'atRisk', 'dormant', 'lost', 'lost',
    ]);
  });

  test('bad windows are option errors', () => {
    const bad: unknown[] = [
      'weekly',
      42,
      { active: 200 }, // not below atRisk
      { active: -1 },
      { atRisk: 90 }, // equal to active
      { dormant: 100.5 },
      { adaptive: { active: 0 } },
      { adaptive: { atRisk: 1 } },
      { adaptive: 3 },
      { adaptive: {}, fallback: { dormant: 10 } },
      { probabilityAlive: 0.5 },
      { probabilityAlive: () => 1, thresholds: { active: 0.2 } },
      { probabilityAlive: () => 1, thresholds: { dormant: 1.5 } },
    ];
    for (const value of bad) expect(() => resolveWindows(value as never), JSON.stringify(value)).toThrow(InvalidOptionError);
  });
});
