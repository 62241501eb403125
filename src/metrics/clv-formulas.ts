/**
 * Customer lifetime value from formulas: the simple (AOV × frequency × lifespan × margin) CLV and the
 * margin-based CLV of Gupta & Lehmann (retention rate, discount rate, finite or infinite horizon).
 * These take numbers, not data: compute AOV, frequency and retention with the order and retention
 * metrics first.
 *
 * Arithmetic runs on a private decimal.js configuration (40 significant digits, half-even), so the
 * caller's global `Decimal.set(...)` never changes a result; results are handed back as `Decimal`
 * rounded to 20 significant digits and are never rounded to cents.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import {
  Exact,
  countOption,
  discountOption,
  marginOption,
  moneyOption,
  rateOption,
  signedMoneyOption,
  toMoney,
} from '../input/option-values.ts';
import type { AmountInput } from '../input/types.ts';

/** Options of {@link simpleClv}. */
export interface SimpleClvOptions {
  /** Average order value, money in major units (≥ 0). */
  averageOrderValue: AmountInput;
  /** Orders per customer per period (≥ 0), e.g. orders per year. */
  purchaseFrequency: number;
  /** Expected customer lifespan in the same periods (≥ 0, finite), e.g. `1 / churnRate`. */
  lifespan: number;
  /** Share of revenue kept as profit, at most 1 (negative when goods sell below cost). Default 1: revenue CLV. */
  margin?: number;
}

const SIMPLE_CLV_KEYS = optionKeys<SimpleClvOptions>({ averageOrderValue: true, purchaseFrequency: true, lifespan: true, margin: true });

/**
 * Simple customer lifetime value: AOV × purchases per period × lifespan (periods) × margin.
 *
 * Undiscounted; the unit is money per customer. `purchaseFrequency` and `lifespan` must use the same
 * period (orders per year and lifespan in years). With `margin` omitted the result is lifetime revenue.
 *
 * @param options - `averageOrderValue`, `purchaseFrequency`, `lifespan`, optional `margin`
 * @returns the lifetime value per customer, a `Decimal` (not rounded to cents)
 * @throws {@link InvalidOptionError} when an amount is not finite, the frequency or lifespan is
 *   negative or not finite (a churn of 0 gives an infinite lifespan), or `margin` is above 1
 *
 * @example
 * ```ts
 * import { simpleClv } from 'retention-metrics';
 * // $50 orders, 4 orders a year, 3-year lifespan, 30 % margin
 * simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 0.3 }).toString(); // => '180'
 * simpleClv({ averageOrderValue: '19.99', purchaseFrequency: 2, lifespan: 1 / 0.25 }).toFixed(2); // => '159.92'
 * ```
 */
export function simpleClv(options: SimpleClvOptions): Decimal {
  checkOptionKeys(options, SIMPLE_CLV_KEYS);
  const aov = moneyOption('averageOrderValue', options.averageOrderValue);
  const frequency = countOption('purchaseFrequency', options.purchaseFrequency);
  const lifespan = countOption('lifespan', options.lifespan);
  const margin = marginOption('margin', options.margin ?? 1);
  return toMoney(aov.times(frequency).times(lifespan).times(margin));
}

/**
 * When a period's margin arrives: `'end'` of each period (the margin of the period the customer is
 * acquired in is not counted) or `'start'` (the first margin is received at once, now).
 */
export type MarginTiming = 'end' | 'start';

/** Options of {@link marginClv}. */
export interface MarginClvOptions {
  /** Margin per customer per period, money in major units (finite; may be negative). */
  margin: AmountInput;
  /** Share of customers kept from one period to the next, 0 ≤ r ≤ 1. */
  retentionRate: number;
  /** Discount rate per period, d > −1 (0 for no discounting). */
  discountRate: number;
  /** Number of margins counted (a positive integer). Omit for an infinite horizon. */
  periods?: number;
  /** `'end'` (default) or `'start'`; see {@link MarginTiming}. */
  timing?: MarginTiming;
}

const MARGIN_CLV_KEYS = optionKeys<MarginClvOptions>({ margin: true, retentionRate: true, discountRate: true, periods: true, timing: true });

