/**
 * The logarithm of the integral of a positive function given by its logarithm. The model
 * expressions that are one-dimensional mixtures (over a Beta or gamma mixing distribution) are
 * integrals of this kind: their integrands are unimodal and analytic in a strip around the real
 * axis, but may sit anywhere over hundreds of natural-log units, be concentrated or nearly flat,
 * and under- or overflow in plain arithmetic.
 *
 * The integral is cut into panels, each integrated by the 16-point Gauss–Legendre rule (exact for
 * polynomials of degree 31) on `exp(logf − L)`, `L` the panel's largest log value, and summed in
 * log space. The mode is found first (golden-section search between the feature points that
 * bracket it), then panels are laid outwards from it on both sides, each width the smallest of:
 *
 * - twice the previous width, so a stretch of length `G` costs `O(log G)` panels;
 * - half the distance to the caller's feature points (where the integrand turns: a mode, a change of
 *   regime, complex singularities near the axis), or their scale when closer, so each panel lies well
 *   inside the region where the integrand is analytic and the rule converges geometrically;
 * - what keeps `logf` changing by at most 8 across the panel, so the exponential the rule integrates
 *   varies by at most e⁸ over it (the rule's error is then far below rounding: `(λh)^{32}/32!` with
 *   `λh ≤ 4`).
 *
 * Outwards from the mode the integrand falls; a side stops at its end of the range, or once the rest
 * of it, estimated by `f(v)/|slope|` over the last panel, is below 1e-18 of the sum. The number of
 * panels is bounded (at most {@link MAX_PANELS}) by the logarithms of the distances involved, not by
 * the size of any parameter.
 *
 * @module
 */

/**
 * Where the integrand changes shape (a point, or an interval `[at, to]`) and its length scale there:
 * the integrand is analytic at least that far from the real axis around it.
 */
export interface Feature {
  /** Position (start of the interval) on the integration variable. */
  readonly at: number;
  /** End of the interval (default `at`). */
  readonly to?: number;
  /** Local length scale (> 0). */
  readonly scale: number;
}

// Gauss–Legendre 16-point nodes (positive half) and weights.
const X = [
  0.9894009349916499, 0.9445750230732326, 0.8656312023878317, 0.755404408355003, 0.6178762444026438, 0.4580167776572274, 0.2816035507792589,
  0.09501250983763744,
];
const W = [
  0.027152459411754095, 0.06225352393864789, 0.09515851168249279, 0.12462897125553387, 0.14959598881657673, 0.16915651939500254,
  0.18260341504492359, 0.1894506104550685,
];

/** Most panels one integral may use (a bound on the work, never reached by the models' integrands). */
export const MAX_PANELS = 4000;
const MAX_LOG_CHANGE = 8;
const TAIL_CUTOFF = Math.log(1e-18);

/**
 * `ln ∫_lo^hi exp(logf(v)) dv`.
 *
 * @param logf - the log-integrand: finite or −∞ on `[lo, hi]`, unimodal and smooth
 * @param lo - lower end (may be −∞)
 * @param hi - upper end (may be +∞), `> lo`
 * @param features - where the integrand turns and on what scale (at least one finite one)
 * @returns the log of the integral (−∞ when the integrand underflows everywhere)
 * @internal
 */
