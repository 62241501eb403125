import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import { betaln, gammaln, log2F1Shifted } from '../../src/models/special.ts';

/**
 * ln ₂F₁(a, b; a+1; z) in 60-digit arithmetic: the plain series for z ≤ 0.5, else Euler's
 * transformation (1−z)^{1−b} Σ (a+1−b)ₙ/(a+1)ₙ zⁿ, whose positive terms have ratios below z.
 */
function reference(a: number, b: number, z: number): number {
  const D = Decimal.clone({ precision: 60 });
  const euler = z > 0.5;
  let term = new D(1);
  let sum = new D(1);
  for (let n = 0; n < 1_000_000; n++) {
    term = euler
      ? term.times(new D(a + 1 - b).plus(n)).div(new D(a).plus(n + 1)).times(z)
      : term.times(new D(a).plus(n)).times(new D(b).plus(n)).div(new D(a).plus(n + 1).times(n + 1)).times(z);
    sum = sum.plus(term);
    if (term.abs().lt(sum.abs().times('1e-25').times(1 - z))) {
      return euler ? sum.ln().plus(new D(1 - b).times(new D(1).minus(z).ln())).toNumber() : sum.ln().toNumber();
    }
  }
  throw new Error('reference series did not converge');
}

describe('stdlib special functions', () => {
  test('lnΓ, ln B and ₂F₁ at known values', () => {
    expect(gammaln(5)).toBeCloseTo(Math.log(24), 14);
    expect(betaln(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(hyp2f1(1, 1, 2, 0.5)).toBeCloseTo(-Math.log(0.5) / 0.5, 13);
  });
});

describe('log2F1Shifted', () => {
  test('matches a 60-digit series, including z near 1 and large a (large x)', () => {
    for (const [a, b, z] of [
      [1.2, 1.6, 0.09],
      [30.5, 1.6, 0.99],
      [500.7, 501, 0.5],
      [3.2, 2.5, 0.9],
      [0.8, 0.3, 0.999],
      [4000.5, 4.8, 0.999],
      [2.5, 3.2, 0.97],
    ] as const) {
      expect(log2F1Shifted(a, b, z)).toBeCloseTo(reference(a, b, z), 10);
    }
  });

  test('z = 0 gives 0; outside the domain gives NaN', () => {
    expect(log2F1Shifted(2, 3, 0)).toBe(0);
    expect(log2F1Shifted(2, 3, 1)).toBeNaN();
    expect(log2F1Shifted(-1, 3, 0.5)).toBeNaN();
    expect(log2F1Shifted(2, 3, 0.5)).toBeNaN(); // b ≥ a + 1 is outside the domain
  });

  fcTest.prop([fc.double({ min: 0.05, max: 60, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.995, noNaN: true })])(
    'agrees with stdlib ₂F₁ wherever both apply (series below z = 0.9, continued fraction above)',
    (a, share, z) => {
      const b = share * (a + 1);
      const mine = log2F1Shifted(a, b, z);
      const theirs = Math.log(hyp2f1(a, b, a + 1, z));
      expect(Math.abs(mine - theirs)).toBeLessThan(1e-9 * Math.max(1, Math.abs(theirs)));
    },
  );
});
