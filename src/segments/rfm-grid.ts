/**
 * `rfmGrid`: the number of customers in every (R, F, M) cell of an RFM report.
 *
 * @module
 */
import { InvalidOptionError } from '../errors.ts';
import type { RfmReport } from './rfm-types.ts';

/**
 * The number of customers in every (R, F, M) cell: `grid[r − 1][f − 1][m − 1]`, bins³ cells, zeros included.
 *
 * @param report - the result of `rfm`
 * @returns a bins × bins × bins array of counts
 * @throws {@link InvalidOptionError} when `report` is not the result of `rfm` (a score outside 1…bins included)
 *
 * @example
 * ```ts
 * import { rfm, rfmGrid } from 'retention-metrics';
 * const report = rfm([{ customerId: 'a', date: '2024-01-01', amount: 1 }], { bins: 2 });
 * rfmGrid(report); // => [[[1, 0], [0, 0]], [[0, 0], [0, 0]]]
 * ```
 */
export function rfmGrid(report: RfmReport): number[][][] {
  const columns: unknown = typeof report === 'object' && report !== null ? report.columns : undefined;
  const { r, f, m } = (typeof columns === 'object' && columns !== null ? columns : {}) as Partial<RfmReport['columns']>;
  const b: unknown = typeof report === 'object' && report !== null ? report.bins : undefined;
  if (!(r instanceof Uint8Array && f instanceof Uint8Array && m instanceof Uint8Array) || typeof b !== 'number' || !Number.isInteger(b) || b < 2 || b > 100) {
    throw new InvalidOptionError('report', report, 'must be the result of rfm()');
  }
  if (f.length !== r.length || m.length !== r.length) {
    throw new InvalidOptionError('report', report, `must be the result of rfm(): its score columns differ in length (${r.length}, ${f.length}, ${m.length})`);
  }
  const grid = Array.from({ length: b }, () => Array.from({ length: b }, () => new Array<number>(b).fill(0)));
  for (let i = 0; i < r.length; i++) {
    // Scores of `rfm` are 1…bins; anything else comes from a report changed or built by hand, which has no cell.
    if (r[i] < 1 || r[i] > b || f[i] < 1 || f[i] > b || m[i] < 1 || m[i] > b) {
      throw new InvalidOptionError('report', report, `must be the result of rfm(): customer ${i} has scores (${r[i]}, ${f[i]}, ${m[i]}) outside 1…${b}`);
    }
    grid[r[i] - 1][f[i] - 1][m[i] - 1]++;
  }
  return grid;
}
