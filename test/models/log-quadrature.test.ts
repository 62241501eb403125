import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { logIntegral } from '../../src/models/log-quadrature.ts';
import { betaln, softplus } from '../../src/models/special.ts';

const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const INF = Number.POSITIVE_INFINITY;

describe('logIntegral', () => {
  // the centre is a multiple of the width: a node's position is only known to ε·|μ|
  fcTest.prop([fc.double({ min: -1000, max: 1000, noNaN: true }), logUniform(1e-6, 1e6)])('a Gaussian of any width anywhere: ln(σ√(2π))', (k, sigma) => {
    const mu = k * sigma;
    const logf = (v: number) => -((v - mu) ** 2) / (2 * sigma * sigma);
    const value = logIntegral(logf, -INF, INF, [{ at: mu, scale: Math.min(1, sigma) }]);
    expect(Math.abs(value - Math.log(sigma * Math.sqrt(2 * Math.PI)))).toBeLessThan(1e-13 * Math.max(1, Math.abs(Math.log(sigma))));
  });

  fcTest.prop([logUniform(1e-4, 1e6), logUniform(1e-4, 1e6)])('a Beta integral in the logit (tails of any slope): ln B(p, q)', (p, q) => {
    const logf = (v: number) => -p * softplus(-v) - q * softplus(v);
    const value = logIntegral(logf, -INF, INF, [
      { at: Math.log(p / q), scale: Math.min(1, Math.sqrt(1 / p + 1 / q)) },
      { at: 0, scale: 1 },
    ]);
    expect(Math.abs(value - betaln(p, q))).toBeLessThan(1e-12 * Math.max(1, Math.abs(betaln(p, q))));
  });

  fcTest.prop([logUniform(1e-6, 1e6)])('an exponential tail to −∞: ln(1/λ)', (lambda) => {
    expect(Math.abs(logIntegral((v) => lambda * v, -INF, 0, [{ at: 0, scale: 1 }]) + Math.log(lambda))).toBeLessThan(1e-13);
  });

  fcTest.prop([logUniform(0.1, 1e5), logUniform(0.1, 1e5)])('a plateau of any length: ∫ σ(v + A) σ(B − v) dv = (A + B)/(1 − e^{−(A+B)})', (A, B) => {
    const logf = (v: number) => -softplus(-(v + A)) - softplus(v - B);
    const value = logIntegral(logf, -INF, INF, [
      { at: -A, scale: 1 },
      { at: B, scale: 1 },
    ]);
    expect(Math.abs(value - (Math.log(A + B) - Math.log(-Math.expm1(-(A + B)))))).toBeLessThan(1e-13);
  });

  test('values far outside the range of numbers stay in log space', () => {
    // ∫ exp(−v²/2 + 1e4) dv
    const value = logIntegral((v) => 1e4 - (v * v) / 2, -INF, INF, [{ at: 0, scale: 1 }]);
    expect(value).toBeCloseTo(1e4 + 0.5 * Math.log(2 * Math.PI), 10);
    expect(logIntegral((v) => -1e4 - (v * v) / 2, -INF, INF, [{ at: 0, scale: 1 }])).toBeCloseTo(-1e4 + 0.5 * Math.log(2 * Math.PI), 10);
  });

  test('a finite end cuts the integral: half a Gaussian', () => {
    const value = logIntegral((v) => -(v * v) / 2, -INF, 0, [{ at: 0, scale: 1 }]);
    expect(value).toBeCloseTo(0.5 * Math.log(Math.PI / 2), 13);
  });
});
