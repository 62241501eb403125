import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { lnGammaDifferenceQuotient, lnGammaStepQuotient } from '../../src/models/log-gamma-ratio.ts';
import { digamma, gammaln } from '../../src/models/special.ts';

const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);

describe('lnGammaDifferenceQuotient', () => {
  fcTest.prop([logUniform(1e-3, 1e8)])('at e = 0 and e → 0 it is ψ(y)', (y) => {
    const psi = digamma(y);
    for (const e of [0, 1e-300, -1e-12, 1e-9]) {
      expect(Math.abs(lnGammaDifferenceQuotient(y, e) - psi)).toBeLessThan(1e-13 * Math.max(1, Math.abs(psi)) + 2 * Math.abs(e) * Math.max(1, 1 / (y * y)));
    }
  });

  fcTest.prop([logUniform(0.01, 40), fc.double({ min: 0.5, max: 30, noNaN: true })])(
    'far from e = 0 it is (lnΓ(y+e) − lnΓ(y))/e',
    (y, e) => {
      const expected = (gammaln(y + e) - gammaln(y)) / e;
      expect(Math.abs(lnGammaDifferenceQuotient(y, e) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(gammaln(y + e)), Math.abs(gammaln(y))));
    },
  );

  fcTest.prop([fc.double({ min: 8.5, max: 10.5, noNaN: true }), fc.double({ min: -0.99, max: 5, noNaN: true })])(
    'steps by log1p(e/y)/e from y to y + 1 (across the switch to Stirling at 10)',
    (y, e) => {
      const step = Math.abs(e) < 1e-300 ? 1 / y : Math.log1p(e / y) / e;
      expect(lnGammaDifferenceQuotient(y + 1, e)).toBeCloseTo(lnGammaDifferenceQuotient(y, e) + step, 14);
    },
  );
});

describe('lnGammaStepQuotient', () => {
  fcTest.prop([logUniform(1, 1e6), fc.integer({ min: 1020, max: 1030 }), fc.double({ min: -0.9, max: 3, noNaN: true })])(
    'adds log1p(e/(y+k))/e per step, across the switch from the sum to the difference at k = 1024',
    (y, k, e) => {
      const step = Math.abs(e) < 1e-300 ? 1 / (y + k) : Math.log1p(e / (y + k)) / e;
      const next = lnGammaStepQuotient(y, k + 1, e);
      expect(Math.abs(next - (lnGammaStepQuotient(y, k, e) + step))).toBeLessThan((1e-14 + 4 * Number.EPSILON * Math.log(y + k) * (y / k)) * next);
    },
  );
});
