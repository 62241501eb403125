/**
 * The options every chart takes, read once into a resolved form.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';

/**
 * Options every chart takes.
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { type ChartOptions, cohortHeatmap } from 'retention-metrics/charts';
 * const options: ChartOptions = { title: 'Retention of the spring cohorts', subtitle: '', width: 800 };
 * const table = Cohort.from([{ customerId: 'a', date: '2024-03-03', amount: 10 }]).table();
 * cohortHeatmap(table, options).includes('width="800"'); // => true
 * ```
 */
export interface ChartOptions {
  /** The chart's heading (default: a title that names what is shown); `''` for none. */
  title?: string;
  /** A line under the title (default: what the chart measures and its unit); `''` for none. */
  subtitle?: string;
  /** Width of the SVG in pixels, a whole number from 240 to 4000 (default 640). */
  width?: number;
}

/**
 * Options of the charts that show money.
 *
 * @example
 * ```ts
 * import { Cohort } from 'retention-metrics';
 * import { type MoneyChartOptions, ltvCurve } from 'retention-metrics/charts';
 * const options: MoneyChartOptions = { currency: 'JPY' };
 * const table = Cohort.from([{ customerId: 'a', date: '2024-03-03', amount: 1000 }]).table();
 * ltvCurve(table, options).includes('(JPY)'); // => true
 * ```
 */
export interface MoneyChartOptions extends ChartOptions {
  /**
   * ISO 4217 code of the amounts' currency (`'USD'`), shown in the axis label. The results these charts
   * read hold amounts without their currency; without this option the axis says "currency units".
   */
  currency?: string;
}

/** @internal {@link ChartOptions} checked, with defaults filled in (`null`: the chart's own default text). */
export interface ResolvedChartOptions {
  readonly title: string | null;
  readonly subtitle: string | null;
  readonly width: number;
}

/** @internal {@link MoneyChartOptions} checked. */
export interface ResolvedMoneyOptions extends ResolvedChartOptions {
  /** The currency code, or `null` when none was given. */
  readonly currency: string | null;
}

/** @internal The keys of {@link ChartOptions}. */
export const CHART_KEYS = optionKeys<ChartOptions>({ title: true, subtitle: true, width: true });

/** @internal The keys of {@link MoneyChartOptions}. */
export const MONEY_CHART_KEYS = optionKeys<MoneyChartOptions>({ title: true, subtitle: true, width: true, currency: true });

const MIN_WIDTH = 240;
const MAX_WIDTH = 4000;

/**
 * @internal Read the options every chart takes, after the caller's keys are checked against `known`.
 *
 * @param options - what the caller passed
 * @param known - every key the chart accepts (its own and {@link CHART_KEYS})
 * @returns the resolved options
 * @throws {@link InvalidOptionError} for an unknown key, a title or subtitle that is not a string, or a
 *   width that is not a whole number from 240 to 4000
 */
export function resolveChartOptions(options: ChartOptions | undefined, known: readonly string[] = CHART_KEYS): ResolvedChartOptions {
  const checked: ChartOptions = checkOptionKeys(options, known);
  return {
    title: textOption('title', checked.title),
    subtitle: textOption('subtitle', checked.subtitle),
    width: widthOption(checked.width),
  };
}

/**
 * @internal Read the options of a chart that shows money.
 *
 * @param options - what the caller passed
 * @param known - every key the chart accepts
 * @returns the resolved options
 * @throws {@link InvalidOptionError} as {@link resolveChartOptions}, or for a currency that is not a
 *   three-letter code
 */
export function resolveMoneyOptions(options: MoneyChartOptions | undefined, known: readonly string[] = MONEY_CHART_KEYS): ResolvedMoneyOptions {
  const base = resolveChartOptions(options, known);
  const currency: unknown = options?.currency;
  if (currency === undefined) return { ...base, currency: null };
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) {
    throw new InvalidOptionError('currency', currency, `${describeValue(currency)} is not an ISO 4217 code such as "USD"`);
  }
  return { ...base, currency: currency.toUpperCase() };
}

function textOption(name: string, value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new InvalidOptionError(name, value, `${describeValue(value)} is not a string`);
  return value;
}

function widthOption(value: unknown): number {
  if (value === undefined) return 640;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_WIDTH || value > MAX_WIDTH) {
    throw new InvalidOptionError('width', value, `${describeValue(value)} is not a whole number of pixels from ${MIN_WIDTH} to ${MAX_WIDTH}`);
  }
  return value;
}

/**
 * @internal A whole-number option within bounds, or its default.
 *
 * @param name - the option's name, for the error
 * @param value - what the caller passed
 * @param fallback - the default
 * @param min - the least value allowed
 * @param max - the greatest value allowed
 * @returns the value
 * @throws {@link InvalidOptionError} when it is not a whole number from `min` to `max`
 */
export function wholeOption(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidOptionError(name, value, `${describeValue(value)} is not a whole number from ${min} to ${max}`);
  }
  return value;
}
