/**
 * The options of the functions that predict with a model — scoring, predictive CLV, holdout
 * evaluation and the P(alive) scorer — each checked and defaulted once, at the function's entry, into
 * a plain settings object the function runs with.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { discountOption, marginOption } from '../input/option-values.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { type CheckedTransactionModel, type SpendModel, type TransactionModel, checkedSpendModel, checkedTransactionModel } from './checked-model.ts';
import { type CustomerColumns, type CustomerHistory, checkColumns, readHistory } from './customer-columns.ts';
import { MAX_FREQUENCY_GROUPS } from './limits.ts';

/** Options of `scoreCustomer` and `scoreCustomers`. */
export interface ScoreOptions {
  /** Prediction horizon in the model's time unit (> 0). */
  horizon: number;
  /** Optional spend model for the value columns. */
  spendModel?: SpendModel;
}

/** {@link ScoreOptions} checked. @internal */
export interface ScoreSettings {
  /** The horizon, finite and > 0. */
  readonly horizon: number;
  /** The spend model with its answers checked, or `null` without one. */
  readonly spend: SpendModel | null;
}

const SCORE_KEYS = optionKeys<ScoreOptions>({ horizon: true, spendModel: true });

/**
 * Check the options of `scoreCustomer` and `scoreCustomers`.
 *
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, a horizon that is not finite and > 0, or a
 *   `spendModel` that is not a spend model
 * @internal
 */
export function resolveScoreOptions(options: ScoreOptions): ScoreSettings {
  const { horizon, spendModel } = checkOptionKeys(options, SCORE_KEYS);
  return { horizon: positiveUnits('horizon', horizon), spend: spendModel === undefined ? null : checkedSpendModel(spendModel, 'spendModel') };
}

/** Options shared by both forms of `predictiveClv`. */
export interface PredictiveClvBase {
  /** The purchase model (BG/NBD or Pareto/NBD), fitted in the summary's time unit. */
  transactionModel: TransactionModel;
  /** The spend model (Gamma-Gamma). */
  spendModel: SpendModel;
  /** Horizon in the model's time unit (e.g. 52 weeks). */
  horizon: number;
  /** Discount rate per discount period (e.g. 0.01 a month); 0 for no discounting. Must be > −1. */
  discountRate: number;
  /** Length of a discount period in model units (default 1; e.g. 52/12 for months on a weekly model). */
  period?: number;
  /** Share of revenue kept as profit (default 1: the result is revenue). */
  margin?: number;
}

/** Every option of `predictiveClv`: the base and one of `summary` or `customer`. @internal */
export type PredictiveClvOptions = PredictiveClvBase & { summary?: CustomerColumns; customer?: CustomerHistory };

/** {@link PredictiveClvOptions} checked: what `predictiveClv` runs with. @internal */
export interface ClvSettings {
  /** What is valued: one checked history, or checked columns and their number of rows. */
  readonly input: { readonly customer: Required<CustomerHistory> } | { readonly summary: CustomerColumns; readonly rows: number };
  /** The transaction model, its answers checked, in the summary's unit. */
  readonly model: CheckedTransactionModel;
  /** The spend model, its answers checked. */
  readonly spend: SpendModel;
  /** The horizon, finite and > 0. */
  readonly horizon: number;
  /** The discount period, finite and > 0. */
  readonly period: number;
  /** `(1 + d)^−k` for k = 1…K, K = ⌈horizon ÷ period⌉ discount periods (at most 1,000,000). */
  readonly discountFactors: Float64Array;
  /** Share of revenue kept, at most 1. */
  readonly margin: number;
}

const PREDICTIVE_CLV_KEYS = optionKeys<PredictiveClvOptions>({
  transactionModel: true,
  spendModel: true,
  horizon: true,
  discountRate: true,
  period: true,
  margin: true,
  summary: true,
  customer: true,
});

/** Most discount periods a horizon may hold: the factors are one array of that length. */
const MAX_DISCOUNT_PERIODS = 1_000_000;

/**
 * Check the options of `predictiveClv`: the history or columns first, then the horizon, the
 * discounting, the margin and the models.
 *
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option, both or neither of `summary` and
 *   `customer`, a bad history or columns, a bad horizon, period, discount rate or margin, more than
 *   1,000,000 discount periods, something that is not a model, or a summary in another unit than the
 *   transaction model
 * @internal
 */
