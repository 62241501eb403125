/**
 * The forecast sections: the fitted models' parameters and the customers expected to buy most.
 *
 * @module
 */
import { formatCount, formatMoney, formatNumber, formatPercent } from '../format.ts';
import type { FittedModels } from '../models.ts';
import type { Section } from './section.ts';

/**
 * The fitted BG/NBD and Gamma-Gamma parameters.
 *
 * @param models - the fitted models
 * @returns the section
 * @example
 * ```ts
 * import { ledger } from '../../index.ts';
 * import { fitModels } from '../models.ts';
 * import { modelSection } from './forecast.ts';
 * // 30 customers over six months; every third stops buying after its first weeks.
 * const orders = Array.from({ length: 30 }, (_, i) => Array.from({ length: 26 }, (_, k) => ({ i, k, d: ((i * 11) % 60) + k * (7 + (i % 5) * 9) }))).flat()
 *   .filter(({ i, d }) => d < (i % 3 === 0 ? ((i * 11) % 60) + 40 : 181))
 *   .map(({ i, k, d }) => ({ customerId: `c${i}`, date: new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), amount: String(10 + (i % 6) * 15 + (k % 3) * 4) }));
 * const models = fitModels({ book: ledger(orders), asOfDay: '2024-06-30' }, { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * modelSection(models).table.rows[0]; // => ['BG/NBD (purchase days per week)', 'r 1.643, α 4.597, a 0.136, b 1.348', '-373.3', 'yes']
 * ```
 */
export function modelSection(models: FittedModels): Section {
  const { r, alpha, a, b } = models.transactions.params;
  const rows: string[][] = [
    ['BG/NBD (purchase days per week)', `r ${formatNumber(r, 3)}, α ${formatNumber(alpha, 3)}, a ${formatNumber(a, 3)}, b ${formatNumber(b, 3)}`, formatNumber(models.transactions.logLikelihood, 1), models.transactions.converged ? 'yes' : 'no'],
  ];
  if (models.spend !== null) {
    const { p, q, gamma } = models.spend.params;
    rows.push(['Gamma-Gamma (spend per purchase day)', `p ${formatNumber(p, 3)}, q ${formatNumber(q, 3)}, γ ${formatNumber(gamma, 3)}`, formatNumber(models.spend.logLikelihood, 1), models.spend.converged ? 'yes' : 'no']);
  }
  const notes = [
    `(fitted on ${formatCount(models.summary.ids.length)} customers' repeat purchase days up to ${models.summary.calibrationEnd}; all orders of a customer on one day are one purchase day)`,
  ];
  if (models.spend === null) notes.push(`(no spend model: ${models.spendProblem ?? 'unknown reason'})`);
  return { id: 'models', title: 'Purchase and spend models', table: { headers: ['model', 'parameters', 'log-likelihood', 'converged'], rows }, notes };
}

/**
 * The customers with the most expected purchase days in the horizon.
 *
 * @param models - the fitted models
 * @param top - how many customers to list
 * @param digits - the currency's decimal places
 * @returns the section
 * @example
 * ```ts
 * import { ledger } from '../../index.ts';
 * import { fitModels } from '../models.ts';
 * import { topCustomersSection } from './forecast.ts';
 * // 30 customers over six months; every third stops buying after its first weeks.
 * const orders = Array.from({ length: 30 }, (_, i) => Array.from({ length: 26 }, (_, k) => ({ i, k, d: ((i * 11) % 60) + k * (7 + (i % 5) * 9) }))).flat()
 *   .filter(({ i, d }) => d < (i % 3 === 0 ? ((i * 11) % 60) + 40 : 181))
 *   .map(({ i, k, d }) => ({ customerId: `c${i}`, date: new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), amount: String(10 + (i % 6) * 15 + (k % 3) * 4) }));
 * const models = fitModels({ book: ledger(orders), asOfDay: '2024-06-30' }, { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * topCustomersSection(models, 3, 2).table.rows.map((row) => row[0]); // => ['c20', 'c25', 'c10']
 * ```
 */
export function topCustomersSection(models: FittedModels, top: number, digits: number): Section {
  const clvs = models.clv?.customers ?? null;
  const order = models.scores.map((_, i) => i).sort((i, j) => (models.scores[j]?.expectedTransactions ?? 0) - (models.scores[i]?.expectedTransactions ?? 0));
  const horizon = models.settings.horizonWeeks;
  return {
    id: 'forecast',
    title: `Top ${top} customers by expected purchase days in the next ${horizon} weeks`,
    table: {
      headers: ['customer', 'repeat days', 'last (week)', 'age (weeks)', 'P(alive)', 'expected purchase days', 'expected spend per day', `CLV ${horizon} weeks`],
      rows: order.slice(0, top).map((i) => {
        const s = models.scores[i];
        const clv = clvs?.[i]?.clv ?? null;
        return s === undefined
          ? []
          : [
              String(s.customerId),
              formatCount(s.x),
              formatNumber(s.tx, 1),
              formatNumber(s.T, 1),
              formatPercent(s.pAlive),
              formatNumber(s.expectedTransactions, 2),
              formatMoney(s.expectedSpend, digits),
              formatMoney(clv, digits),
            ];
      }),
    },
    notes: ['(P(alive): the probability that the customer still buys; weeks counted from each customer\'s first purchase)'],
  };
}
