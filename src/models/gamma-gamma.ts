/**
 * Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The Gamma-Gamma model of
 * monetary value"; Colombo & Jiang 1999).
 *
 * A customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers; the model
 * assumes spend is independent of purchase frequency.
 *
 * @module
 */
import { InvalidInputError, RetentionError } from '../errors.ts';
import { columnsLength, describeEntry, inputFailure } from './columns.ts';
import { MAX_TRANSACTIONS } from './limits.ts';
import { type GammaGammaOptions, resolveGammaGammaOptions } from './fit-options.ts';
import { fitLogParameters, withFitInfo, type FitInfo } from './mle.ts';
import { readParams, checkArg } from './params.ts';
import type { SavedModel } from './saved.ts';
import { gammaln } from './special.ts';
import { occurringCounts } from './summary.ts';

/** Gamma-Gamma parameters (γ in money units). */
export interface GammaGammaParams {
  /** Shape of the transaction-value gamma. */
  readonly p: number;
  /** Shape of the gamma of the scale ν across customers. */
  readonly q: number;
  /** Scale of that gamma (money units). */
  readonly gamma: number;
}

/** Input of {@link fitGammaGamma}: per customer, repeat transactions and their mean value. */
export interface SpendSummary {
  /** Repeat transactions (integers ≥ 0; rows with 0 carry no spend information and are skipped). */
  readonly x: ArrayLike<number>;
  /** Mean value of those transactions (> 0 where x > 0). */
  readonly zbar: ArrayLike<number>;
  /** Customers per row (default 1). */
  readonly weight?: ArrayLike<number>;
}

export type { GammaGammaOptions } from './fit-options.ts';

const SPEND_COLUMNS = { required: ['x', 'zbar'], optional: ['weight'] };

/** A Gamma-Gamma model: parameters and predictions (allocation-free). */
export interface GammaGammaModel {
  /** Model tag. */
  readonly model: 'gamma-gamma';
  /** The parameters. */
  readonly params: GammaGammaParams;
  /** Population mean spend per transaction, `pγ/(q−1)` (`Infinity` when q ≤ 1). */
  expectedSpend(): number;
  /**
   * E[Z | x, zbar] = `(γ + x·zbar)·p / (p·x + q − 1)`: a weighted mean of the population mean and the
   * customer's own mean; for `x = 0` the population mean.
   */
  conditionalExpectedSpend(x: number, zbar: number): number;
  /** The saved form, accepted by {@link gammaGammaModel}. */
  toJSON(): SavedModel<'gamma-gamma', GammaGammaParams>;
}

/** A fitted Gamma-Gamma model. */
export type GammaGammaFit = GammaGammaModel &
  FitInfo<keyof GammaGammaParams> & {
    /** Weighted Pearson correlation between x and zbar over the rows fitted. */
    readonly correlation: number;
    /** Number of customers (sum of weights) with x > 0 used in the fit. */
    readonly customers: number;
  };

const NAMES = ['p', 'q', 'gamma'] as const;

/**
 * A Gamma-Gamma model from known parameters.
 *
 * @param params - `{ p, q, gamma }`, each in [1e-6, 1e6], or a saved `{ model: 'gamma-gamma', params }`
 * @returns the model
 * @throws {@link InvalidOptionError} for a missing parameter, one outside [1e-6, 1e6], or an unknown key
 *
 * @example
 * ```ts
 * import { gammaGammaModel } from 'retention-metrics';
 * const m = gammaGammaModel({ p: 6.25, q: 3.74, gamma: 15.44 });
 * m.expectedSpend(); // => 35.22
 * m.conditionalExpectedSpend(2, 22.35); // => 24.66
 * ```
 */
export function gammaGammaModel(params: GammaGammaParams | SavedModel<'gamma-gamma', GammaGammaParams>): GammaGammaModel {
  return buildGammaGammaModel(readParams('gamma-gamma', NAMES, params));
}

/** The model of checked parameters. */
function buildGammaGammaModel({ p, q, gamma }: GammaGammaParams): GammaGammaModel {
  const saved = Object.freeze({ model: 'gamma-gamma' as const, params: Object.freeze({ p, q, gamma }) });
  const mean = q > 1 ? (p * gamma) / (q - 1) : Number.POSITIVE_INFINITY;
  return {
    model: 'gamma-gamma',
    params: saved.params,
    expectedSpend() {
      return mean;
    },
    conditionalExpectedSpend(x, zbar) {
      checkArg('x', x, 0, true);
      if (x === 0) return mean;
      checkArg('zbar', zbar, 0);
      const den = p * x + q - 1;
      return den > 0 ? ((gamma + x * zbar) * p) / den : Number.POSITIVE_INFINITY;
    },
    toJSON() {
      return saved;
    },
  };
}

