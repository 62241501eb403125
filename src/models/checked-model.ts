/**
 * Models as the scoring, CLV and holdout functions use them: checked to be models, checked to be in
 * the time unit of the history they score, and checked on every value they return — so a model the
 * caller wrote (or a parameter corner where a formula fails) cannot put `NaN`, a negative count or a
 * probability above 1 into a score.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { describeEntry } from './columns.ts';
import { type ModelTimeUnit, unitDays, unitName } from './time-unit.ts';

/** What the scoring, CLV and holdout functions need of a transaction model (BG/NBD or Pareto/NBD). */
export interface TransactionModel {
  /** P(alive at T | x, tx, T). */
  pAlive(x: number, tx: number, T: number): number;
  /** E[X(t)] for a new customer. */
  expectedTransactions(t: number): number;
  /** E[Y(t) | x, tx, T]. */
  conditionalExpectedTransactions(t: number, x: number, tx: number, T: number): number;
  /**
   * The time unit of the model's rates (the library's models carry it); absent or `null` when not
   * known, and then histories are taken to be in the model's unit unchecked.
   */
  readonly unit?: ModelTimeUnit | null;
}

/** What the scoring and CLV functions need of a spend model (Gamma-Gamma). */
export interface SpendModel {
  /** E[Z | x, zbar]: expected value of a future transaction. */
  conditionalExpectedSpend(x: number, zbar: number): number;
}

const TRANSACTION_METHODS = ['pAlive', 'expectedTransactions', 'conditionalExpectedTransactions'] as const;

/** A transaction model whose answers are checked (see {@link checkedTransactionModel}). @internal */
export interface CheckedTransactionModel extends Required<Omit<TransactionModel, 'unit'>> {
  /** Days per unit of the model's rates, or `null` when the model does not say. */
  readonly unitDays: number | null;
}

/** How a model argument is used: its name, and the unit of the histories it will score. @internal */
export interface ModelArgument {
  /** How the argument is named in messages (`'model'`, `'transactionModel'`). */
  readonly name: string;
  /**
   * Days per unit of the histories to be scored, when known (a summary's `unitDays`): it must equal
   * the model's unit when the model has one.
   */
  readonly historyUnitDays?: number | undefined;
  /** How those histories are named in the message (default `'the summary'`). */
  readonly historyName?: string;
}

/**
 * A transaction model whose every answer is checked: probabilities in [0, 1], expectations finite and
 * ≥ 0.
 *
 * @param model - what the caller passed
 * @param argument - its name, and the unit of the histories it will score
 * @returns the checked model, with the model's unit in days (or `null`)
 * @throws {@link InvalidOptionError} for something that is not a transaction model, a bad `unit`, or
 *   histories in another unit than the model; the returned functions throw one (named
 *   `<name>.<method>`) for a value out of range
 * @internal
 */
export function checkedTransactionModel(model: unknown, argument: ModelArgument): CheckedTransactionModel {
  const { name, historyUnitDays, historyName = 'the summary' } = argument;
  if (typeof model !== 'object' || model === null) throw new InvalidOptionError(name, model, `${describeValue(model)} is not a transaction model (e.g. bgNbdModel(saved))`);
  for (const method of TRANSACTION_METHODS) {
    if (typeof (model as Record<string, unknown>)[method] !== 'function') {
      throw new InvalidOptionError(`${name}.${method}`, (model as Record<string, unknown>)[method], `is not a function: ${name} is not a transaction model`);
    }
  }
  const m = model as TransactionModel;
  const unit = m.unit;
  const days = unit === undefined || unit === null ? null : unitDays(unit, `${name}.unit`);
  if (days !== null && historyUnitDays !== undefined && historyUnitDays !== days) {
    throw new InvalidOptionError(
      `${name}.unit`,
      unit,
      `the model is in ${unitName(days)}, ${historyName} in ${unitName(historyUnitDays)}: scoring would mix the two (make the summary with the model's unit: rfmSummary(data, { unit }))`,
    );
  }
  const at = (x: number, tx: number, T: number): string => `x = ${x}, tx = ${tx}, T = ${T}`;
  // Each answer is tested inline; the names and arguments of a message are built only when it fails.
  return {
    unitDays: days,
    pAlive(x, tx, T) {
      const p = m.pAlive(x, tx, T);
      return isProbability(p) ? p : refuse(p, `${name}.pAlive`, at(x, tx, T), PROBABILITY);
    },
    expectedTransactions(t) {
      const e = m.expectedTransactions(t);
      return isCount(e) ? e : refuse(e, `${name}.expectedTransactions`, `t = ${t}`, COUNT);
    },
    conditionalExpectedTransactions(t, x, tx, T) {
      const e = m.conditionalExpectedTransactions(t, x, tx, T);
      return isCount(e) ? e : refuse(e, `${name}.conditionalExpectedTransactions`, `t = ${t}, ${at(x, tx, T)}`, COUNT);
    },
  };
}

/**
 * A spend model whose answers are checked to be finite and ≥ 0.
 *
 * @param model - what the caller passed
 * @param name - how the argument is named in messages
 * @returns the checked model
 * @throws {@link InvalidOptionError} for something that is not a spend model; the returned function
 *   throws one for a value out of range
 * @internal
 */
export function checkedSpendModel(model: unknown, name: string): SpendModel {
  if (typeof model !== 'object' || model === null) throw new InvalidOptionError(name, model, `${describeValue(model)} is not a spend model (e.g. gammaGammaModel(saved))`);
  const spend = model as SpendModel;
  if (typeof spend.conditionalExpectedSpend !== 'function') {
    throw new InvalidOptionError(`${name}.conditionalExpectedSpend`, spend.conditionalExpectedSpend, `is not a function: ${name} is not a spend model`);
  }
  return {
    conditionalExpectedSpend(x, zbar) {
      const z = spend.conditionalExpectedSpend(x, zbar);
      return isCount(z) ? z : refuse(z, `${name}.conditionalExpectedSpend`, `x = ${x}, zbar = ${zbar}`, COUNT);
    },
  };
}

const PROBABILITY = 'a probability must be a number in [0, 1]';
const COUNT = 'it must be a finite number ≥ 0';

function isProbability(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value < Number.POSITIVE_INFINITY;
}

function refuse(value: unknown, method: string, args: string, rule: string): never {
  throw new InvalidOptionError(method, value, `returned ${describeEntry(value)} for ${args}; ${rule}`);
}
