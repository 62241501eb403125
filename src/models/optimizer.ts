/**
 * A small unconstrained minimiser: BFGS with analytic or central-difference gradients and a
 * backtracking (Armijo) line search, plus a finite-difference Hessian.
 *
 * Why BFGS: the models' negative log-likelihoods are smooth in the log-parameters, have 2–4
 * parameters and cost one pass over the distinct summary rows, so a quasi-Newton method reaches the
 * optimum to ~1e-8 in the gradient in a few dozen iterations (Nelder–Mead needs hundreds of evaluations
 * and stalls on the flat s–β ridge of the Pareto/NBD likelihood). Central differences cost 2k
 * evaluations per gradient, which is cheap at k ≤ 4 and keeps one code path for every model; a model
 * with a cheap analytic gradient (BG/NBD) passes it and needs ~4× fewer likelihood passes.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';

/** Options of {@link minimizeBfgs}. */
export interface MinimizeOptions {
  /** Maximum number of BFGS iterations (default 500). */
  readonly maxIterations?: number;
  /** Converged when `max |∂f/∂xᵢ| ≤ gradientTolerance · max(valueScale, |f|)` (default 1e-8). */
  readonly gradientTolerance?: number;
  /**
   * The size below which `f` is taken to be near 0 (default 1): the gradient test and the test for
   * stalled progress are relative to `max(valueScale, |f|)`. Give the typical size of `f` when it is
   * far from 1 (a sum over few or lightly weighted terms), or the minimiser stops where the gradient
   * is merely small in absolute terms.
   */
  readonly valueScale?: number;
  /** Largest move of any coordinate in one step (default 4; keeps exp(x) finite in log space). */
  readonly maxStep?: number;
  /**
   * Analytic gradient: writes ∇f(x) into `out`. Without it, central differences are used
   * (2 evaluations per coordinate).
   */
  readonly gradient?: (x: Float64Array, out: Float64Array) => void;
}

const MINIMIZE_KEYS = optionKeys<MinimizeOptions>({ maxIterations: true, gradientTolerance: true, valueScale: true, maxStep: true, gradient: true });

function positiveOption(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0 && Number.isFinite(value))) throw new InvalidOptionError(name, value, `${describeValue(value)} is not a positive finite number`);
  return value;
}

/** Outcome of {@link minimizeBfgs}. */
export interface MinimizeResult {
  /** The point reached. */
  readonly x: Float64Array;
  /** `f(x)`. */
  readonly value: number;
  /** BFGS iterations done. */
  readonly iterations: number;
  /** Function evaluations done (including those for gradients). */
  readonly evaluations: number;
  /** Whether the gradient test was met. */
  readonly converged: boolean;
  /** `max |∂f/∂xᵢ|` at `x`. */
  readonly gradientNorm: number;
  /** The result as plain data (`x` as an array), for `JSON.stringify`. */
  toJSON(): { x: number[]; value: number; iterations: number; evaluations: number; converged: boolean; gradientNorm: number };
}

/**
 * Central-difference gradient of `f` at `x` (step `h · max(1, |xᵢ|)`), written into `out`.
 *
 * @param f - the function
 * @param x - the point (restored on return)
 * @param out - receives the gradient
 * @param h - relative step (default 1e-5)
 * @returns the number of evaluations used (2 per coordinate)
 * @throws never
 *
 * @example
 * ```ts
 * import { numericGradient } from './optimizer.ts';
 * const g = new Float64Array(2);
 * numericGradient((p) => p[0] ** 2 + 3 * p[1], Float64Array.from([2, 5]), g);
 * g[0]; // => 4.000000
 * g[1]; // => 3.000000
 * ```
 */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array, out: Float64Array, h = 1e-5): number {
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const step = h * Math.max(1, Math.abs(xi));
    x[i] = xi + step;
    const fp = f(x);
    x[i] = xi - step;
    const fm = f(x);
    x[i] = xi;
    out[i] = (fp - fm) / (2 * step);
  }
  return 2 * x.length;
}

