/**
 * The options of the model fits, each checked and defaulted once, at the fit's entry, into a plain
 * settings object the fit runs with.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { TransactionModelOptions } from './saved.ts';
import { type ModelTimeUnit, summaryUnitDays, unitDays, unitName, unitOfDays } from './time-unit.ts';

/** Options accepted by every `fit…` function. */
export interface FitOptions {
  /** Maximum BFGS iterations per start: an integer in [1, 10,000] (default 500). */
  readonly maxIterations?: number;
  /**
   * Gradient tolerance of the log-likelihood per unit of weight (per customer), relative to
   * `max(1, |log-likelihood| ÷ total weight)`: a number in (0, 0.1] (default 1e-8). Dividing by the
   * total weight makes the test the same whether the weights count customers or shares of them.
   */
  readonly tolerance?: number;
}

/** Options of `fitBgNbd` and `fitParetoNbd`: the fit options and the `unit` of the summary's times. */
export interface TransactionFitOptions extends FitOptions, TransactionModelOptions {}

/** Options of `fitGammaGamma`. */
export interface GammaGammaOptions extends FitOptions {
  /** Largest |Pearson correlation| between x and zbar that is accepted, in [0, 1] (default 0.3). */
  readonly maxCorrelation?: number;
  /** Fit even when the correlation is above `maxCorrelation` (default false). */
  readonly force?: boolean;
}

const FIT_OPTION_KEYS = optionKeys<FitOptions>({ maxIterations: true, tolerance: true });
const TRANSACTION_FIT_KEYS = optionKeys<TransactionFitOptions>({ maxIterations: true, tolerance: true, unit: true });
const GAMMA_GAMMA_KEYS = optionKeys<GammaGammaOptions>({ maxIterations: true, tolerance: true, maxCorrelation: true, force: true });

/** Most BFGS iterations a fit may be asked for. */
const MAX_ITERATIONS = 10_000;

/** {@link FitOptions} checked and defaulted: what the optimiser runs with. @internal */
export interface FitSettings {
  /** BFGS iterations per start, in [1, 10,000]. */
  readonly maxIterations: number;
  /** Gradient tolerance per unit of weight, in (0, 0.1]. */
  readonly gradientTolerance: number;
}

/** {@link TransactionFitOptions} checked and defaulted. @internal */
export interface TransactionFitSettings extends FitSettings {
  /** The unit the fitted model records: the summary's or the option's; `null` when neither says it. */
  readonly unit: ModelTimeUnit | null;
}

/** {@link GammaGammaOptions} checked and defaulted. @internal */
export interface GammaGammaSettings extends FitSettings {
  /** Largest accepted |correlation| between x and zbar, in [0, 1]. */
  readonly maxCorrelation: number;
  /** Whether to fit above `maxCorrelation`. */
  readonly force: boolean;
}

/**
 * Check and default the options of a fit that takes no others (`fitBgBb`, `fitShiftedBetaGeometric`).
 *
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown key, a bad `maxIterations` or `tolerance`
 * @internal
 */
export function resolveFitOptions(options: FitOptions | undefined): FitSettings {
  return fitSettings(checkOptionKeys(options, FIT_OPTION_KEYS));
}

/**
 * Check and default the options of a transaction fit (`fitBgNbd`, `fitParetoNbd`), and find the unit
 * the model records: the summary's `unitDays` (set by `rfmSummary`) or the `unit` option, which must
 * agree when both are given.
 *
 * @param summary - the fitted columns (only `unitDays` is read)
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown key, a bad `maxIterations`, `tolerance` or unit, or
 *   a `unit` that contradicts the summary's
 * @internal
 */
export function resolveTransactionFitOptions(summary: { readonly unitDays?: number }, options: TransactionFitOptions | undefined): TransactionFitSettings {
  const opts = checkOptionKeys(options, TRANSACTION_FIT_KEYS);
  const unit = fitUnit(summary, opts.unit);
  return { ...fitSettings(opts), unit };
}

/**
 * Check and default the options of `fitGammaGamma`.
 *
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown key, a bad `maxIterations` or `tolerance`, a
 *   `maxCorrelation` not in [0, 1], or a `force` that is not a boolean
 * @internal
 */
export function resolveGammaGammaOptions(options: GammaGammaOptions | undefined): GammaGammaSettings {
  const opts = checkOptionKeys(options, GAMMA_GAMMA_KEYS);
  const maxCorrelation = opts.maxCorrelation ?? 0.3;
  if (typeof maxCorrelation !== 'number' || !(maxCorrelation >= 0 && maxCorrelation <= 1)) {
    throw new InvalidOptionError('maxCorrelation', maxCorrelation, `${describeValue(maxCorrelation)} is not a number in [0, 1]`);
  }
  const force = opts.force ?? false;
  if (typeof force !== 'boolean') throw new InvalidOptionError('force', force, `${describeValue(force)} is not true or false`);
  return { ...fitSettings(opts), maxCorrelation, force };
}

/** The iteration limit and tolerance of options whose keys the caller has checked. */
function fitSettings(options: FitOptions): FitSettings {
  const maxIterations = options.maxIterations ?? 500;
  if (typeof maxIterations !== 'number' || !Number.isInteger(maxIterations) || maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
    throw new InvalidOptionError('maxIterations', maxIterations, `${describeValue(maxIterations)} is not a whole number in [1, ${MAX_ITERATIONS}]`);
  }
  const gradientTolerance = options.tolerance ?? 1e-8;
  if (typeof gradientTolerance !== 'number' || !(gradientTolerance > 0 && gradientTolerance <= 0.1)) {
    throw new InvalidOptionError('tolerance', gradientTolerance, `${describeValue(gradientTolerance)} is not a number in (0, 0.1]`);
  }
  return { maxIterations, gradientTolerance };
}

/** The unit a transaction fit records: the summary's `unitDays` or the `unit` option (they must agree). */
function fitUnit(summary: { readonly unitDays?: number }, unit: ModelTimeUnit | undefined): ModelTimeUnit | null {
  const fromSummary = typeof summary === 'object' && summary !== null ? summaryUnitDays(summary.unitDays) : undefined;
  const given = unit === undefined ? undefined : unitDays(unit, 'unit');
  if (fromSummary !== undefined) {
    if (given !== undefined && given !== fromSummary) throw new InvalidOptionError('unit', unit, `the summary is in ${unitName(fromSummary)}, not ${unitName(given)}`);
    return unitOfDays(fromSummary);
  }
  return given === undefined ? null : unitOfDays(given);
}
