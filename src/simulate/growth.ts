/**
 * Compound growth of a customer base: retention and acquisition period after period, with revenue,
 * costs, profit and present value.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import type { AmountInput } from '../input/types.ts';
import {
  Exact,
  countOption,
  discountOption,
  marginOption,
  moneyOption,
  periodsOption,
  rateOption,
  toCount,
  toMoney,
} from '../input/option-values.ts';

/**
 * How customers are acquired each period:
 * - `{ rate: a }`: a · N new customers, a share of the base N at the start of the period;
 * - `{ count: A }`: A new customers every period;
 * - an array: `counts[t − 1]` new customers in period t (exactly one entry per period).
 */
export type Acquisition = { readonly rate: number } | { readonly count: number } | readonly number[];

/**
 * Whether customer counts stay fractional (`'none'`, the default: a count is an expected number of
 * customers) or are rounded to whole customers each period: the retained and the acquired counts are
 * each rounded (`'halfUp'`: to the nearest, halves up; `'halfEven'`: to the nearest, halves to even;
 * `'down'`: towards zero); lost = start − retained and end = retained + acquired follow.
 */
export type CustomerRounding = 'none' | 'halfUp' | 'halfEven' | 'down';

/** Options of {@link simulateGrowth}. */
export interface GrowthOptions {
  /** Customers at the start, N₀ (finite, ≥ 0; a whole number when `rounding` is not `'none'`). */
  customers: number;
  /** Share of the customers at the start of a period still customers at its end, 0 ≤ r ≤ 1. */
  retentionRate: number;
  /** New customers per period; see {@link Acquisition}. */
  acquisition: Acquisition;
  /** Number of periods simulated (a positive integer, at most 10,000). */
  periods: number;
  /** Revenue per customer per period, money in major units (≥ 0). Default 0. */
  revenuePerCustomer?: AmountInput;
  /** Share of revenue kept as gross profit, at most 1. Default 1. */
  margin?: number;
  /** Cost of acquiring one new customer (≥ 0). Default 0. */
  acquisitionCost?: AmountInput;
  /** Cost of keeping one retained customer for a period (≥ 0). Default 0. */
  retentionCost?: AmountInput;
  /** Discount rate per period, > −1. Default 0 (present value = profit). */
  discountRate?: number;
  /** Customer rounding; see {@link CustomerRounding}. Default `'none'`. */
  rounding?: CustomerRounding;
}

/** One simulated period. Counts are numbers (possibly fractional); money is `Decimal`. */
export interface GrowthPeriod {
  /** Period number, 1 for the first simulated period. */
  period: number;
  /** Customers at the start of the period (the previous period's `end`, or N₀). */
  start: number;
  /** Customers kept: r · start. */
  retained: number;
  /** Customers lost: start − retained. */
  lost: number;
  /** New customers acquired during the period. */
  acquired: number;
  /** Customers at the end: retained + acquired. */
  end: number;
  /** revenuePerCustomer × end: every customer on the books at the end of the period pays for it. */
  revenue: Decimal;
  /** acquisitionCost × acquired. */
  acquisitionCost: Decimal;
  /** retentionCost × retained. */
  retentionCost: Decimal;
  /** revenue × margin − acquisitionCost − retentionCost. */
  profit: Decimal;
  /** Sum of `profit` over periods 1…this one. */
  cumulativeProfit: Decimal;
  /** profit ÷ (1 + d)^period: the period's cash flows fall at its end. */
  presentValue: Decimal;
  /** Sum of `presentValue` over periods 1…this one. */
  cumulativePresentValue: Decimal;
}

/** Result of {@link simulateGrowth}. */
export interface GrowthResult {
  /** Customers at the start, N₀. */
  startCustomers: number;
  /** Customers at the end of the last period. */
  endCustomers: number;
  /** endCustomers ÷ startCustomers, `null` when N₀ = 0. */
  growthFactor: number | null;
  /** One row per period, in order. */
  periods: GrowthPeriod[];
  /** Revenue over all periods. */
  totalRevenue: Decimal;
  /** Profit over all periods (the last row's `cumulativeProfit`). */
  totalProfit: Decimal;
  /** Present value of all periods' profit (the last row's `cumulativePresentValue`). */
  presentValue: Decimal;
}

/** @internal The keys of {@link GrowthOptions}. */
export const GROWTH_KEYS = optionKeys<GrowthOptions>({
  customers: true, retentionRate: true, acquisition: true, periods: true, revenuePerCustomer: true, margin: true,
  acquisitionCost: true, retentionCost: true, discountRate: true, rounding: true,
});

/** Most periods a simulation runs: each is a row of exact decimals, so the count bounds time and memory. */
export const MAX_SIMULATION_PERIODS = 10_000;

