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
 * @throws {@link InvalidOptionError} when `report` is not the result of `rfm`
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
  const grid = Array.from({ length: b }, () => Array.from({ length: b }, () => new Array<number>(b).fill(0)));
  for (let i = 0; i < r.length; i++) {
    const row = grid[(r[i] ?? 1) - 1]?.[(f[i] ?? 1) - 1];
    const k = (m[i] ?? 1) - 1;
    if (row !== undefined) row[k] = (row[k] ?? 0) + 1;
  }
  return grid;
}
