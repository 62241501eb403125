/**
 * Independent evaluations of model quantities for the tests: each computes a quantity from its
 * probabilistic definition, by a route that shares no formula (no hypergeometric function, no
 * transformation, no quadrature) with the library's.
 */
import { Decimal } from 'decimal.js';

/** A positive sum of terms given by their logarithms, compensated (Neumaier), kept as `e^shift · sum`. */
class LogSum {
  shift = Number.NEGATIVE_INFINITY;
  sum = 0;
  carry = 0;
  add(logTerm: number): void {
    if (logTerm > this.shift) {
      const k = Math.exp(this.shift - logTerm);
      this.sum *= k;
      this.carry *= k;
      this.shift = logTerm;
    }
    const v = Math.exp(logTerm - this.shift);
    const t = this.sum + v;
    this.carry += Math.abs(this.sum) >= v ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return Math.exp(this.shift) * (this.sum + this.carry);
  }
}

/** Compensated running sum. */
class Neumaier {
  sum = 0;
  carry = 0;
  add(v: number): void {
    const t = this.sum + v;
    this.carry += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return this.sum + this.carry;
  }
}

/**
 * BG/NBD `E[Y(t) | alive, x, T]` as `E[min(N, G)]`: N ~ NB(r + x, z) purchases that the rate allows
 * in the horizon (z = τ/(1+τ), τ = t/(α+T)), G the purchases until dropout, P(G ≥ k) =
 * B(a, b+x+k−1)/B(a, b+x). With `W_n = Σ_{k≤n} P(G ≥ k)`, the value is `Σ_n P(N = n) W_n`, every
 * term positive, summed in log space; the log-probabilities are built from `log1p` increments
 * (compensated sums), so no gamma function is evaluated at a large argument. Costs about
 * `(r + x)τ + 40(1 + τ)` terms.
 */
export function bgNbdAliveByCounting(r: number, a: number, b: number, x: number, tau: number): number {
  if (tau === 0) return 0;
  const m = r + x;
  const beta = b + x;
  const lnZ = -Math.log1p(1 / tau); // ln(τ/(1+τ)), without cancelling for large τ
  const z = tau / (1 + tau);
  const lnPmf0 = -m * Math.log1p(tau);
  const lnPmfRise = new Neumaier(); // Σ_{j<n} log1p((m−1)/(j+1))
  const lnSurvive = new Neumaier(); // ln P(G ≥ k) = Σ_{j<k−1} log1p(−a/(β+a+j))
  const W = new Neumaier();
  const total = new LogSum();
  for (let n = 1; n < 200_000_000; n++) {
    lnPmfRise.add(Math.log1p((m - 1) / n));
    W.add(Math.exp(lnSurvive.value()));
    lnSurvive.add(Math.log1p(-a / (beta + a + n - 1)));
    const w = W.value();
    const lnTerm = lnPmf0 + n * lnZ + lnPmfRise.value() + Math.log(w);
    total.add(lnTerm);
    // past the mode, successive terms fall by at most ρ = z(m+n)/(n+1) · (1 + 1/n)
    const rho = ((z * (m + n)) / (n + 1)) * (1 + 1 / n);
    if (rho < 1 && lnTerm + Math.log(rho / (1 - rho)) < Math.log(total.value()) - 41) break;
  }
  return total.value();
}

const D = Decimal.clone({ precision: 50 });

/** `(v)_k = v (v+1) … (v+k−1)` in 50-digit arithmetic. */
function rising(v: number, k: number): Decimal {
  let p = new D(1);
  for (let j = 0; j < k; j++) p = p.times(new D(v).plus(j));
  return p;
}

/** `B(p + i, q + j) / B(p, q) = (p)_i (q)_j / (p+q)_{i+j}` for whole i, j, in 50 digits. */
function betaRatio(p: number, q: number, i: number, j: number): Decimal {
  return rising(p, i).times(rising(q, j)).div(rising(p + q, i + j));
}

