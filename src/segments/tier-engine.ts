/**
 * The tier decision for one customer's events: qualifying amount per window, tier, next tier, date earned.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { Money } from '../input/exact.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { type Program, windowStarts } from './loyalty-options.ts';

/** One customer's tier as of a date. */
export interface TierStatus {
  /** The tier held: the highest reached in the current window (or kept from the previous); `null` below the first. */
  tier: string | null;
  /**
   * The qualifying amount in the current window: net spend in major units (never below 0), orders, or
   * points (never below 0).
   */
  amount: Decimal;
  /** The tier above the one held, or `null` at the top. */
  nextTier: string | null;
  /** What the current window's amount lacks to reach `nextTier`; `null` at the top. */
  missing: Decimal | null;
  /**
   * Instant of the event from which the qualifying amount stayed at or above the tier's threshold (in
   * the window the tier was earned in; the amount at an instant counts all of that instant's events,
   * whatever their order); `null` without a tier, or when a 0 threshold is met with no event.
   */
  earnedAt: Date | null;
  /** Whether the tier is kept from the previous qualification window (`keepPreviousTier`). */
  kept: boolean;
}

/**
 * One customer's events at or before the as-of instant: positions `from … to − 1` of `time` and
 * `minor`, sorted by instant (events at one instant in any order). @internal
 */
export interface EventRange {
  readonly time: ArrayLike<number>;
  readonly minor: ArrayLike<number>;
  readonly from: number;
  readonly to: number;
}

/** Everything the engine needs besides the events. @internal */
export interface TierContext {
  readonly program: Program;
  readonly asOfDay: number;
  readonly dayOf: (epochMs: number) => number;
  readonly currencyDigits: number;
}

/** One qualification window's result: the amount, the tier index it reaches (−1: none) and when. @internal */
export interface WindowResult {
  readonly amount: number;
  readonly tier: number;
  readonly earnedAt: number | null;
}

/** Contribution of one event to the qualifying amount. */
function contribution(program: Program, minor: number, digits: number): number {
  if (program.basis === 'spend') return minor;
  if (program.basis === 'orders') return minor >= 0 ? 1 : 0;
  // Points per event, rounded toward zero so a full refund takes back exactly what its order gave.
  const points = (minor * program.pointsPerUnit) / 10 ** digits;
  return Math.trunc(points + (points >= 0 ? 1e-9 : -1e-9));
}

/** Highest tier whose threshold is ≤ amount, or −1. */
function tierOf(thresholds: Float64Array, amount: number): number {
  let tier = -1;
  for (let k = 0; k < thresholds.length; k++) if (amount >= thresholds[k]) tier = k;
  return tier;
}

/** Qualify the events whose local day is in [fromDay, toDay]. */
function qualify(events: EventRange, fromDay: number, toDay: number, context: TierContext): WindowResult {
  const { time, minor, from, to } = events;
  const { program, dayOf, currencyDigits } = context;
  // First pass: the amount. Second pass: the instant from which the amount stayed above the tier's
  // threshold, judged after all the events of an instant, so that the order of events at one instant
  // (which no rule of the data fixes) never changes it.
  let running = 0;
  for (let p = from; p < to; p++) {
    const day = dayOf(time[p]);
    if (day < fromDay || day > toDay) continue;
    running += contribution(program, minor[p], currencyDigits);
  }
  const amount = Math.max(0, running);
  const tier = tierOf(program.thresholds, amount);
  if (tier < 0) return { amount, tier, earnedAt: null };
  const threshold = program.thresholds[tier];
  let earnedAt: number | null = null;
  running = 0;
  for (let p = from; p < to; p++) {
    const t = time[p];
    const day = dayOf(t);
    if (day < fromDay || day > toDay) continue;
    running += contribution(program, minor[p], currencyDigits);
    if (p + 1 < to && time[p + 1] === t) continue;
    if (running < threshold) earnedAt = null;
    else earnedAt ??= t;
  }
  return { amount, tier, earnedAt };
}

/**
 * A window's result from its totals, as `qualify` finds it from the events: `total` is the sum of the
 * contributions in the window (before the floor at 0), `reached[k]` the first instant of the window
 * from which the running total stayed at or above tier k's threshold (`null` for a window without
 * events). A threshold of 0 that the total is below (refunds) is reached by the floor, at no instant.
 *
 * @internal
 */
export function windowFromTotals(total: number, reached: readonly (number | null)[], program: Program): WindowResult {
  const amount = Math.max(0, total);
  const tier = tierOf(program.thresholds, amount);
  if (tier < 0 || total < program.thresholds[tier]) return { amount, tier, earnedAt: null };
  return { amount, tier, earnedAt: reached[tier] ?? null };
}

/**
 * Whether a program keeps the previous window's tier: `keepPreviousTier`, and a window with a previous one.
 *
 * @internal
 */
export function keepsPrevious(program: Program): boolean {
  return program.keepPreviousTier && program.window !== 'lifetime';
}

/**
 * The tier status of one customer from their events at or before the as-of instant.
 *
 * @internal
 */
export function tierStatus(events: EventRange, context: TierContext): TierStatus {
  const { program, asOfDay } = context;
  const [from, previousFrom] = windowStarts(program.window, asOfDay);
  const current = qualify(events, from, asOfDay, context);
  return statusOfWindows(current, keepsPrevious(program) ? qualify(events, previousFrom, from - 1, context) : null, context);
}

/**
 * The tier status from the current window's result and, with `keepPreviousTier`, the previous one's.
 *
 * @internal
 */
export function statusOfWindows(current: WindowResult, previous: WindowResult | null, context: { program: Program; currencyDigits: number }): TierStatus {
  const { program } = context;
  const kept = previous !== null && previous.tier > current.tier;
  const held = kept ? previous : current;
  const next = held.tier + 1 < program.names.length ? held.tier + 1 : -1;
  return {
    tier: held.tier < 0 ? null : program.names[held.tier],
    amount: toDecimal(current.amount, context),
    nextTier: next < 0 ? null : program.names[next],
    missing: next < 0 ? null : toDecimal(Math.max(0, program.thresholds[next] - current.amount), context),
    earnedAt: held.earnedAt === null ? null : new Date(held.earnedAt),
    kept,
  };
}

/**
 * An amount in internal units (minor units for spend) as a `Decimal`.
 *
 * @internal
 */
export function toDecimal(value: number, context: { program: Program; currencyDigits: number }): Decimal {
  return context.program.basis === 'spend' ? fromMinorUnits(value, context.currencyDigits) : new Money(value);
}
