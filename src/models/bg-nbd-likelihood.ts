/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and its analytic gradient, over
 * compressed summary rows.
 *
 * @module
 * @internal
 */
import { betaln, digamma, gammaln, logAddExp } from './special.ts';
import type { BgNbdParams } from './bg-nbd.ts';
import { type CompressedSummary, occurringCounts } from './summary.ts';

/**
 * The BG/NBD negative log-likelihood and its analytic gradient in the log-parameters
 * `[ln r, ln α, ln a, ln b]`, over compressed summary rows.
 *
 * @param s - validated rows with weights
 * @returns the objective and its gradient
 * @internal
 */
export function bgNbdObjective(s: CompressedSummary): {
  negLogLik: (lp: Float64Array) => number;
  gradient: (lp: Float64Array, out: Float64Array) => void;
} {
  const n = s.x.length;
  const present = occurringCounts(s.x);
  const maxX = present.length - 1;
  // tx and T take few distinct values (whole days in a unit): log(α + t) is computed once per value.
  const [tIndex, tValues] = distinctValues(s.T);
  const [txIndex, txValues] = distinctValues(s.tx);
  const logT = new Float64Array(tValues.length);
  const logTx = new Float64Array(txValues.length);
  const fillLogs = (alpha: number): void => {
    for (let k = 0; k < tValues.length; k++) logT[k] = Math.log(alpha + tValues[k]);
    for (let k = 0; k < txValues.length; k++) logTx[k] = Math.log(alpha + txValues[k]);
  };
  const cx = new Float64Array(maxX + 1); // per-x constant of the log-likelihood
  const lx = new Float64Array(maxX + 1); // per-x log(a / (b + x − 1))
  const negLogLik = (lp: Float64Array): number => {
    const { r, alpha, a, b } = paramsAt(lp);
    const common = -gammaln(r) + r * Math.log(alpha) - betaln(a, b);
    for (let x = 0; x <= maxX; x++) {
      if (present[x] === 0) continue;
      cx[x] = common + gammaln(r + x) + betaln(a, b + x);
      lx[x] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
    }
    fillLogs(alpha);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const x = s.x[i];
      const A = -(r + x) * logT[tIndex[i]];
      let term = A;
      if (x > 0) {
        const B = lx[x] - (r + x) * logTx[txIndex[i]];
        term = logAddExp(A, B);
      }
      ll += s.weight[i] * (cx[x] + term);
    }
    return -ll;
  };
  // Analytic gradient in the log-parameters (ψ = digamma; wB = share of the "dropped out after the
  // last purchase" term in the likelihood of a row).
  const dr = new Float64Array(maxX + 1);
  const da = new Float64Array(maxX + 1);
  const db = new Float64Array(maxX + 1);
  const gradient = (lp: Float64Array, out: Float64Array): void => {
    const { r, alpha, a, b } = paramsAt(lp);
    const psiR = digamma(r);
    const psiAB = digamma(a + b);
    const psiB = digamma(b);
    const logAlpha = Math.log(alpha);
    for (let x = 0; x <= maxX; x++) {
      if (present[x] === 0) continue;
      const psiABX = digamma(a + b + x);
      dr[x] = digamma(r + x) - psiR + logAlpha;
      da[x] = psiAB - psiABX;
      db[x] = digamma(b + x) - psiABX - psiB + psiAB;
      lx[x] = x > 0 ? Math.log(a / (b + x - 1)) : 0;
    }
    fillLogs(alpha);
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const x = s.x[i];
      const w = s.weight[i];
      const T = s.T[i];
      const lT = logT[tIndex[i]];
      let wB = 0;
      let ltx = 0;
      if (x > 0) {
        const tx = s.tx[i];
        ltx = logTx[txIndex[i]];
        // wB = e^B / (e^A + e^B) with A − B = −(r+x)(lT − ltx) − lx
        wB = 1 / (1 + Math.exp(-(r + x) * (lT - ltx) - lx[x]));
        gAlpha -= w * (r + x) * ((1 - wB) / (alpha + T) + wB / (alpha + tx));
        gb -= (w * wB) / (b + x - 1);
        ga += (w * wB) / a;
      } else {
        gAlpha -= (w * r) / (alpha + T);
      }
      gr += w * (dr[x] - (1 - wB) * lT - wB * ltx);
      gAlpha += (w * r) / alpha;
      ga += w * da[x];
      gb += w * db[x];
    }
    out[0] = -gr * r;
    out[1] = -gAlpha * alpha;
    out[2] = -ga * a;
    out[3] = -gb * b;
  };
  return { negLogLik, gradient };
}

/** The parameters at log-parameters `[ln r, ln α, ln a, ln b]`. */
function paramsAt(lp: Float64Array): BgNbdParams {
  return { r: Math.exp(lp[0]), alpha: Math.exp(lp[1]), a: Math.exp(lp[2]), b: Math.exp(lp[3]) };
}

/** The distinct values of a column and, per row, the index of its value. */
function distinctValues(column: Float64Array): [Uint32Array, Float64Array] {
  const index = new Uint32Array(column.length);
  const seen = new Map<number, number>();
  const values: number[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    let k = seen.get(v);
    if (k === undefined) {
      k = values.length;
      seen.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return [index, Float64Array.from(values)];
}
