import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { paretoNbdModel } from '../../src/models/pareto-nbd.ts';
import { paretoNbdProbabilityByClosedForm } from './oracles.ts';

const cdnow = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

describe('Pareto/NBD P(X(t) = n)', () => {
  // Fader & Hardie's closed form at 220 digits (mpmath), where doubles gave −1.65e-20, −Infinity, NaN
  test.each([
    [173, 39, 1.02382715578566e-20],
    [163, 78, 5.84053918489805e-12],
    [179, 52, 3.35057520121847e-17],
    [1000, 39, 2.96364234861048e-107],
  ])('n = %i, t = %d: %d', (n, t, expected) => {
    expect(relative(paretoNbdModel(cdnow).probabilityOfTransactions(n, t), expected)).toBeLessThan(1e-11);
  });

  fcTest.prop(
    [
      fc.record({ r: logUniform(0.1, 3), s: logUniform(0.1, 3), alpha: logUniform(1, 50) }),
      logUniform(0.2, 5),
      fc.integer({ min: 0, max: 40 }),
      logUniform(0.1, 300),
    ],
    { numRuns: 40 },
  )('matches the closed form in 80-digit arithmetic', (p, ratio, n, t) => {
    const params = { ...p, beta: p.alpha * ratio };
    const expected = paretoNbdProbabilityByClosedForm(params, n, t);
    fc.pre(expected > 1e-40);
    expect(relative(paretoNbdModel(params).probabilityOfTransactions(n, t), expected)).toBeLessThan(1e-11);
  });

  fcTest.prop(
    [fc.record({ r: logUniform(0.2, 5), alpha: logUniform(0.1, 1000), s: logUniform(0.2, 5), beta: logUniform(0.1, 1000) }), logUniform(0.01, 100)],
    { numRuns: 25 },
  )('is a distribution: in [0, 1], summing to 1, with mean E[X(t)]', (params, share) => {
    const m = paretoNbdModel(params);
    const t = share * params.alpha;
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 100_000; n++) {
      const p = m.probabilityOfTransactions(n, t);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      total += p;
      mean += n * p;
      if (n > mean && p * n < 1e-17) break;
    }
    expect(total).toBeCloseTo(1, 11);
    expect(relative(mean, m.expectedTransactions(t))).toBeLessThan(1e-9);
  });

  test('stays a probability for any count and horizon', () => {
    const m = paretoNbdModel(cdnow);
    for (const n of [0, 1, 1e3, 1e6, 1e9, 1e15]) {
      for (const t of [1e-300, 1e-3, 39, 1e6, 1e300]) {
        const p = m.probabilityOfTransactions(n, t);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });
});
