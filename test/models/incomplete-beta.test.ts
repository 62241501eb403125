import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { lnRegularizedIncompleteBeta } from '../../src/models/incomplete-beta.ts';

const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const D = Decimal.clone({ precision: 60 });

/** P(N ≥ n) for N ~ NB(r, 1 − z) in 60 digits: one minus the sum of the terms below n. */
function negativeBinomialTail(n: number, r: number, z: number): number {
  let term = new D(1).minus(z).pow(r);
  let cdf = term;
  for (let j = 0; j < n - 1; j++) {
    term = term.times(new D(r).plus(j)).div(j + 1).times(z);
    cdf = cdf.plus(term);
  }
  return new D(1).minus(cdf).toNumber();
}

describe('lnRegularizedIncompleteBeta', () => {
  fcTest.prop([fc.integer({ min: 1, max: 200 }), logUniform(0.05, 20), fc.double({ min: 0.001, max: 0.99, noNaN: true })])(
    'is the negative binomial tail: I_z(n, r) = P(N ≥ n), on both sides of the mean',
    (n, r, z) => {
      const expected = negativeBinomialTail(n, r, z);
      fc.pre(expected > 1e-30);
      const value = Math.exp(lnRegularizedIncompleteBeta(Math.log(z), Math.log1p(-z), n, r));
      expect(Math.abs(value - expected)).toBeLessThan(1e-12 * expected);
    },
  );

  fcTest.prop([logUniform(0.01, 1e8)])('I_½(p, p) = ½ (to the rounding of a prefactor of size p)', (p) => {
    expect(Math.abs(Math.exp(lnRegularizedIncompleteBeta(-Math.LN2, -Math.LN2, p, p)) - 0.5)).toBeLessThan(1e-13 + 1e-15 * p);
  });

  test('stays a probability where the continued fraction gives up or its argument rounds to 1', () => {
    for (const p of [1e14, 1e16, 1e100, 1e300]) {
      for (const q of [0.5, p]) {
        for (const [lnX, ln1mX] of [
          [-Math.LN2, -Math.LN2],
          [-1e-300, -690],
        ] as const) {
          const value = Math.exp(lnRegularizedIncompleteBeta(lnX, ln1mX, p, q));
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }
    }
    // 1 − W of W ~ Beta(p, ½) is Gamma(½)/p: P(1 − W > e^{−690}) = erfc(√(p e^{−690})), here 0.03715
    const expected = 0.037150990187;
    expect(Math.exp(lnRegularizedIncompleteBeta(-1e-300, -690, 1e300, 0.5))).toBeCloseTo(expected, 9);
  });

  test('I_x(p, q) + I_{1−x}(q, p) = 1', () => {
    for (const [x, p, q] of [
      [0.3, 2.5, 7],
      [0.9, 40, 3.2],
      [1e-6, 0.3, 0.2],
    ] as const) {
      const sum = Math.exp(lnRegularizedIncompleteBeta(Math.log(x), Math.log1p(-x), p, q)) + Math.exp(lnRegularizedIncompleteBeta(Math.log1p(-x), Math.log(x), q, p));
      expect(sum).toBeCloseTo(1, 14);
    }
  });
});
