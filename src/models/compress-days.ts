/**
 * Compression of a day-based summary into distinct `(x, tx, T)` rows with weights, by sorting packed
 * integer keys (a native numeric sort, no comparator, no per-row allocation).
 *
 * @module
 */
import { compressSummary, compressedSummary, type CompressedSummary } from './summary.ts';

/**
 * Distinct `(x, txDays, TDays)` patterns with their counts, converted to units, sorted by x, tx, T —
 * the same rows `compressSummary` returns for the same summary, with `unitDays` set to `unit` (no rows
 * for an empty summary: the fitters then throw).
 *
 * @param x - repeat transactions per customer
 * @param txDays - days from the first to the last transaction day
 * @param firstDay - first transaction day per customer
 * @param endDay - calibration end day (T in days = endDay − firstDay > 0)
 * @param unit - days per unit
 * @returns compressed rows
 * @internal
 */
export function compressDays(x: Uint32Array, txDays: Int32Array, firstDay: Int32Array, endDay: number, unit: number): CompressedSummary {
  const n = x.length;
  let maxT = 0;
  let maxX = 0;
  for (let i = 0; i < n; i++) {
    maxT = Math.max(maxT, endDay - firstDay[i]);
    maxX = Math.max(maxX, x[i]);
  }
  const k1 = maxT + 1;
  const k2 = k1 * k1;
  if (n === 0) return compressedSummary({ x: new Float64Array(0), tx: new Float64Array(0), T: new Float64Array(0), weight: new Float64Array(0), unitDays: unit });
  if ((maxX + 1) * k2 > Number.MAX_SAFE_INTEGER) {
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      tx[i] = txDays[i] / unit;
      T[i] = (endDay - firstDay[i]) / unit;
    }
    return compressSummary({ x, tx, T, unitDays: unit });
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = x[i] * k2 + txDays[i] * k1 + (endDay - firstDay[i]);
  keys.sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) distinct++;
  const X = new Float64Array(distinct);
  const TX = new Float64Array(distinct);
  const TT = new Float64Array(distinct);
  const W = new Float64Array(distinct);
  let row = -1;
  for (let i = 0; i < n; i++) {
    const key = keys[i];
    if (i === 0 || key !== keys[i - 1]) {
      row++;
      const xi = Math.floor(key / k2);
      const rest = key - xi * k2;
      const t = Math.floor(rest / k1);
      X[row] = xi;
      TX[row] = t / unit;
      TT[row] = (rest - t * k1) / unit;
    }
    W[row] = W[row] + 1;
  }
  return compressedSummary({ x: X, tx: TX, T: TT, weight: W, unitDays: unit });
}
