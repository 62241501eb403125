/**
 * The average curve of a cohort table: at each cell position (offset or bracket), the cohorts whose
 * cell there is complete, averaged two ways — weighted by size (Σ customers ÷ Σ size) and simple (the
 * mean of the cohorts' rates) — and relative to period 0 or to the position before.
 *
 * @module
 * @internal
 */
import { minorPer } from '../input/minor-decimal.ts';
import type { AverageCell } from './types.ts';

/** @internal A cell's sums before they become money, and the cumulative net revenue up to it. */
export interface CellSums {
  readonly offset: number;
  readonly label: string;
  readonly customers: number;
  readonly orders: number;
  readonly gross: number;
  readonly net: number;
  readonly cumulativeNet: number;
  readonly complete: boolean;
}

/** @internal A cohort as the average sees it: its size and its cells' sums. */
export interface CohortSums {
  readonly size: number;
  readonly cells: readonly CellSums[];
}

/**
 * @internal The average curve. A position no cohort has completed is still listed, with `null` values.
 * A cohort complete at a position is complete at the one before (periods end in order), so the
 * relative-to-previous averages compare cells of the same cohorts.
 *
 * @param cohorts - every cohort's size and cells
 * @param digits - the currency's decimal digits
 * @returns one average cell per position
 */
export function averageCurve(cohorts: readonly CohortSums[], digits: number): AverageCell[] {
  let width = 0;
  for (const cohort of cohorts) width = Math.max(width, cohort.cells.length);
  const curve: AverageCell[] = [];
  for (let i = 0; i < width; i++) {
    let label = '';
    let offset = 0;
    let complete = 0;
    let size = 0;
    let customers = 0;
    let cumulativeNet = 0;
    let rateSum = 0;
    // Over the complete cohorts: Σ customers of their cell before this one, and the mean of
    // customers ÷ that, over the cohorts where it is not 0.
    let previousCustomers = 0;
    let previousRateSum = 0;
    let previousCohorts = 0;
    for (const cohort of cohorts) {
      // Younger cohorts have fewer cells.
      if (i >= cohort.cells.length) continue;
      const cell = cohort.cells[i];
      label = cell.label;
      offset = cell.offset;
      if (!cell.complete) continue;
      complete++;
      size += cohort.size;
      customers += cell.customers;
      cumulativeNet += cell.cumulativeNet;
      rateSum += cell.customers / cohort.size;
      if (i === 0) continue;
      const before = cohort.cells[i - 1].customers;
      previousCustomers += before;
      if (before === 0) continue;
      previousRateSum += cell.customers / before;
      previousCohorts++;
    }
    curve.push(
      Object.freeze({
        offset,
        label,
        cohorts: complete,
        size,
        customers,
        rate: complete === 0 ? null : customers / size,
        simpleRate: complete === 0 ? null : rateSum / complete,
        previousRate: previousCustomers === 0 ? null : customers / previousCustomers,
        simplePreviousRate: previousCohorts === 0 ? null : previousRateSum / previousCohorts,
        cumulativeRevenuePerCustomer: complete === 0 ? null : minorPer(cumulativeNet, size, digits),
      }),
    );
  }
  return curve;
}