/**
 * Finite-difference Hessian of `f` at `x` (central second differences, absolute step `h`).
 *
 * @param f - the function
 * @param x - the point (restored on return)
 * @param h - step (default 1e-4)
 * @returns the symmetric Hessian, row-major, `k × k`
 * @throws never
 *
 * @example
 * ```ts
 * import { numericHessian } from './optimizer.ts';
 * const H = numericHessian((p) => p[0] ** 2 * p[1], Float64Array.from([1, 2]));
 * H[0]; // => 4.0000
 * H[1]; // => 2.0000
 * Math.abs(H[3]) < 1e-6; // => true
 * ```
 */
export function numericHessian(f: (x: Float64Array) => number, x: Float64Array, h = 1e-4): Float64Array {
  const k = x.length;
  const H = new Float64Array(k * k);
  const f0 = f(x);
  for (let i = 0; i < k; i++) {
    const xi = x[i];
    x[i] = xi + h;
    const fp = f(x);
    x[i] = xi - h;
    const fm = f(x);
    x[i] = xi;
    H[i * k + i] = (fp - 2 * f0 + fm) / (h * h);
    for (let j = 0; j < i; j++) {
      const xj = x[j];
      let s = 0;
      for (const [si, sj] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
        x[i] = xi + si * h;
        x[j] = xj + sj * h;
        s += si * sj * f(x);
      }
      x[i] = xi;
      x[j] = xj;
      const v = s / (4 * h * h);
      H[i * k + j] = v;
      H[j * k + i] = v;
    }
  }
  return H;
}

/**
 * Minimise `f` from `x0` with BFGS (inverse-Hessian update; analytic gradients when
 * `options.gradient` is given, else central differences).
 * Non-finite function values are treated as +∞, so the line search backs away from them.
 *
 * @param f - function to minimise; must not keep a reference to its argument
 * @param x0 - starting point
 * @param options - iteration limit, tolerances and the scale of `f`
 * @returns the point reached, its value and convergence information
 * @throws {@link InvalidOptionError} for an unknown option, a bad option value, an `f` that is not a
 *   function, or an `x0` that is not 1 to 1,000 finite numbers (a start where `f` is not finite
 *   returns `converged: false`)
 *
 * @example
 * ```ts
 * import { minimizeBfgs } from './optimizer.ts';
 * const r = minimizeBfgs((p) => (p[0] - 1) ** 2 + 10 * (p[1] + 2) ** 2, [0, 0]);
 * r.converged; // => true
 * r.x[0]; // => 1.0000
 * r.x[1]; // => -2.0000
 * ```
 */
