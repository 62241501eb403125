/**
 * Maximum-likelihood driver shared by the models: several BFGS starts on the log-parameters, a
 * polishing restart from the best, and standard errors from a finite-difference Hessian.
 *
 * @module
 */
import { RetentionError } from '../errors.ts';
import type { FitSettings } from './fit-options.ts';
import { minimizeBfgs, numericHessian } from './optimizer.ts';
import { PARAM_MAX, PARAM_MIN } from './params.ts';

export type { FitOptions } from './fit-options.ts';

/** Convergence information and the fitted values common to every model fit. */
export interface FitInfo<K extends string> {
  /**
   * Maximum-likelihood estimates. An estimate running past 1e±6 (or an extreme one the data do not
   * identify) is a maximum on the boundary and throws instead: choose the time unit so that rate
   * parameters are of moderate size (days or weeks for shop data).
   */
  readonly params: Readonly<Record<K, number>>;
  /** Log-likelihood at the estimates (weights applied). */
  readonly logLikelihood: number;
  /** Always `true` for a returned fit (a fit that does not converge throws). */
  readonly converged: boolean;
  /** BFGS iterations of the final (polishing) run, summed with those of the starts. */
  readonly iterations: number;
  /**
   * Asymptotic standard errors of the parameters: from the inverse of a central-difference Hessian
   * of the negative log-likelihood in the log-parameters, mapped by the delta method
   * (`se(θ) = θ · se(log θ)`); `null` when that Hessian is not positive definite.
   */
  readonly standardErrors: Readonly<Record<K, number | null>>;
}

/** What {@link fitLogParameters} maximises: a likelihood over positive parameters. @internal */
export interface LogLikelihoodProblem<K extends string> {
  /** Model name for messages (`'BG/NBD'`). */
  readonly model: string;
  /** Parameter names, in the order of the vector. */
  readonly names: readonly K[];
  /** `−log L` as a function of the log-parameters (may return non-finite values). */
  readonly negLogLik: (logParams: Float64Array) => number;
  /** Analytic gradient of `negLogLik` in the log-parameters, when there is one. */
  readonly gradient?: (logParams: Float64Array, out: Float64Array) => void;
  /** Starting points in the original (positive) parameters. */
  readonly starts: readonly (readonly number[])[];
  /** The total weight of the data (customers, or the sum of the counts). */
  readonly weight: number;
}

/**
 * Minimise a negative log-likelihood over log-parameters from several starts.
 *
 * The optimiser works on the log-likelihood per unit of weight (`−log L ÷ weight`), so its tests do
 * not depend on whether the weights count customers, thousands of them or shares: a summary whose
 * weights are all multiplied by 1e-12 gives the same estimates.
 *
 * @param problem - the likelihood, its parameters, starts and the weight of the data
 * @param settings - iteration limit and tolerance (see `resolveFitOptions`)
 * @returns the fit
 * @throws {@link RetentionError} when the weights sum to 0, no start gives a finite likelihood, the
 *   optimum does not converge, the fit never moves from its starting point (a flat likelihood), or a
 *   parameter runs to 0 or ∞
 * @internal
 */