/**
 * Fit the Gamma-Gamma spend model by maximum likelihood on the customers with `x > 0`. The density of
 * a customer's mean `zbar` of `x` values is
 * `Γ(px+q)/(Γ(px)Γ(q)) · γ^q · x^{px} · zbar^{px−1} / (γ + x·zbar)^{px+q}`.
 *
 * The model assumes spend and frequency are independent: when the weighted |Pearson correlation|
 * between x and zbar exceeds `maxCorrelation` (default 0.3) the fit is refused unless `force` is set.
 *
 * @param summary - `{ x, zbar, weight? }`
 * @param options - `maxCorrelation`, `force`, iteration limit and tolerance
 * @returns parameters, log-likelihood, convergence, standard errors, the correlation and predictions
 * @throws {@link InvalidInputError} when the summary is not an object of array-like columns, columns
 *   differ in length, x is not an integer in [0, 1,000,000], zbar is not positive where x > 0, or no
 *   row has x > 0
 * @throws {@link InvalidOptionError} for an unknown option or a bad value
 * @throws {@link RetentionError} when the correlation is too strong (unless forced) or the fit fails
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from 'retention-metrics';
 * const fit = fitGammaGamma({ x: [1, 3, 2, 5, 1, 2, 4, 1, 6, 2], zbar: [30, 12, 45, 22, 9, 70, 15, 25, 40, 18] });
 * fit.customers; // => 10
 * fit.correlation; // => 0.01
 * fit.conditionalExpectedSpend(2, 18); // => 20.2
 * ```
 */
export function fitGammaGamma(summary: SpendSummary, options: GammaGammaOptions = {}): GammaGammaFit {
  const settings = resolveGammaGammaOptions(options);
  const { maxCorrelation } = settings;
  const n = columnsLength(summary, SPEND_COLUMNS, inputFailure('summary'));
  const xs: number[] = [];
  const zs: number[] = [];
  const ws: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = summary.x[i];
    const z = summary.zbar[i];
    const w = summary.weight === undefined ? 1 : summary.weight[i];
    if (!Number.isInteger(x) || x < 0 || x > MAX_TRANSACTIONS) throw new InvalidInputError(i, 'record', x, `x = ${describeEntry(x)} must be a non-negative integer (at most ${MAX_TRANSACTIONS})`, 'summary');
    if (!Number.isFinite(w) || w < 0) throw new InvalidInputError(i, 'record', w, `weight = ${describeEntry(w)} must be a non-negative finite number`, 'summary');
    if (x === 0 || w === 0) continue;
    if (!Number.isFinite(z) || z <= 0) throw new InvalidInputError(i, 'record', z, `zbar = ${describeEntry(z)} must be a positive number when x > 0`, 'summary');
    xs.push(x);
    zs.push(z);
    ws.push(w);
  }
  if (xs.length === 0) throw new InvalidInputError(0, 'record', n, 'no row has x > 0 (Gamma-Gamma needs repeat transactions)', 'summary');
  const X = Float64Array.from(xs);
  const Z = Float64Array.from(zs);
  const W = Float64Array.from(ws);
  const m = X.length;
  let sw = 0;
  let mx = 0;
  let mz = 0;
  for (let i = 0; i < m; i++) {
    sw += W[i];
    mx += W[i] * X[i];
    mz += W[i] * Z[i];
  }
  mx /= sw;
  mz /= sw;
  let sxx = 0;
  let szz = 0;
  let sxz = 0;
  for (let i = 0; i < m; i++) {
    const dx = X[i] - mx;
    const dz = Z[i] - mz;
    sxx += W[i] * dx * dx;
    szz += W[i] * dz * dz;
    sxz += W[i] * dx * dz;
  }
  const correlation = sxx > 0 && szz > 0 ? sxz / Math.sqrt(sxx * szz) : 0;
  if (Math.abs(correlation) > maxCorrelation && !settings.force) {
    throw new RetentionError(
      `Gamma-Gamma: the correlation between x and zbar is ${correlation.toFixed(3)} (|r| > ${maxCorrelation}); the model assumes spend is independent of frequency (pass force: true to fit anyway)`,
    );
  }
  const lx = X.map(Math.log);
  const lz = Z.map(Math.log);
  const present = occurringCounts(X);
  const cx = new Float64Array(present.length); // per-x lnΓ(px+q) − lnΓ(px)
  const negLogLik = (lp: Float64Array): number => {
    const p = Math.exp(lp[0]);
    const q = Math.exp(lp[1]);
    const g = Math.exp(lp[2]);
    const common = -gammaln(q) + q * Math.log(g);
    for (let x = 1; x < present.length; x++) if (present[x] === 1) cx[x] = gammaln(p * x + q) - gammaln(p * x);
    let ll = 0;
    for (let i = 0; i < m; i++) {
      const x = X[i];
      const px = p * x;
      ll += W[i] * (common + cx[x] + px * lx[i] + (px - 1) * lz[i] - (px + q) * Math.log(g + x * Z[i]));
    }
    return -ll;
  };
  const starts = [
    [1, 2, mz],
    [5, 3, (2 * mz) / 5],
    [2, 5, 2 * mz],
  ];
  const info = fitLogParameters({ model: 'Gamma-Gamma', names: NAMES, negLogLik, starts, weight: sw }, settings);
  return { ...withFitInfo(buildGammaGammaModel(info.params), info), correlation, customers: sw };
}