/**
 * Margin-based customer lifetime value (Gupta & Lehmann 2003) from a constant margin `m` per period,
 * retention rate `r` and discount rate `d`. With q = r ÷ (1 + d):
 *
 * | timing  | infinite horizon          | `periods` = T                          |
 * |---------|---------------------------|----------------------------------------|
 * | `'end'` | m · r ÷ (1 + d − r)       | Σ_{t=1}^{T} m · r^t ÷ (1+d)^t          |
 * | `'start'` | m · (1 + d) ÷ (1 + d − r) | Σ_{t=0}^{T−1} m · r^t ÷ (1+d)^t      |
 *
 * `'end'` (default): margins arrive at the end of each period the customer survives; the margin of the
 * current period (t = 0) is **not** counted, the first one counted is that of period 1, kept with
 * probability r and discounted once. `'start'`: margins arrive at the start of each period; the current
 * period's margin is counted at once, undiscounted (t = 0), so `'start'` = m + `'end'` for an infinite
 * horizon, and for T periods `'end'` = q × `'start'`. Each finite sum rises towards its infinite value as
 * T grows (when m > 0, r > 0 and r < 1 + d). Finite sums are evaluated in closed form
 * (m · (1 − q^T) ÷ (1 − q), or m · T when q = 1).
 *
 * @param options - `margin`, `retentionRate`, `discountRate`, optional `periods` and `timing`
 * @returns the expected discounted margin of one customer, a `Decimal` (not rounded to cents)
 * @throws {@link InvalidOptionError} when `margin` is not a finite amount, `retentionRate` is outside
 *   [0, 1], `discountRate` ≤ −1 or not finite, `periods` is not a positive integer, `timing` is not
 *   `'end'` or `'start'`, or (infinite horizon only) r ≥ 1 + d, where the sum diverges
 *
 * @example
 * ```ts
 * import { marginClv } from 'retention-metrics';
 * marginClv({ margin: 100, retentionRate: 0.9, discountRate: 0.1 }).toString(); // => '450'
 * marginClv({ margin: 100, retentionRate: 0.9, discountRate: 0.1, timing: 'start' }).toString(); // => '550'
 * marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 2, timing: 'start' }).toFixed(2); // => '172.73'
 * marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 2 }).toFixed(2); // => '125.62'
 * ```
 */
export function marginClv(options: MarginClvOptions): Decimal {
  checkOptionKeys(options, MARGIN_CLV_KEYS);
  const m = signedMoneyOption('margin', options.margin);
  const r = new Exact(rateOption('retentionRate', options.retentionRate));
  const onePlusD = new Exact(discountOption('discountRate', options.discountRate)).plus(1);
  const timing = options.timing ?? 'end';
  if (timing !== 'end' && timing !== 'start') {
    throw new InvalidOptionError('timing', timing, `${describeValue(timing)} is not 'end' or 'start'`);
  }
  const denominator = onePlusD.minus(r);
  if (options.periods === undefined) {
    if (!denominator.isPositive() || denominator.isZero()) {
      throw new InvalidOptionError(
        'retentionRate',
        options.retentionRate,
        `${options.retentionRate} must be below 1 + discountRate (${onePlusD.toString()}) for an infinite horizon; pass \`periods\` for a finite one`,
      );
    }
    return toMoney(m.times(timing === 'end' ? r : onePlusD).dividedBy(denominator));
  }
  const periods = options.periods;
  if (typeof periods !== 'number' || !Number.isSafeInteger(periods) || periods < 1) {
    throw new InvalidOptionError('periods', periods, `${describeValue(periods)} is not a positive integer (omit it for an infinite horizon)`);
  }
  const q = r.dividedBy(onePlusD);
  // Σ_{t=0}^{T−1} q^t
  const series = q.equals(1) ? new Exact(periods) : new Exact(1).minus(q.pow(periods)).dividedBy(new Exact(1).minus(q));
  const start = m.times(series);
  return toMoney(timing === 'start' ? start : start.times(q));
}