const ROUNDING: Readonly<Record<Exclude<CustomerRounding, 'none'>, Decimal.Rounding>> = {
  halfUp: Exact.ROUND_HALF_UP,
  halfEven: Exact.ROUND_HALF_EVEN,
  down: Exact.ROUND_DOWN,
};

/** @internal The checked, converted inputs of one simulation. */
export interface ResolvedGrowth {
  customers: Decimal;
  retentionRate: Decimal;
  acquisition: { kind: 'rate'; rate: Decimal } | { kind: 'counts'; counts: (t: number) => Decimal };
  periods: number;
  revenuePerCustomer: Decimal;
  margin: Decimal;
  acquisitionCost: Decimal;
  retentionCost: Decimal;
  discountRate: Decimal;
  rounding: Decimal.Rounding | undefined;
}

/**
 * @internal Check and convert growth options; option names in errors are prefixed with `prefix`
 * (e.g. `scenarios[1].`).
 */
export function resolveGrowth(options: GrowthOptions, prefix = ''): ResolvedGrowth {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError(prefix === '' ? 'options' : prefix.slice(0, -1), options, 'must be an object');
  }
  checkOptionKeys(options, GROWTH_KEYS, prefix);
  const name = (option: string): string => `${prefix}${option}`;
  const rounding = options.rounding ?? 'none';
  if (rounding !== 'none' && !Object.hasOwn(ROUNDING, rounding)) {
    throw new InvalidOptionError(name('rounding'), rounding, `${describeValue(rounding)} is not one of 'none', 'halfUp', 'halfEven', 'down'`);
  }
  const customers = countOption(name('customers'), options.customers);
  if (rounding !== 'none' && !Number.isInteger(customers)) {
    throw new InvalidOptionError(name('customers'), customers, `${customers} is not a whole number (required with rounding '${rounding}')`);
  }
  const periods = periodsOption(name('periods'), options.periods, MAX_SIMULATION_PERIODS);
  return {
    customers: new Exact(customers),
    retentionRate: new Exact(rateOption(name('retentionRate'), options.retentionRate)),
    acquisition: resolveAcquisition(options.acquisition, periods, name('acquisition')),
    periods,
    revenuePerCustomer: moneyOption(name('revenuePerCustomer'), options.revenuePerCustomer ?? 0),
    margin: new Exact(marginOption(name('margin'), options.margin ?? 1)),
    acquisitionCost: moneyOption(name('acquisitionCost'), options.acquisitionCost ?? 0),
    retentionCost: moneyOption(name('retentionCost'), options.retentionCost ?? 0),
    discountRate: new Exact(discountOption(name('discountRate'), options.discountRate ?? 0)),
    rounding: rounding === 'none' ? undefined : ROUNDING[rounding],
  };
}

const ACQUISITION_KEYS = ['rate', 'count'];

function resolveAcquisition(value: unknown, periods: number, option: string): ResolvedGrowth['acquisition'] {
  if (Array.isArray(value)) {
    if (value.length !== periods) {
      throw new InvalidOptionError(option, value, `has ${value.length} counts for ${periods} periods (give one per period)`);
    }
    const counts = value.map((count: unknown, i) => new Exact(countOption(`${option}[${i}]`, count)));
    // Exactly one count per period (checked above), so `t − 1` is in range for t = 1 … periods.
    return { kind: 'counts', counts: (t) => counts[t - 1] };
  }
  if (typeof value === 'object' && value !== null) {
    checkOptionKeys(value, ACQUISITION_KEYS, `${option}.`);
    const hasRate = Object.hasOwn(value, 'rate');
    const hasCount = Object.hasOwn(value, 'count');
    if (hasRate && !hasCount) {
      return { kind: 'rate', rate: new Exact(countOption(`${option}.rate`, (value as { rate: unknown }).rate)) };
    }
    if (hasCount && !hasRate) {
      const count = new Exact(countOption(`${option}.count`, (value as { count: unknown }).count));
      return { kind: 'counts', counts: () => count };
    }
  }
  throw new InvalidOptionError(option, value, 'must be { rate }, { count } or an array of counts, one per period');
}

/**
 * @internal Run a resolved simulation.
 */
