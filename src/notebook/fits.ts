/**
 * The model fits of the notebook entry: the root entry's fits, displayed as the table of parameters
 * with their standard errors, the fit's information and the model's charts.
 *
 * @module
 */
import { type BgNbdFit, fitBgNbd as coreFitBgNbd } from '../models/bg-nbd.ts';
import { type GammaGammaFit, type SpendSummary, fitGammaGamma as coreFitGammaGamma } from '../models/gamma-gamma.ts';
import type { GammaGammaOptions } from '../models/fit-options.ts';
import { type ParetoNbdFit, fitParetoNbd as coreFitParetoNbd } from '../models/pareto-nbd.ts';
import type { TransactionFitOptions } from '../models/saved.ts';
import type { FrequencySummary } from '../models/summary.ts';
import { SECTIONS, bundleOf, fitBundle } from './bundles.ts';
import { type Displayed, withDisplay } from './displayed.ts';
import { PLAIN_MONEY } from './format.ts';

/**
 * `fitBgNbd` of the root entry, the fit displayed as its parameters (estimates and standard errors),
 * log-likelihood and iterations, with the P(alive) matrix and the frequency histogram of the summary
 * it was fitted to.
 *
 * @param summary - `{ x, tx, T, weight?, unitDays? }`, as for the root entry's `fitBgNbd`
 * @param options - as for the root entry's `fitBgNbd`
 * @returns the fit, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `fitBgNbd`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, fitBgNbd } from 'retention-metrics/notebook';
 * const fit = fitBgNbd({
 *   x: [0, 1, 2, 5, 3, 10, 1, 4],
 *   tx: [0, 5, 20, 35, 8, 37, 30, 12],
 *   T: [38, 38, 38, 38, 38, 38, 38, 38],
 *   weight: [60, 15, 8, 5, 5, 2, 5, 4],
 * });
 * fit.params.r; // => 0.247
 * fit[JUPYTER_DISPLAY]()['text/plain'].includes('Log-likelihood'); // => true
 * ```
 */
export function fitBgNbd(summary: FrequencySummary, options?: TransactionFitOptions): Displayed<BgNbdFit> {
  return withDisplay(coreFitBgNbd(summary, options), fitBundle(summary));
}

/**
 * `fitParetoNbd` of the root entry, the fit displayed as its parameters (estimates and standard
 * errors), log-likelihood and iterations, with the P(alive) matrix and the frequency histogram of the
 * summary it was fitted to.
 *
 * @param summary - `{ x, tx, T, weight?, unitDays? }`, as for the root entry's `fitParetoNbd`
 * @param options - as for the root entry's `fitParetoNbd`
 * @returns the fit, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `fitParetoNbd`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, fitParetoNbd } from 'retention-metrics/notebook';
 * const fit = fitParetoNbd({
 *   x: [0, 1, 2, 5, 3, 10, 1, 4],
 *   tx: [0, 5, 20, 35, 8, 37, 30, 12],
 *   T: [38, 38, 38, 38, 38, 38, 38, 38],
 *   weight: [60, 15, 8, 5, 5, 2, 5, 4],
 * });
 * fit.converged; // => true
 * fit[JUPYTER_DISPLAY]()['text/html'].includes('Pareto/NBD parameters'); // => true
 * ```
 */
export function fitParetoNbd(summary: FrequencySummary, options?: TransactionFitOptions): Displayed<ParetoNbdFit> {
  return withDisplay(coreFitParetoNbd(summary, options), fitBundle(summary));
}

/**
 * `fitGammaGamma` of the root entry, the fit displayed as its parameters (estimates and standard
 * errors), log-likelihood, iterations, the customers fitted and the frequency–spend correlation.
 *
 * @param summary - `{ x, zbar, weight? }`, as for the root entry's `fitGammaGamma`
 * @param options - as for the root entry's `fitGammaGamma`
 * @returns the fit, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `fitGammaGamma`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, fitGammaGamma } from 'retention-metrics/notebook';
 * const fit = fitGammaGamma({ x: [1, 3, 2, 5, 1, 2, 4, 1, 6, 2], zbar: [30, 12, 45, 22, 9, 70, 15, 25, 40, 18] });
 * fit.customers; // => 10
 * fit[JUPYTER_DISPLAY]()['text/plain'].includes('Customers fitted'); // => true
 * ```
 */
export function fitGammaGamma(summary: SpendSummary, options?: GammaGammaOptions): Displayed<GammaGammaFit> {
  return withDisplay(coreFitGammaGamma(summary, options), bundleOf(SECTIONS.model, PLAIN_MONEY));
}