export function logIntegral(logf: (v: number) => number, lo: number, hi: number, features: readonly Feature[]): number {
  let logSumMax = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let panels = 0;
  const values = new Float64Array(16);
  const add = (logScale: number, value: number): void => {
    if (!(value > 0)) return;
    if (logScale > logSumMax) {
      sum = sum * Math.exp(logSumMax - logScale) + value;
      logSumMax = logScale;
    } else {
      sum += value * Math.exp(logScale - logSumMax);
    }
  };
  const logTotal = (): number => (sum > 0 ? logSumMax + Math.log(sum) : Number.NEGATIVE_INFINITY);

  const panel = (a: number, b: number): void => {
    panels++;
    const c = (a + b) / 2;
    const h = (b - a) / 2;
    let local = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < 8; i++) {
      values[i] = logf(c - h * X[i]);
      values[15 - i] = logf(c + h * X[i]);
      local = Math.max(local, values[i], values[15 - i]);
    }
    if (!(local > Number.NEGATIVE_INFINITY)) return;
    let s = 0;
    for (let i = 0; i < 8; i++) s += W[i] * (Math.exp(values[i] - local) + Math.exp(values[15 - i] - local));
    add(local, s * h);
  };

  /** Width of the next panel from v (log value fv) in direction dir: at most `want`, `logf` changing by ≤ 8. */
  const width = (v: number, fv: number, want: number, dir: number): number => {
    let w = want;
    for (let k = 0; k < 64; k++) {
      const fw = logf(v + dir * w);
      if (!(Math.abs(fw - fv) > MAX_LOG_CHANGE)) return w;
      w /= 2;
    }
    return w;
  };

  const points = features
    .filter((f) => Number.isFinite(f.at) && f.scale > 0)
    .map((f) => ({ at: Math.min(hi, Math.max(lo, f.at)), to: Math.min(hi, Math.max(lo, f.to ?? f.at)), scale: f.scale }))
    .sort((p, q) => p.at - q.at);
  if (points.length === 0) return Number.NaN;

  /** The widest panel the features allow at v: half its distance to any of them, or their scale. */
  const featureLimit = (v: number): number => {
    let limit = Number.POSITIVE_INFINITY;
    for (const f of points) {
      const distance = v < f.at ? f.at - v : v > f.to ? v - f.to : 0;
      limit = Math.min(limit, Math.max(f.scale, distance / 2));
    }
    return limit;
  };

  /** Panels from the mode outwards to `end`, or until the falling tail is negligible. */
  const march = (from: number, dir: number, end: number): void => {
    let v = from;
    let fv = logf(v);
    let want = Number.POSITIVE_INFINITY;
    while (dir * (end - v) > 0 && panels < MAX_PANELS) {
      const w = width(v, fv, Math.min(want, featureLimit(v), dir * (end - v)), dir);
      const next = dir * (end - v) <= w * (1 + 1e-12) ? end : v + dir * w;
      panel(Math.min(v, next), Math.max(v, next));
      const fn = logf(next);
      if (fn === Number.NEGATIVE_INFINITY) return;
      // past the mode the integrand falls at least as fast as over the last panel
      const slope = (fv - fn) / w;
      if (slope > 0 && fn - Math.log(slope) < logTotal() + TAIL_CUTOFF) return;
      v = next;
      fv = fn;
      want = 2 * w;
    }
  };

  const mode = findMode(logf, lo, hi, points);
  march(mode, -1, lo);
  march(mode, 1, hi);
  return logTotal();
}

/**
 * A point at (or, on a plateau, near) the maximum of a unimodal `logf` (`points`: at least one, sorted): the best feature point,
 * then golden-section search between its neighbours (an unbounded side is first bracketed by
 * doubling steps).
 */
function findMode(logf: (v: number) => number, lo: number, hi: number, points: readonly Feature[]): number {
  let best = 0;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < points.length; i++) {
    const value = logf(points[i].at);
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  }
  const centre = points[best];
  const bound = (side: number): number => {
    const neighbour = points[best + side];
    if (neighbour !== undefined) return neighbour.at;
    const end = side < 0 ? lo : hi;
    let step = centre.scale;
    let v = centre.at;
    for (let k = 0; k < 1100; k++) {
      const next = side < 0 ? Math.max(end, v - step) : Math.min(end, v + step);
      if (next === end || logf(next) < bestValue) return next;
      v = next;
      step *= 2;
    }
    return v;
  };
  let a = bound(-1);
  let b = bound(1);
  const minScale = Math.min(...points.map((p) => p.scale));
  const invPhi = (Math.sqrt(5) - 1) / 2;
  let c = b - invPhi * (b - a);
  let d = a + invPhi * (b - a);
  let fc = logf(c);
  let fd = logf(d);
  for (let k = 0; k < 200 && b - a > 1e-3 * minScale && b - a > 1e-12 * Math.abs(a + b); k++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - invPhi * (b - a);
      fc = logf(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + invPhi * (b - a);
      fd = logf(d);
    }
  }
  const found = fc >= fd ? c : d;
  return Math.max(fc, fd) >= bestValue ? found : centre.at;
}
