/**
 * The flags of the commands that fit the purchase and spend models (`--horizon`, `--discount-rate`,
 * `--margin`), and their settings.
 *
 * @module
 */
import { type Command, InvalidArgumentError } from 'commander';

/** What the model flags resolve to. */
export interface ModelSettings {
  /** Weeks ahead the predictions cover. */
  readonly horizonWeeks: number;
  /** Discount rate per month of the predictive CLV. */
  readonly monthlyDiscountRate: number;
  /** Share of revenue that is margin (1: the CLV is revenue). */
  readonly margin: number;
}

interface ModelFlags {
  horizon: number;
  discountRate: number;
  margin: number;
}

/**
 * A number flag's parser that accepts values in a range.
 *
 * @param what - how the value is named in the message
 * @param min - smallest value
 * @param max - largest value
 * @param integer - whether only whole numbers are allowed
 * @returns the parser (throws commander's `InvalidArgumentError`, a usage error)
 * @example
 * ```ts
 * import { numberIn } from './model-flags.ts';
 * numberIn('weeks', 1, 520, true)('52'); // => 52
 * ```
 */
export function numberIn(what: string, min: number, max: number, integer = false): (value: string) => number {
  return (value) => {
    const n = value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`"${value}" is not ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (${what}).`);
    }
    return n;
  };
}

/**
 * Adds the model flags to a command.
 *
 * @param command - the command
 * @returns the same command
 * @example
 * ```ts
 * import { Command } from 'commander';
 * import { withModelFlags } from './model-flags.ts';
 * withModelFlags(new Command('x')).parse(['--horizon', '26'], { from: 'user' }).opts(); // => { horizon: 26, discountRate: 0.01, margin: 1 }
 * ```
 */
export function withModelFlags(command: Command): Command {
  return command
    .option('--horizon <weeks>', 'weeks ahead the predictions cover', numberIn('weeks', 1, 520, true), 52)
    .option('--discount-rate <rate>', 'discount rate per month of the predictive CLV', numberIn('a rate per month', 0, 1), 0.01)
    .option('--margin <share>', 'share of revenue that is margin (1: the CLV is revenue)', numberIn('a share', 0, 1), 1);
}

/**
 * The settings of a command's model flags.
 *
 * @param command - the command after parsing
 * @returns the settings
 * @example
 * ```ts
 * import { Command } from 'commander';
 * import { modelSettings, withModelFlags } from './model-flags.ts';
 * const command = withModelFlags(new Command('x')).action(() => undefined);
 * command.parse(['--horizon', '26'], { from: 'user' });
 * modelSettings(command); // => { horizonWeeks: 26, monthlyDiscountRate: 0.01, margin: 1 }
 * ```
 */
export function modelSettings(command: Command): ModelSettings {
  const flags = command.opts<ModelFlags>();
  return { horizonWeeks: flags.horizon, monthlyDiscountRate: flags.discountRate, margin: flags.margin };
}