export function minimizeBfgs(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const opts = checkOptionKeys(options, MINIMIZE_KEYS);
  const maxIterations = opts.maxIterations ?? 500;
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 0) throw new InvalidOptionError('maxIterations', maxIterations, `${describeValue(maxIterations)} is not a whole number ≥ 0`);
  const gtol = positiveOption('gradientTolerance', opts.gradientTolerance, 1e-8);
  const valueScale = positiveOption('valueScale', opts.valueScale, 1);
  const maxStep = positiveOption('maxStep', opts.maxStep, 4);
  const scaleOf = (v: number): number => Math.max(valueScale, Math.abs(v));
  if (typeof f !== 'function') throw new InvalidOptionError('f', f, `${describeValue(f)} is not a function`);
  const length = typeof x0 === 'object' && x0 !== null ? (x0 as { length?: unknown }).length : undefined;
  const start = typeof length === 'number' && Number.isInteger(length) && length >= 1 && length <= 1000 ? Array.from(x0) : [];
  if (start.length === 0 || !start.every((v: unknown) => typeof v === 'number' && Number.isFinite(v))) {
    throw new InvalidOptionError('x0', x0, `${describeValue(x0)} is not 1 to 1,000 finite numbers`);
  }
  const k = x0.length;
  const safe = (p: Float64Array): number => {
    const v = f(p);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const x = Float64Array.from(x0);
  const g = new Float64Array(k);
  const gNew = new Float64Array(k);
  const d = new Float64Array(k);
  const xNew = new Float64Array(k);
  const s = new Float64Array(k);
  const y = new Float64Array(k);
  const Hy = new Float64Array(k);
  const H = new Float64Array(k * k);
  const resetH = (scale: number): void => {
    H.fill(0);
    for (let i = 0; i < k; i++) H[i * k + i] = scale;
  };
  let evaluations = 1;
  let fx = safe(x);
  const norm = (v: Float64Array): number => v.reduce((m, e) => Math.max(m, Math.abs(e)), 0);
  const analytic = opts.gradient;
  const gradient = (p: Float64Array, out: Float64Array): number => {
    if (analytic === undefined) return numericGradient(safe, p, out);
    analytic(p, out);
    for (let i = 0; i < k; i++) if (!Number.isFinite(out[i])) return numericGradient(safe, p, out);
    return 1;
  };
  if (!Number.isFinite(fx)) return minimizeResult({ x, value: fx, iterations: 0, evaluations, converged: false, gradientNorm: Number.NaN });
  evaluations += gradient(x, g);
  resetH(1 / Math.max(valueScale, norm(g)));
  let fresh = true;
  let iterations = 0;
  let converged = norm(g) <= gtol * scaleOf(fx);
  let stalled = 0;
  while (!converged && iterations < maxIterations && stalled < 5) {
    iterations++;
    let slope = 0;
    for (let i = 0; i < k; i++) {
      let v = 0;
      for (let j = 0; j < k; j++) v -= H[i * k + j] * g[j];
      d[i] = v;
      slope += v * g[i];
    }
    if (!(slope < 0)) {
      resetH(1 / Math.max(valueScale, norm(g)));
      fresh = true;
      for (let i = 0; i < k; i++) d[i] = -g[i] * H[i * k + i];
      slope = -H[0] * g.reduce((acc, e) => acc + e * e, 0);
    }
    let step = Math.min(1, maxStep / Math.max(norm(d), 1e-300));
    let fNew = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      for (let i = 0; i < k; i++) xNew[i] = x[i] + step * d[i];
      fNew = safe(xNew);
      evaluations++;
      if (fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      // quadratic interpolation of the step, kept within [0.1, 0.5] of the current one
      const q = Number.isFinite(fNew) ? (-slope * step * step) / (2 * (fNew - fx - slope * step)) : 0.1 * step;
      step = Math.min(0.5 * step, Math.max(0.1 * step, q));
    }
    if (!accepted) {
      if (fresh) break;
      resetH(1 / Math.max(valueScale, norm(g)));
      fresh = true;
      continue;
    }
    evaluations += gradient(xNew, gNew);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < k; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    if (sy > 1e-12 * Math.sqrt(yy) * norm(s)) {
      if (fresh) resetH(sy / yy);
      let yHy = 0;
      for (let i = 0; i < k; i++) {
        let v = 0;
        for (let j = 0; j < k; j++) v += H[i * k + j] * y[j];
        Hy[i] = v;
        yHy += v * y[i];
      }
      const c = (1 + yHy / sy) / sy;
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          H[i * k + j] = H[i * k + j] + c * s[i] * s[j] - (Hy[i] * s[j] + s[i] * Hy[j]) / sy;
        }
      }
      fresh = false;
    }
    stalled = fx - fNew <= 1e-14 * scaleOf(fx) ? stalled + 1 : 0;
    x.set(xNew);
    g.set(gNew);
    fx = fNew;
    converged = norm(g) <= gtol * scaleOf(fx);
  }
  const gradientNorm = norm(g);
  // Stalled progress (or a line search that cannot improve) at a gradient within 10 × the tolerance is
  // taken as a minimum: the remaining gradient is finite-difference noise of a sum over many rows.
  if (!converged && iterations < maxIterations && gradientNorm <= 10 * gtol * scaleOf(fx)) converged = true;
  return minimizeResult({ x, value: fx, iterations, evaluations, converged, gradientNorm });
}

/** The result with its `toJSON` (the point as a plain array). */
function minimizeResult(fields: Omit<MinimizeResult, 'toJSON'>): MinimizeResult {
  return { ...fields, toJSON: () => ({ ...fields, x: Array.from(fields.x) }) };
}
