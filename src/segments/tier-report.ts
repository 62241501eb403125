/**
 * A loyalty report from the customers' tier decisions: the counts per tier (and per value of the
 * `by` attribute) and `members`. `loyaltyTiers` decides tiers from a ledger's events, the SQL finisher
 * from an engine's window totals; both hand their decisions here.
 *
 * @module
 * @internal
 */
import { localDayStart } from '../calendar/zone.ts';
import type { CustomerId, Ledger } from '../input/types.ts';
import { type MembersOptions, type SummaryByValue, type ValueGroups, cellSums, classMembers } from './by-value.ts';
import { type Program, windowStarts } from './loyalty-options.ts';
import type { LoyaltyCustomer, LoyaltyReport, LoyaltyTierCount, LoyaltyValueSummary } from './loyalty-tiers.ts';
import { type TierStatus, toDecimal } from './tier-engine.ts';
import { unknownValueError } from './unknown-value.ts';

/** @internal The decisions a report is made of. */
export interface TierDecisions {
  readonly program: Program;
  readonly currencyDigits: number;
  readonly timeZone: string;
  /** The as-of instant and its local day; `null` for no events. */
  readonly asOf: { readonly ms: number; readonly day: number } | null;
  /** The customers' ids (`book.ids[accounts[i]]`), in ledger account order. */
  readonly book: Pick<Ledger, 'ids'>;
  readonly accounts: ArrayLike<number>;
  /** Customer i's status. */
  readonly statuses: readonly TierStatus[];
  /** The customers' values of the `by` attribute, or `null` without `by`. */
  readonly groups: ValueGroups | null;
}

/**
 * @internal The report of the decisions.
 *
 * @param decisions - every customer's status, in account order, and what the report states besides
 * @returns the report, with `members` not enumerable
 */
export function loyaltyReportOf(decisions: TierDecisions): LoyaltyReport {
  const { program, statuses, groups, book, accounts } = decisions;
  const tiers = program.names.length;
  const tierIndex = new Map(program.names.map((name, k) => [name, k]));
  // Each customer's tier index; `tiers` for a customer below the first.
  const tierOf = new Uint32Array(statuses.length);
  const counts = new Float64Array(tiers + 1);
  const customers: LoyaltyCustomer[] = statuses.map((status, i) => {
    const k = (status.tier === null ? undefined : tierIndex.get(status.tier)) ?? tiers;
    tierOf[i] = k;
    counts[k] += 1;
    return { id: book.ids[accounts[i]], ...status };
  });
  const tierCounts = (cells: Float64Array, at: number): LoyaltyTierCount[] =>
    program.names.map((tier, k) => ({ tier, threshold: toDecimal(program.thresholds[k], decisions), customers: cells[at + k] }));
  const from = decisions.asOf === null ? Number.NEGATIVE_INFINITY : windowStarts(program.window, decisions.asOf.day)[0];
  const report: Omit<LoyaltyReport, 'members'> = {
    asOf: decisions.asOf === null ? null : new Date(decisions.asOf.ms),
    basis: program.basis,
    windowStart: Number.isFinite(from) ? new Date(localDayStart(decisions.timeZone, from)) : null,
    customers,
    tiers: tierCounts(counts, 0),
    withoutTier: counts[tiers],
    ...(groups === null ? {} : { by: tiersByValue(groups, tierOf, tiers + 1, tierCounts) }),
  };
  const members = (tier: string | null, opts?: MembersOptions): CustomerId[] => {
    const k = tier === null ? tiers : program.names.indexOf(tier);
    if (k < 0) throw unknownValueError('tier', tier, 'tier', 'the program', [...program.names, null]);
    return classMembers(book, accounts, tierOf, k, groups, opts);
  };
  // Not enumerable: the report's fields stay its data.
  return Object.defineProperty(report, 'members', { value: members, enumerable: false }) as LoyaltyReport;
}

/** The tier counts of each value's customers, as the report decided their tiers (class `classes − 1`: no tier). */
function tiersByValue(
  groups: ValueGroups,
  tierOf: Uint32Array,
  classes: number,
  tierCounts: (cells: Float64Array, at: number) => LoyaltyTierCount[],
): SummaryByValue<LoyaltyValueSummary> {
  const cells = cellSums(groups, tierOf, classes);
  return {
    attribute: groups.attribute,
    values: groups.values.map((value, g) => ({ value, customers: groups.customers[g], tiers: tierCounts(cells, g * classes), withoutTier: cells[g * classes + classes - 1] })),
  };
}
