/**
 * The purchase and spend models the program fits on an orders file: BG/NBD on purchase days in weeks,
 * Gamma-Gamma on the spend per repeat purchase day, the per-customer scores and the predictive CLV.
 *
 * @module
 */
import {
  type BgNbdFit,
  type CustomerScoreRow,
  type GammaGammaFit,
  type PredictiveClvReport,
  type RfmSummary,
  fitBgNbd,
  fitGammaGamma,
  isRetentionError,
  predictiveClv,
  rfmSummary,
  scoreCustomers,
} from '../index.ts';
import type { LoadedOrders } from './load-orders.ts';
import type { ModelSettings } from './model-flags.ts';

/** Weeks in a month, the discount period of the predictive CLV. */
const WEEKS_PER_MONTH = 52 / 12;

/** The models fitted on an orders file and what they predict. */
export interface FittedModels {
  /** The settings they were fitted and applied with. */
  readonly settings: ModelSettings;
  /** Each customer's repeat purchase days, recency and age in weeks, as of the report's last day. */
  readonly summary: RfmSummary;
  /** BG/NBD on the summary. */
  readonly transactions: BgNbdFit;
  /** Gamma-Gamma on the repeat customers' spend, or `null` when it could not be fitted. */
  readonly spend: GammaGammaFit | null;
  /** Why there is no spend model (the fit's message), or `null`. */
  readonly spendProblem: string | null;
  /** Every customer's P(alive), expected purchase days and (with a spend model) value in the horizon. */
  readonly scores: CustomerScoreRow[];
  /** The predictive CLV over the horizon, or `null` without a spend model. */
  readonly clv: PredictiveClvReport | null;
}

/**
 * Fits BG/NBD and Gamma-Gamma on a ledger as of its last day and scores every customer.
 *
 * A Gamma-Gamma fit that fails (too few repeat customers, spend that does not vary) leaves the spend
 * model out and says why; a failing BG/NBD fit throws, as nothing can be predicted without it.
 *
 * @param loaded - the orders read (their ledger and last day)
 * @param settings - horizon, monthly discount rate and margin
 * @returns the models and predictions
 * @throws the library's `RetentionError` when BG/NBD cannot be fitted
 * @example
 * ```ts
 * import { ledger } from '../index.ts';
 * import { fitModels } from './models.ts';
 * // 30 customers over six months; every third stops buying after its first weeks.
 * const orders = Array.from({ length: 30 }, (_, i) => Array.from({ length: 26 }, (_, k) => ({ i, k, d: ((i * 11) % 60) + k * (7 + (i % 5) * 9) }))).flat()
 *   .filter(({ i, d }) => d < (i % 3 === 0 ? ((i * 11) % 60) + 40 : 181))
 *   .map(({ i, k, d }) => ({ customerId: `c${i}`, date: new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), amount: String(10 + (i % 6) * 15 + (k % 3) * 4) }));
 * const models = fitModels({ book: ledger(orders), asOfDay: '2024-06-30' }, { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * models.scores.length; // => 30
 * models.spend === null; // => false
 * models.scores[0]?.pAlive; // => 0.018
 * ```
 */
export function fitModels(loaded: Pick<LoadedOrders, 'book' | 'asOfDay'>, settings: ModelSettings): FittedModels {
  const summary = rfmSummary(loaded.book, { calibrationEnd: loaded.asOfDay, unit: 'week' });
  const transactions = fitBgNbd(summary.compress());
  const horizon = settings.horizonWeeks;
  try {
    const spend = fitGammaGamma(summary.toSpendSummary());
    const scores = scoreCustomers(transactions, summary, { horizon, spendModel: spend });
    const clv = predictiveClv({
      transactionModel: transactions,
      spendModel: spend,
      summary,
      horizon,
      period: WEEKS_PER_MONTH,
      discountRate: settings.monthlyDiscountRate,
      margin: settings.margin,
    });
    return { settings, summary, transactions, spend, spendProblem: null, scores, clv };
  } catch (error) {
    // A spend model that cannot be fitted or used (q ≤ 1: an infinite mean spend) leaves the
    // purchase predictions standing.
    if (!isRetentionError(error)) throw error;
    const scores = scoreCustomers(transactions, summary, { horizon });
    return { settings, summary, transactions, spend: null, spendProblem: error.message, scores, clv: null };
  }
}
