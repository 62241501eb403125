/**
 * The customer-lifetime-value section: the historical value per customer (`historicalClv`) and the
 * predictive CLV of the fitted models (`predictiveClv`).
 *
 * @module
 */
import type { HistoricalClv } from '../../index.ts';
import { formatCount, formatMoney, formatPercent } from '../format.ts';
import type { FittedModels } from '../models.ts';
import type { Section } from './section.ts';

/**
 * The historical value distribution and, when the models were fitted, the predictive CLV.
 *
 * @param history - `historicalClv(book, { asOf })`
 * @param models - the fitted models, or `null` when they could not be fitted
 * @param digits - the currency's decimal places
 * @param modelProblem - why the models could not be fitted, when `models` is `null`
 * @returns the section
 * @example
 * ```ts
 * import { historicalClv, ledger } from '../../index.ts';
 * import { clvSection } from './clv.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'b', date: '2024-01-02', amount: '30' }]);
 * clvSection(historicalClv(book), null, 2).table.rows[1]; // => ['historical: mean per customer', '20.00']
 * ```
 */
export function clvSection(history: HistoricalClv, models: FittedModels | null, digits: number, modelProblem: string | null = null): Section {
  const d = history.distribution;
  const money = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, digits);
  const rows: string[][] = [
    ['historical: net revenue to date, total', money(history.total)],
    ['historical: mean per customer', money(d?.mean ?? null)],
    ['historical: median', money(d?.median ?? null)],
    ['historical: 75th percentile', money(d?.p75 ?? null)],
    ['historical: 90th percentile', money(d?.p90 ?? null)],
    ['historical: 99th percentile', money(d?.p99 ?? null)],
    ['historical: largest', money(d?.max ?? null)],
  ];
  const notes: string[] = [];
  if (models !== null) {
    const { horizonWeeks, monthlyDiscountRate, margin } = models.settings;
    const customers = models.summary.ids.length;
    rows.push(['predicted: expected purchase days, next ' + `${horizonWeeks} weeks`, formatCount(models.scores.reduce((sum, s) => sum + s.expectedTransactions, 0))]);
    if (models.clv !== null) {
      rows.push([`predicted: CLV, next ${horizonWeeks} weeks, total`, money(models.clv.total)]);
      rows.push(['predicted: CLV, mean per customer', money(customers === 0 ? null : models.clv.total.div(customers))]);
      notes.push(
        `(predictive CLV: BG/NBD × Gamma-Gamma over ${formatCount(customers)} customers, discounted ${formatPercent(monthlyDiscountRate)} a month, ` +
          `margin ${formatPercent(margin)})`,
      );
    } else notes.push(`(no predictive CLV: the spend model could not be fitted — ${models.spendProblem ?? 'unknown reason'})`);
  } else notes.push(`(no predictions: the purchase model could not be fitted on this data${modelProblem === null ? '' : ` — ${modelProblem}`})`);
  return { id: 'clv', title: 'Customer lifetime value', table: { headers: ['value per customer', 'amount'], rows }, notes };
}
