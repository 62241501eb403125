import { describe, expect, test } from 'vitest';
import { isRetentionError } from '../../src/errors.ts';
import { resolveFitOptions } from '../../src/models/fit-options.ts';
import { fitLogParameters, invertSymmetric } from '../../src/models/mle.ts';

const defaults = resolveFitOptions({});

describe('fitLogParameters', () => {
  test('exponential rate: MLE, log-likelihood and standard error match the closed form', () => {
    // n observations with sum S: λ̂ = n/S, se = λ̂/√n
    const n = 50;
    const S = 125;
    const info = fitLogParameters({ model: 'exp', names: ['rate'], negLogLik: (lp) => -(n * lp[0] - Math.exp(lp[0]) * S), starts: [[1], [0.01]], weight: n }, defaults);
    expect(info.params.rate).toBeCloseTo(0.4, 6);
    expect(info.logLikelihood).toBeCloseTo(n * Math.log(0.4) - n, 6);
    expect(info.standardErrors.rate).toBeCloseTo(0.4 / Math.sqrt(n), 4);
    expect(info.converged).toBe(true);
  });

  test('a likelihood that is never finite throws a RetentionError', () => {
    expect(() => fitLogParameters({ model: 'm', names: ['a'], negLogLik: () => Number.NaN, starts: [[1]], weight: 1 }, defaults)).toThrow(/not finite at any starting point/);
  });

  test('a parameter running to the boundary throws, never returns garbage', () => {
    let error: unknown;
    try {
      fitLogParameters({ model: 'm', names: ['a'], negLogLik: (lp) => Math.exp(-lp[0]), starts: [[1]], weight: 1 }, resolveFitOptions({ maxIterations: 50 }));
    } catch (e) {
      error = e;
    }
    expect(isRetentionError(error)).toBe(true);
    expect(String(error)).toMatch(/runs to infinity/);
  });

  test('iteration budget exhausted → not converged error', () => {
    expect(() =>
      fitLogParameters(
        { model: 'm', names: ['a', 'b'], negLogLik: (lp) => 100 * (lp[1] - lp[0] ** 2) ** 2 + (1 - lp[0]) ** 2, starts: [[0.3, 2]], weight: 1 },
        resolveFitOptions({ maxIterations: 1 }),
      ),
    ).toThrow(/did not converge/);
  });
});

describe('invertSymmetric', () => {
  test('inverts a positive-definite matrix and refuses an indefinite one', () => {
    const inv = invertSymmetric(Float64Array.from([4, 1, 1, 3]), 2);
    expect(inv).not.toBeNull();
    const v = inv ?? new Float64Array(4);
    expect(v[0]).toBeCloseTo(3 / 11, 12);
    expect(v[1]).toBeCloseTo(-1 / 11, 12);
    expect(v[3]).toBeCloseTo(4 / 11, 12);
    expect(invertSymmetric(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });
});
