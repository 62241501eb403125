/**
 * BG/BB on the donations data: Fader, Hardie & Shang (2010), "Customer-base analysis in a
 * discrete-time noncontractual setting", report α = 1.204, β = 0.750, γ = 0.657, δ = 2.783.
 */
import { describe, expect, test } from 'vitest';
import { fitBgBb } from '../../src/models/bg-bb.ts';
import { readFixtureCsv } from '../models/helpers.ts';

describe('BG/BB on donations (Fader, Hardie & Shang 2010)', () => {
  test('parameters to the printed precision', () => {
    const rows = readFixtureCsv('donations.csv');
    const fit = fitBgBb({
      frequency: rows.map((r) => r[0] ?? Number.NaN),
      recency: rows.map((r) => r[1] ?? Number.NaN),
      periods: rows.map((r) => r[2] ?? Number.NaN),
      weight: rows.map((r) => r[3] ?? Number.NaN),
    });
    expect(rows.reduce((acc, r) => acc + (r[3] ?? 0), 0)).toBe(11104);
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
  });
});