/** `B(p + 1 + i, q + j) / B(p, q)` for whole i, j: `p/(p+q)` times the ratio from (p+1, q). */
function betaRatioPlusOne(p: number, q: number, i: number, j: number): Decimal {
  return new D(p).div(p + q).times(betaRatio(p + 1, q, i, j));
}

/** BG/BB `P(alive at opportunity k) = B(γ, δ+k)/B(γ, δ) = Π_{j<k} (δ+j)/(γ+δ+j)`, k = 0…m, in 50 digits. */
function aliveCurve(gamma: number, delta: number, m: number): Decimal[] {
  const out = [new D(1)];
  for (let k = 0; k < m; k++) out.push(out[k].times(new D(delta).plus(k)).div(new D(gamma).plus(delta).plus(k)));
  return out;
}

/** BG/BB `E[X(n)] = α/(α+β) Σ_{k=1..n} P(alive at k)`, by the sum itself, in 50 digits. */
export function bgBbExpectedByCounting(p: { alpha: number; beta: number; gamma: number; delta: number }, n: number): number {
  const alive = aliveCurve(p.gamma, p.delta, n);
  let sum = new D(0);
  for (let k = 1; k <= n; k++) sum = sum.plus(alive[k]);
  return sum.times(p.alpha).div(p.alpha + p.beta).toNumber();
}

/**
 * BG/BB `E[X(n, n+n*) | x, tx, n]` (FHS 2010 eq. 13) with every beta function a ratio of rising
 * factorials and the alive probabilities a product, in 50 digits: the pattern likelihood is
 * `B(α+x, β+n−x)/B(α,β) · S(n) + Σ_{i<n−tx} B(α+x, β+tx−x+i)/B(α,β) · (S(tx+i) − S(tx+i+1))`,
 * S the alive curve, and the expectation `B(α+x+1, β+n−x)/B(α,β) / L · Σ_{k=n+1..n+n*} S(k)`.
 * Needs whole-number α, β offsets only, so it works for any real parameters.
 */
export function bgBbConditionalByCounting(
  p: { alpha: number; beta: number; gamma: number; delta: number },
  nStar: number,
  x: number,
  tx: number,
  n: number,
): number {
  const S = aliveCurve(p.gamma, p.delta, n + nStar);
  let L = betaRatio(p.alpha, p.beta, x, n - x).times(S[n]);
  for (let i = 0; i < n - tx; i++) {
    L = L.plus(betaRatio(p.alpha, p.beta, x, tx - x + i).times(S[tx + i].minus(S[tx + i + 1])));
  }
  let future = new D(0);
  for (let k = n + 1; k <= n + nStar; k++) future = future.plus(S[k]);
  return betaRatioPlusOne(p.alpha, p.beta, x, n - x).div(L).times(future).toNumber();
}

const D60 = Decimal.clone({ precision: 60 });

/**
 * BG/NBD `P(X(t) = n)` (FHL 2005 eq. 8) in 60-digit arithmetic, each beta ratio a ratio of rising
 * factorials and the negative binomial tail a plain sum of its terms (upwards from n beyond the
 * mean, else one minus the terms below n).
 */