export function runGrowth(input: ResolvedGrowth): GrowthResult {
  const rows: GrowthPeriod[] = [];
  const whole = (x: Decimal): Decimal => (input.rounding === undefined ? x : x.toDecimalPlaces(0, input.rounding));
  const growth = new Exact(1).plus(input.discountRate);
  let customers = input.customers;
  let cumulativeProfit = new Exact(0);
  let cumulativePv = new Exact(0);
  let totalRevenue = new Exact(0);
  let discount = new Exact(1);
  for (let period = 1; period <= input.periods; period++) {
    const start = customers;
    const retained = whole(start.times(input.retentionRate));
    const acquired = whole(input.acquisition.kind === 'rate' ? start.times(input.acquisition.rate) : input.acquisition.counts(period));
    const end = retained.plus(acquired);
    const revenue = end.times(input.revenuePerCustomer);
    const acquisitionCost = acquired.times(input.acquisitionCost);
    const retentionCost = retained.times(input.retentionCost);
    const profit = revenue.times(input.margin).minus(acquisitionCost).minus(retentionCost);
    discount = discount.times(growth);
    const presentValue = profit.dividedBy(discount);
    cumulativeProfit = cumulativeProfit.plus(profit);
    cumulativePv = cumulativePv.plus(presentValue);
    totalRevenue = totalRevenue.plus(revenue);
    rows.push({
      period,
      start: toCount(start),
      retained: toCount(retained),
      lost: toCount(start.minus(retained)),
      acquired: toCount(acquired),
      end: toCount(end),
      revenue: toMoney(revenue),
      acquisitionCost: toMoney(acquisitionCost),
      retentionCost: toMoney(retentionCost),
      profit: toMoney(profit),
      cumulativeProfit: toMoney(cumulativeProfit),
      presentValue: toMoney(presentValue),
      cumulativePresentValue: toMoney(cumulativePv),
    });
    customers = end;
  }
  return {
    startCustomers: toCount(input.customers),
    endCustomers: toCount(customers),
    growthFactor: input.customers.isZero() ? null : toCount(customers.dividedBy(input.customers)),
    periods: rows,
    totalRevenue: toMoney(totalRevenue),
    totalProfit: toMoney(cumulativeProfit),
    presentValue: toMoney(cumulativePv),
  };
}

/**
 * Simulate a customer base period by period. With N customers at the start of a period:
 * retained = r · N, lost = N − retained, acquired = a · N (`{ rate: a }`) or a fixed count
 * (`{ count: A }` or one entry of an array), and N' = retained + acquired.
 * So with a rate the base grows by the factor (r + a) each period: r = 0.9 and a = 0.2 grow 10 % a
 * period (1.1⁷ ≈ 1.9487 × after 7), while r = 0.8 and a = 0.2 stay flat.
 *
 * Customers are fractional by default (expected counts, no rounding); `rounding` rounds the
 * retained and acquired counts to whole customers each period (see {@link CustomerRounding}).
 *
 * Money, per period t: revenue = revenuePerCustomer × end (every customer on the books at the end of
 * the period, retained or new, pays for that period); profit = revenue × margin − acquisitionCost ×
 * acquired − retentionCost × retained; present value = profit ÷ (1 + d)^t, i.e. each period's cash
 * flows fall at its end, and period 0 (today) has none. With no acquisition and no costs, the
 * present value of N₀ customers equals N₀ × `marginClv({ margin: revenuePerCustomer × margin,
 * retentionRate, discountRate, periods, timing: 'end' })`. Money is computed exactly (40 significant
 * digits), returned as `Decimal` with 20 significant digits, and not rounded to cents.
 *
 * @param options - see {@link GrowthOptions}
 * @returns the per-period rows and totals; see {@link GrowthResult}
 * @throws {@link InvalidOptionError} for a negative or non-finite count, a rate outside [0, 1], an
 *   acquisition that is not `{ rate }`, `{ count }` or an array with one count per period, `periods`
 *   not a positive integer, a negative or non-finite amount, `margin` above 1, `discountRate` ≤ −1,
 *   an unknown `rounding`, or fractional `customers` with rounding
 *
 * @example
 * ```ts
 * import { simulateGrowth } from 'retention-metrics';
 * const growing = simulateGrowth({ customers: 1000, retentionRate: 0.9, acquisition: { rate: 0.2 }, periods: 7 });
 * const first = growing.periods[0];
 * [first?.start, first?.retained, first?.lost, first?.acquired, first?.end]; // => [1000, 900, 100, 200, 1100]
 * growing.growthFactor; // => 1.9487
 * simulateGrowth({ customers: 1000, retentionRate: 0.8, acquisition: { rate: 0.2 }, periods: 7 }).endCustomers; // => 1000
 *
 * const shop = simulateGrowth({
 *   customers: 100, retentionRate: 0.8, acquisition: { count: 30 }, periods: 2,
 *   revenuePerCustomer: 50, margin: 0.4, acquisitionCost: 35, discountRate: 0.1,
 * });
 * shop.periods.map((p) => p.end); // => [110, 118]
 * shop.periods[0]?.profit.toString(); // => '1150'
 * shop.totalProfit.toString(); // => '2460'
 * shop.presentValue.toFixed(2); // => '2128.10'
 * ```
 */
export function simulateGrowth(options: GrowthOptions): GrowthResult {
  return runGrowth(resolveGrowth(options));
}