export function resolveClvOptions(options: PredictiveClvOptions): ClvSettings {
  // Each option is read once: a getter could otherwise answer the check and the use differently.
  const { summary, customer, transactionModel, spendModel, horizon: horizonOption, period: periodOption, discountRate, margin: marginValue } = checkOptionKeys(
    options,
    PREDICTIVE_CLV_KEYS,
  );
  if (customer !== undefined && summary !== undefined) throw new InvalidOptionError('customer', customer, 'give a summary or a customer, not both');
  let input: ClvSettings['input'];
  if (customer !== undefined) input = { customer: readHistory(customer, 'customer', true) };
  else if (summary === undefined) throw new InvalidOptionError('summary', undefined, 'give a summary or a customer');
  else input = { summary, rows: checkColumns(summary, true) };
  const horizon = positiveUnits('horizon', horizonOption);
  const period = periodOption === undefined ? 1 : positiveUnits('period', periodOption);
  const d = discountOption('discountRate', discountRate);
  const margin = marginValue === undefined ? 1 : marginOption('margin', marginValue);
  // The last period may be shorter: a horizon a rounding error past a whole number of periods is not
  // one more period.
  const k = Math.ceil(horizon / period - 1e-9);
  if (k > MAX_DISCOUNT_PERIODS) throw new InvalidOptionError('period', period, `gives ${k} discount periods in the horizon (at most 1,000,000)`);
  const discountFactors = new Float64Array(k);
  for (let j = 0; j < k; j++) discountFactors[j] = Math.pow(1 + d, -(j + 1));
  const historyUnitDays = 'summary' in input ? input.summary.unitDays : undefined;
  const model = checkedTransactionModel(transactionModel, { name: 'transactionModel', historyUnitDays });
  return { input, model, spend: checkedSpendModel(spendModel, 'spendModel'), horizon, period, discountFactors, margin };
}

/** Options of `evaluateHoldout`. */
export interface HoldoutOptions {
  /** Last frequency group, which holds every x ≥ it: an integer in [1, 10,000] (default 7 → 0…6 and 7+). */
  maxFrequency?: number;
}

/** {@link HoldoutOptions} checked and defaulted. @internal */
export interface HoldoutSettings {
  /** Last frequency group, an integer in [1, 10,000]. */
  readonly maxFrequency: number;
}

const HOLDOUT_KEYS = optionKeys<HoldoutOptions>({ maxFrequency: true });

/**
 * Check and default the options of `evaluateHoldout`.
 *
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option or a `maxFrequency` not an integer in
 *   [1, 10,000]
 * @internal
 */
export function resolveHoldoutOptions(options: HoldoutOptions | undefined): HoldoutSettings {
  const maxFrequency = checkOptionKeys(options, HOLDOUT_KEYS).maxFrequency ?? 7;
  if (typeof maxFrequency !== 'number' || !Number.isSafeInteger(maxFrequency) || maxFrequency < 1 || maxFrequency > MAX_FREQUENCY_GROUPS) {
    throw new InvalidOptionError('maxFrequency', maxFrequency, `${describeValue(maxFrequency)} is not an integer in [1, ${MAX_FREQUENCY_GROUPS}]`);
  }
  return { maxFrequency };
}

/** Options of `pAliveScorer`. */
export interface PAliveScorerOptions {
  /** Probability returned for an id that is not in the summary (default: throw a `RetentionError`). */
  missing?: number;
}

/** {@link PAliveScorerOptions} checked. @internal */
export interface PAliveScorerSettings {
  /** The probability for an id not in the summary, in [0, 1]; `null` to throw. */
  readonly missing: number | null;
}

const SCORER_KEYS = optionKeys<PAliveScorerOptions>({ missing: true });

/**
 * Check the options of `pAliveScorer`.
 *
 * @param options - what the caller passed
 * @returns the settings
 * @throws {@link InvalidOptionError} for an unknown option or a `missing` not in [0, 1]
 * @internal
 */
export function resolvePAliveScorerOptions(options: PAliveScorerOptions | undefined): PAliveScorerSettings {
  const { missing } = checkOptionKeys(options, SCORER_KEYS);
  if (missing === undefined) return { missing: null };
  if (!(typeof missing === 'number' && missing >= 0 && missing <= 1)) throw new InvalidOptionError('missing', missing, `${describeValue(missing)} is not a probability`);
  return { missing };
}

/** A length of time in model units: finite and > 0. */
function positiveUnits(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidOptionError(name, value, `${describeValue(value)} is not a positive number of time units`);
  }
  return value;
}