export function bgNbdProbabilityByCounting(p: { r: number; alpha: number; a: number; b: number }, n: number, t: number): number {
  const q = new D60(p.alpha).div(new D60(p.alpha).plus(t));
  const z = new D60(1).minus(q);
  const pmf = (j: number): Decimal => {
    let v = q.pow(p.r);
    for (let i = 0; i < j; i++) v = v.times(new D60(p.r).plus(i)).div(i + 1).times(z);
    return v;
  };
  const risingRatio = (top: number, bottom: number, k: number): Decimal => {
    let v = new D60(1);
    for (let i = 0; i < k; i++) v = v.times(new D60(top).plus(i)).div(new D60(bottom).plus(i));
    return v;
  };
  const first = risingRatio(p.b, p.a + p.b, n).times(pmf(n));
  if (n === 0) return first.toNumber();
  let tail: Decimal;
  if (n > (p.r * t) / p.alpha) {
    let term = pmf(n);
    tail = term;
    for (let j = n; term.gt(tail.times('1e-60')); j++) {
      term = term.times(new D60(p.r).plus(j)).div(j + 1).times(z);
      tail = tail.plus(term);
    }
  } else {
    let term = pmf(0);
    let cdf = term;
    for (let j = 0; j < n - 1; j++) {
      term = term.times(new D60(p.r).plus(j)).div(j + 1).times(z);
      cdf = cdf.plus(term);
    }
    tail = new D60(1).minus(cdf);
  }
  // B(a+1, b+n−1)/B(a, b) = a (b)_{n−1} / (a+b)_n
  const second = new D60(p.a).times(risingRatio(p.b, p.a + p.b, n - 1)).div(new D60(p.a + p.b).plus(n - 1));
  return first.plus(second.times(tail)).toNumber();
}

const D80 = Decimal.clone({ precision: 80 });

/** `₂F₁(a, b; c; z)` by its series in 80 digits, for 0 ≤ z ≤ 0.9. */
function hyp2f1Series(a: Decimal, b: Decimal, c: Decimal, z: Decimal): Decimal {
  let term = new D80(1);
  let sum = new D80(1);
  for (let k = 0; k < 100_000; k++) {
    term = term.times(a.plus(k)).times(b.plus(k)).div(c.plus(k).times(k + 1)).times(z);
    sum = sum.plus(term);
    if (term.abs().lt(sum.abs().times('1e-78'))) return sum;
  }
  throw new Error('₂F₁ series did not converge');
}

/**
 * Pareto/NBD `P(X(t) = n)` by Fader & Hardie's closed form (2006 note), in 80-digit arithmetic: its
 * difference of hypergeometric terms cancels by many digits, which the precision absorbs. Beta and
 * gamma ratios are rising factorials. For α and β within a factor 10 of each other (the series'
 * argument stays below 0.9).
 */
export function paretoNbdProbabilityByClosedForm(p: { r: number; alpha: number; s: number; beta: number }, n: number, t: number): number {
  const r = new D80(p.r);
  const s = new D80(p.s);
  const al = new D80(p.alpha);
  const be = new D80(p.beta);
  const T = new D80(t);
  let rising = new D80(1); // (r)_n / n!
  for (let i = 0; i < n; i++) rising = rising.times(r.plus(i)).div(i + 1);
  const first = rising
    .times(al.div(al.plus(T)).pow(r))
    .times(T.div(al.plus(T)).pow(n))
    .times(be.div(be.plus(T)).pow(s));
  // B(r+n, s+1)/B(r, s) = (r)_n s / (r+s)_{n+1}
  let ratio = s;
  for (let i = 0; i < n; i++) ratio = ratio.times(r.plus(i));
  for (let i = 0; i <= n; i++) ratio = ratio.div(r.plus(s).plus(i));
  const rs = r.plus(s);
  const c = rs.plus(n + 1);
  const big = p.alpha >= p.beta ? al : be;
  const second = p.alpha >= p.beta ? s.plus(1) : r.plus(n);
  const diff = p.alpha >= p.beta ? al.minus(be) : be.minus(al);
  const b1 = hyp2f1Series(rs, second, c, diff.div(big)).div(big.pow(rs));
  let sum = new D80(0);
  let coef = new D80(1); // (r+s)_i t^i / i!
  for (let i = 0; i <= n; i++) {
    if (i > 0) coef = coef.times(rs.plus(i - 1)).div(i).times(T);
    sum = sum.plus(coef.times(hyp2f1Series(rs.plus(i), second, c, diff.div(big.plus(T)))).div(big.plus(T).pow(rs.plus(i))));
  }
  return first.plus(al.pow(r).times(be.pow(s)).times(ratio).times(b1.minus(sum))).toNumber();
}
