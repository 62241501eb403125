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
 * import { modelSection } from './forecast.ts';
 * modelSection.length; // => 1
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
 * import { topCustomersSection } from './forecast.ts';
 * topCustomersSection.length; // => 3
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
