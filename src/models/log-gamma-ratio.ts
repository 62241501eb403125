/**
 * Ratios of gamma functions whose arguments differ by a small amount, without the cancellation of
 * `lnΓ(y + e) − lnΓ(y)` and without the 0/0 of dividing it by `e` as `e → 0` (where the quotient
 * tends to the digamma function ψ(y)). The BG/BB expectations are built from such ratios with
 * `e = γ − 1`.
 *
 * @module
 */

// Stirling series coefficients B₂ₖ / (2k (2k − 1)), k = 1…8: lnΓ(y) = (y − ½) ln y − y + ½ ln 2π + Σ cₖ y^{1−2k}.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];
// From here on the series' first omitted term is below 2e-18 of the result.
const STIRLING_FROM = 10;

/** `log1p(u) / u`, 1 at u = 0. */
function log1pRatio(u: number): number {
  return u === 0 ? 1 : Math.log1p(u) / u;
}

/** `expm1(v) / v`, 1 at v = 0. */
function expm1Ratio(v: number): number {
  return v === 0 ? 1 : Math.expm1(v) / v;
}

/**
 * `(lnΓ(y + e) − lnΓ(y)) / e`, and its limit ψ(y) at `e = 0`, accurate to rounding for all `e`.
 *
 * For `y ≥ 10` the Stirling series is differenced term by term, each difference written with
 * `log1p`/`expm1` so it carries the factor `e` exactly:
 * `(y − ½)/y · log1p(e/y)/(e/y) + ln(y + e) − 1 + Σ cₖ ((y+e)^{1−2k} − y^{1−2k}) / e`.
 * Below 10 the recurrence `lnΓ(y + 1) = lnΓ(y) + ln y` moves `y` up first.
 *
 * @param y - argument (> 0)
 * @param e - increment (`y + e > 0`)
 * @returns the difference quotient
 * @internal
 */
export function lnGammaDifferenceQuotient(y: number, e: number): number {
  let shift = 0;
  let base = y;
  while (base < STIRLING_FROM) {
    shift += log1pRatio(e / base) / base;
    base += 1;
  }
  const u = e / base;
  const lq = log1pRatio(u) / base; // log1p(e/base) / e
  let series = 0;
  let power = 1 / base; // base^{1−2k}
  for (let k = 0; k < STIRLING.length; k++) {
    const exponent = -1 - 2 * k; // 1 − 2(k+1)
    series += STIRLING[k] * power * exponent * lq * expm1Ratio(exponent * Math.log1p(u));
    power /= base * base;
  }
  return (1 - 0.5 / base) * log1pRatio(u) + Math.log(base + e) - 1 + series - shift;
}

/**
 * `(lnΓ(y + k + e) − lnΓ(y + k) − lnΓ(y + e) + lnΓ(y)) / e` for a whole number `k ≥ 0`: the sum
 * `Σ_{j<k} log1p(e/(y+j)) / e`, added term by term up to k = 1024 (where the difference of two
 * {@link lnGammaDifferenceQuotient} values would cancel) and as that difference beyond, whose
 * relative rounding error is about `ε · ln(y) · y / k` (below 1e-13 while y ≤ 1e6).
 *
 * @param y - argument (> 0)
 * @param k - whole-number step (≥ 0)
 * @param e - increment (`y + e > 0`)
 * @returns the quotient (≥ 0 and increasing in k)
 * @internal
 */
export function lnGammaStepQuotient(y: number, k: number, e: number): number {
  if (k <= 1024) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += log1pRatio(e / (y + j)) / (y + j);
    return sum;
  }
  return lnGammaDifferenceQuotient(y + k, e) - lnGammaDifferenceQuotient(y, e);
}
