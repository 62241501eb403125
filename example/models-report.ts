// Forecast section of the example report: BG/NBD and Gamma-Gamma on the CDNOW master file, calibrated
// on 1997-01-01…1997-09-30 (weeks 1–39) and checked against 1997-10-01…1998-06-30 (weeks 40–78). The
// models count purchase days (every order of a customer on one day is one transaction), so the figures
// are named that way.
import {
  type Ledger,
  evaluateHoldout,
  fitBgNbd,
  fitGammaGamma,
  predictiveClv,
  rfmSummary,
  scoreCustomers,
} from 'retention-metrics';
import { count, dollars, heading, percent, table } from './table.ts';

/**
 * A short forecast: fitted BG/NBD parameters, predicted vs actual repeat purchase days in the holdout
 * weeks, the top 5 customers by expected purchase days in the next 52 weeks with P(alive) and their
 * expected spend per purchase day (Gamma-Gamma), and the 52-week predictive CLV.
 *
 * @param book - the CDNOW master ledger (23,570 customers)
 * @returns the rendered section
 */
export function modelsReport(book: Ledger): string {
  const out: string[] = [];
  const holdout = rfmSummary(book, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week' });
  const fit = fitBgNbd(holdout.compress());
  const { r, alpha, a, b } = fit.params;
  out.push(heading('Forecast: BG/NBD on weeks 1–39, checked on weeks 40–78'));
  out.push(
    table(
      ['parameter', 'r', 'α', 'a', 'b', 'log-likelihood', 'customers'],
      [['estimate', r.toFixed(3), alpha.toFixed(3), a.toFixed(3), b.toFixed(3), fit.logLikelihood.toFixed(1), count(holdout.ids.length)]],
    ),
  );
  const check = evaluateHoldout(fit, holdout);
  out.push('');
  out.push(
    table(
      ['repeat purchase days, weeks 40–78', 'predicted', 'actual', 'error'],
      [
        ['from each customer’s history (Σ E[Y | x, tx, T])', count(Math.round(check.predictedTotal)), count(check.actualTotal), percent(check.aggregateError)],
        ['tracking curve (Σ E[X(T + 39)] − E[X(T)])', count(Math.round(check.trackingHoldoutTotal)), count(check.actualTotal), percent((check.trackingHoldoutTotal - check.actualTotal) / check.actualTotal)],
      ],
    ),
  );

  // Scores as of the end of the data (1998-06-30), on the whole history.
  const now = rfmSummary(book, { calibrationEnd: '1998-06-30', unit: 'week' });
  const model = fitBgNbd(now.compress());
  const spend = fitGammaGamma(now.toSpendSummary());
  const top = scoreCustomers(model, now, { horizon: 52, spendModel: spend })
    .sort((p, q) => q.expectedTransactions - p.expectedTransactions)
    .slice(0, 5);
  out.push(heading('Top 5 customers by expected purchase days in the next 52 weeks (as of 1998-06-30)'));
  out.push(
    table(
      ['customer', 'repeat days', 'last (week)', 'age (weeks)', 'P(alive)', 'expected purchase days', 'expected spend per purchase day'],
      top.map((c) => [String(c.customerId), c.x, c.tx.toFixed(1), c.T.toFixed(1), percent(c.pAlive), c.expectedTransactions.toFixed(2), dollars(c.expectedSpend === null ? null : c.expectedSpend)]),
    ),
  );
  const clv = predictiveClv({ transactionModel: model, spendModel: spend, summary: now, horizon: 52, period: 52 / 12, discountRate: 0.01 });
  out.push('');
  out.push(
    `Predictive CLV, next 52 weeks (revenue, 1 % a month): ${dollars(clv.total)} over ${count(now.ids.length)} customers ` +
      `(${count(Math.round(clv.expectedTransactions))} expected purchase days; spend per purchase day from Gamma-Gamma ` +
      `p ${spend.params.p.toFixed(2)}, q ${spend.params.q.toFixed(2)}, γ ${spend.params.gamma.toFixed(2)}).`,
  );
  return out.join('\n');
}
