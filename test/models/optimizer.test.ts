import { describe, expect, test } from 'vitest';
import { minimizeBfgs, numericGradient, numericHessian } from '../../src/models/optimizer.ts';

const rosenbrock = (p: Float64Array): number => {
  const x = p[0];
  const y = p[1];
  return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
};

describe('minimizeBfgs', () => {
  test('finds the minimum of a quadratic', () => {
    const r = minimizeBfgs((p) => (p[0] - 3) ** 2 + 5 * (p[1] + 1) ** 2 + p[0] * p[1], [0, 0]);
    expect(r.converged).toBe(true);
    // ∇ = 0: 2(x−3) + y = 0, 10(y+1) + x = 0 → x = 70/19, y = −26/19
    expect(r.x[0]).toBeCloseTo(70 / 19, 6);
    expect(r.x[1]).toBeCloseTo(-26 / 19, 6);
  });

  test('follows the Rosenbrock valley to (1, 1)', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 1000, gradientTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
  });

  test('uses an analytic gradient when given (fewer evaluations, same minimum)', () => {
    const gradient = (p: Float64Array, out: Float64Array): void => {
      const x = p[0];
      const y = p[1];
      out[0] = -400 * x * (y - x * x) - 2 * (1 - x);
      out[1] = 200 * (y - x * x);
    };
    const numeric = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 1000 });
    const analytic = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 1000, gradient });
    expect(analytic.converged).toBe(true);
    expect(analytic.x[0]).toBeCloseTo(1, 4);
    expect(analytic.evaluations).toBeLessThan(numeric.evaluations);
  });

  test('backs away from non-finite values', () => {
    const r = minimizeBfgs((p) => (p[0] < -1 ? Number.NaN : (p[0] + 0.5) ** 2), [3]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(-0.5, 5);
  });

  test('reports no convergence when the iteration budget is exhausted', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 2 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(2);
  });

  test('a non-finite start is not converged', () => {
    const r = minimizeBfgs(() => Number.POSITIVE_INFINITY, [0]);
    expect(r.converged).toBe(false);
  });
});

describe('finite differences', () => {
  test('gradient and Hessian of a cubic', () => {
    const f = (p: Float64Array): number => p[0] ** 3 + 2 * p[0] * p[1] + p[1] ** 2;
    const x = Float64Array.from([1, 2]);
    const g = new Float64Array(2);
    expect(numericGradient(f, x, g)).toBe(4);
    expect(g[0]).toBeCloseTo(3 + 4, 6);
    expect(g[1]).toBeCloseTo(2 + 4, 6);
    const H = numericHessian(f, x);
    expect(H[0]).toBeCloseTo(6, 4);
    expect(H[1]).toBeCloseTo(2, 4);
    expect(H[2]).toBeCloseTo(2, 4);
    expect(H[3]).toBeCloseTo(2, 4);
    expect([...x]).toEqual([1, 2]);
  });
});
