/**
 * Shifted-beta-geometric: Fader & Hardie (2007), "How to project customer retention". Survivors of a
 * cohort of 1,000 at the start of years 0…12; the paper fits the 8 counts of years 0–7 and reports
 * α = 0.704, β = 1.182 (regular) and α = 0.668, β = 3.806 (high end).
 */
import { describe, expect, test } from 'vitest';
import { fitShiftedBetaGeometric } from '../../src/models/shifted-beta-geometric.ts';

const regular = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394];

describe('sBG (Fader & Hardie 2007), fitted on years 0–7', () => {
  test('regular customers: α = 0.704, β = 1.182', () => {
    const fit = fitShiftedBetaGeometric(regular.slice(0, 8));
    expect(fit.params.alpha).toBeCloseTo(0.704, 3);
    expect(fit.params.beta).toBeCloseTo(1.182, 3);
  });

  test('high-end customers: α = 0.668, β = 3.806', () => {
    const fit = fitShiftedBetaGeometric(highEnd.slice(0, 8));
    expect(fit.params.alpha).toBeCloseTo(0.668, 3);
    expect(fit.params.beta).toBeCloseTo(3.806, 3);
  });

  test('the projection to year 12 stays within 3 % of the cohort of the actual survivors', () => {
    for (const counts of [regular, highEnd]) {
      const curve = fitShiftedBetaGeometric(counts.slice(0, 8)).survivalCurve(12);
      for (let t = 8; t <= 12; t++) expect(Math.abs((curve[t] ?? 0) * 1000 - (counts[t] ?? 0))).toBeLessThan(30);
    }
  });
});