export function fitLogParameters<K extends string>(problem: LogLikelihoodProblem<K>, settings: FitSettings): FitInfo<K> {
  const { model, names, negLogLik, gradient, starts, weight } = problem;
  if (!(weight > 0 && Number.isFinite(weight))) throw new RetentionError(`${model}: the weights sum to ${weight}; there is nothing to fit`);
  const perWeight = (lp: Float64Array): number => negLogLik(lp) / weight;
  const gradientPerWeight =
    gradient === undefined
      ? undefined
      : (lp: Float64Array, out: Float64Array): void => {
          gradient(lp, out);
          for (let i = 0; i < out.length; i++) out[i] = out[i] / weight;
        };
  // Only the optimiser's own settings: a fit's settings carry more (its unit, Gamma-Gamma's checks),
  // which minimizeBfgs rejects as unknown options.
  const { maxIterations, gradientTolerance } = settings;
  const opts = { maxIterations, gradientTolerance, ...(gradientPerWeight ? { gradient: gradientPerWeight } : {}) };
  // Keep the search within exp(±16) ≈ 1e±7: beyond it a parameter has run to the boundary (reported
  // below), past the [1e-6, 1e6] every model accepts, so no estimate is lost by cutting the search off.
  const bounded = (lp: Float64Array): number => {
    for (let i = 0; i < lp.length; i++) if (Math.abs(lp[i]) > 16) return Number.NaN;
    return perWeight(lp);
  };
  let best: { x: Float64Array; value: number; iterations: number } | undefined;
  let iterations = 0;
  for (const start of starts) {
    // the starts only need to find the right basin: a loose tolerance, then one tight polishing run
    const r = minimizeBfgs(bounded, start.map(Math.log), { ...opts, gradientTolerance: Math.max(opts.gradientTolerance, 1e-5) });
    iterations += r.iterations;
    if (Number.isFinite(r.value) && (best === undefined || r.value < best.value)) best = r;
  }
  if (best === undefined) throw new RetentionError(`${model}: the log-likelihood is not finite at any starting point`);
  const polish = minimizeBfgs(bounded, best.x, opts);
  iterations += polish.iterations;
  if (best.iterations === 0 && polish.iterations === 0) {
    // The gradient met the tolerance at a starting point: the likelihood is flat there, and the
    // start (an arbitrary point) would be reported as the estimate.
    throw new RetentionError(
      `${model}: the fit did not move from its starting point (gradient ${polish.gradientNorm.toExponential(2)} per unit of weight); the likelihood is flat, the parameters are not identified by these data`,
    );
  }
  for (let i = 0; i < names.length; i++) {
    const v = Math.exp(polish.x[i]);
    // far outside any scale the data can identify: the maximum is on the boundary of the parameter space
    if (!polish.converged && !(v > 1e-4 && v < 1e4)) {
      throw new RetentionError(`${model}: parameter ${names[i]} runs to ${v < 1 ? '0' : 'infinity'} (${v.toPrecision(3)} after ${polish.iterations} iterations); the maximum likelihood is on the boundary, the model does not fit these data`);
    }
  }
  if (!polish.converged || !Number.isFinite(polish.value)) {
    throw new RetentionError(`${model}: the fit did not converge (${polish.iterations} iterations, gradient ${polish.gradientNorm.toExponential(2)})`);
  }
  const k = names.length;
  const params = {} as Record<K, number>;
  for (let i = 0; i < k; i++) {
    const v = Math.exp(polish.x[i]);
    if (!(v >= PARAM_MIN && v <= PARAM_MAX)) {
      throw new RetentionError(`${model}: parameter ${names[i]} runs to ${v < 1 ? '0' : 'infinity'} (${v}); the model does not fit these data`);
    }
    params[names[i] as K] = v;
  }
  // Hessian per unit of weight: the covariance of the estimates is its inverse divided by the weight.
  const H = gradientPerWeight === undefined ? numericHessian(perWeight, Float64Array.from(polish.x)) : hessianFromGradient(gradientPerWeight, Float64Array.from(polish.x));
  const cov = invertSymmetric(H, k);
  const standardErrors = {} as Record<K, number | null>;
  for (let i = 0; i < k; i++) {
    const c = cov === null ? Number.NaN : cov[i * k + i] / weight;
    const v = params[names[i] as K];
    // An extreme estimate whose log is not identified (no curvature) is a maximum on the boundary
    // reached within the tolerance, e.g. a shape → 0 when nobody churns.
    if ((v < 1e-3 || v > 1e3) && !(c < 100)) {
      throw new RetentionError(`${model}: parameter ${names[i]} runs to ${v < 1 ? '0' : 'infinity'} (${v.toPrecision(3)}, not identified by the data); the maximum likelihood is on the boundary, the model does not fit these data`);
    }
    standardErrors[names[i] as K] = c > 0 && Number.isFinite(c) ? params[names[i] as K] * Math.sqrt(c) : null;
  }
  return { params, logLikelihood: -negLogLik(polish.x), converged: true, iterations, standardErrors };
}

/**
 * A fitted model: the model built from the estimates with the fit's information, the model's own
 * (frozen) parameters kept.
 *
 * @param model - the model built from `info.params`
 * @param info - the fit
 * @returns both in one object
 * @internal
 */
export function withFitInfo<M extends { readonly params: object }, K extends string>(model: M, info: FitInfo<K>): M & FitInfo<K> {
  return { ...model, ...info, params: model.params } as M & FitInfo<K>;
}

/**
 * Hessian by central differences of an analytic gradient (2k gradient calls instead of the O(k²)
 * function calls of `numericHessian`), symmetrised.
 *
 * @param gradient - gradient of the objective, written into `out`
 * @param x - the point
 * @returns row-major `k × k`
 * @internal
 */
export function hessianFromGradient(gradient: (x: Float64Array, out: Float64Array) => void, x: Float64Array): Float64Array {
  const k = x.length;
  const H = new Float64Array(k * k);
  const gp = new Float64Array(k);
  const gm = new Float64Array(k);
  const at = Float64Array.from(x);
  for (let i = 0; i < k; i++) {
    const h = 1e-5 * Math.max(1, Math.abs(x[i]));
    at[i] = x[i] + h;
    gradient(at, gp);
    at[i] = x[i] - h;
    gradient(at, gm);
    at[i] = x[i];
    for (let j = 0; j < k; j++) H[i * k + j] = (gp[j] - gm[j]) / (2 * h);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      const m = (H[i * k + j] + H[j * k + i]) / 2;
      H[i * k + j] = m;
      H[j * k + i] = m;
    }
  }
  return H;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky decomposition.
 *
 * @param A - row-major `k × k`
 * @param k - size
 * @returns the inverse, or `null` when `A` is not positive definite
 * @internal
 */
export function invertSymmetric(A: Float64Array, k: number): Float64Array | null {
  const L = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * k + j];
      for (let m = 0; m < j; m++) sum -= L[i * k + m] * L[j * k + m];
      if (i === j) {
        if (!(sum > 0)) return null;
        L[i * k + i] = Math.sqrt(sum);
      } else {
        L[i * k + j] = sum / L[j * k + j];
      }
    }
  }
  // inverse of L (lower triangular), then A⁻¹ = L⁻ᵀ L⁻¹
  const Li = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    Li[i * k + i] = 1 / L[i * k + i];
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let m = j; m < i; m++) sum -= L[i * k + m] * Li[m * k + j];
      Li[i * k + j] = sum / L[i * k + i];
    }
  }
  const inv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let m = Math.max(i, j); m < k; m++) sum += Li[m * k + i] * Li[m * k + j];
      inv[i * k + j] = sum;
    }
  }
  return inv;
}
