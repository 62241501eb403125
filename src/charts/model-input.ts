/**
 * The model charts' first argument: a model and the `rfmSummary` it describes, checked together.
 *
 * @module
 * @internal
 */
import { InvalidOptionError } from '../errors.ts';
import type { BgNbdModel } from '../models/bg-nbd.ts';
import { type CheckedTransactionModel, checkedTransactionModel } from '../models/checked-model.ts';
import type { ParetoNbdModel } from '../models/pareto-nbd.ts';
import type { RfmSummary } from '../models/rfm-summary.ts';

/**
 * A fitted (or saved) transaction model and the customers' summary it is compared with: the first
 * argument of `trackingPlot` and `frequencyHistogram`.
 *
 * @example
 * ```ts
 * import { bgNbdModel, rfmSummary } from 'retention-metrics';
 * import { type ModelAndSummary, frequencyHistogram } from 'retention-metrics/charts';
 * const summary = rfmSummary(
 *   [
 *     { customerId: 'a', date: '2024-01-01', amount: 5 },
 *     { customerId: 'a', date: '2024-01-20', amount: 5 },
 *     { customerId: 'b', date: '2024-01-05', amount: 5 },
 *   ],
 *   { calibrationEnd: '2024-02-29', unit: 'week' },
 * );
 * // A model fitted on a large sample (fitBgNbd on three customers has no maximum to find).
 * const model = bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: 'week' });
 * const input: ModelAndSummary = { model, summary };
 * frequencyHistogram(input).startsWith('<svg'); // => true
 * ```
 */
export interface ModelAndSummary {
  /** A BG/NBD or Pareto/NBD model, in the summary's time unit. */
  readonly model: BgNbdModel | ParetoNbdModel;
  /** The `rfmSummary` of the customers (the one the model was fitted on, usually). */
  readonly summary: RfmSummary;
}

/**
 * @internal Check a model and its summary: a transaction model in the summary's unit, a summary with
 * the columns the charts read.
 *
 * @param input - what the caller passed
 * @param name - how the argument is named in messages
 * @returns the checked model (answers checked to be in range) and the summary
 * @throws {@link InvalidOptionError} naming the argument, its `model` or its `summary`
 */
export function checkModelAndSummary(input: unknown, name: string): { checked: CheckedTransactionModel; model: BgNbdModel | ParetoNbdModel; summary: RfmSummary } {
  if (typeof input !== 'object' || input === null) throw new InvalidOptionError(name, input, 'must be { model, summary }: a fitted model and its rfmSummary');
  const { model, summary } = input as Partial<ModelAndSummary>;
  const columns = typeof summary === 'object' && summary !== null ? summary : null;
  if (columns === null || !(columns.x instanceof Uint32Array) || !(columns.T instanceof Float64Array) || !(columns.repeatByPeriod instanceof Float64Array) || typeof columns.unitDays !== 'number') {
    throw new InvalidOptionError(`${name}.summary`, summary, 'must be the result of rfmSummary()');
  }
  const checked = checkedTransactionModel(model, { name: `${name}.model`, historyUnitDays: columns.unitDays });
  return { checked, model: model as BgNbdModel | ParetoNbdModel, summary: columns };
}
