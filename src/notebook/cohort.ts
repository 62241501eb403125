/**
 * The `Cohort` builder of the notebook entry: the root entry's builder, every step the same, its tables
 * (`.table()`, `.breakdown()`, and a subscription cohort's `.table()`) with a notebook display.
 *
 * @module
 */
import { Cohort as CoreCohort } from '../cohort/builder.ts';
import { SubscriptionCohort as CoreSubscriptionCohort, type SubscriptionOptions, type SubscriptionRecord, type SurvivalTable } from '../cohort/subscriptions.ts';
import type { CohortTable } from '../cohort/types.ts';
import type { Breakdown } from '../input/breakdown.ts';
import type { LedgerInput } from '../input/ledger.ts';
import type { LedgerBaseOptions } from '../input/options.ts';
import { SECTIONS, bundleOf, maybeBreakdownBundle } from './bundles.ts';
import { type Displayed, withDisplay } from './displayed.ts';
import { type MoneyFormat, PLAIN_MONEY } from './format.ts';
import { moneyFormatOf } from './money.ts';

/** A builder's steps (every method but its results), each returning the notebook builder `Next`. */
type Steps<Builder, Next, Results extends string> = {
  [K in Exclude<keyof Builder, Results>]: Builder[K] extends (...args: infer A) => Builder ? (...args: A) => Next : Builder[K];
};

/**
 * The notebook entry's cohort builder: the root entry's `Cohort` step for step (see its documentation),
 * its tables with a notebook display: retention rates by cohort and offset with the heatmap, and the
 * cumulative net revenue per customer with the LTV curve.
 */
export interface Cohort extends Steps<CoreCohort, Cohort, 'table' | 'breakdown'> {
  /** The cohort table, as the root entry's `.table()`, with a notebook display. */
  table(): Displayed<CohortTable>;
  /** The breakdown by the `segmentBy` attribute, as the root entry's `.breakdown()`, with a notebook display. */
  breakdown(): Displayed<Breakdown<CohortTable>>;
}

/** The notebook entry's subscription-survival builder: the root entry's step for step, its table displayed. */
export interface SubscriptionCohort extends Steps<CoreSubscriptionCohort, SubscriptionCohort, 'table'> {
  /** The survival table, as the root entry's `.table()`, with a notebook display. */
  table(): Displayed<SurvivalTable>;
}

/**
 * A builder whose steps return builders of the same kind, wrapped, and whose results named in
 * `results` get a display. The steps run on the root entry's builder itself (its private fields are
 * read with it as `this`).
 */
function notebookBuilder<B extends object>(builder: B, results: Readonly<Record<string, (value: object) => object>>): object {
  return new Proxy(builder, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const out: unknown = Reflect.apply(value as (...a: unknown[]) => unknown, target, args);
        const display = typeof key === 'string' ? results[key] : undefined;
        if (display !== undefined && out !== null && typeof out === 'object') return display(out);
        if (out instanceof CoreCohort || out instanceof CoreSubscriptionCohort) return notebookBuilder(out, results);
        return out;
      };
    },
  });
}

function cohortResults(money: MoneyFormat): Readonly<Record<string, (value: object) => object>> {
  const bundle = maybeBreakdownBundle(SECTIONS.cohort, money);
  return {
    table: (table) => withDisplay(table as CohortTable, bundle),
    breakdown: (split) => withDisplay(split as Breakdown<CohortTable>, bundle),
  };
}

const SURVIVAL_RESULTS: Readonly<Record<string, (value: object) => object>> = {
  table: (table) => withDisplay(table as SurvivalTable, bundleOf(SECTIONS.survival, PLAIN_MONEY)),
};

/**
 * Start a cohort analysis for a notebook: as the root entry's `Cohort.from` and `Cohort.fromSubscriptions`,
 * with builders whose tables display themselves.
 *
 * @example
 * ```ts
 * import { Cohort, JUPYTER_DISPLAY } from 'retention-metrics/notebook';
 * const orders = [
 *   { customerId: 'a', date: '2024-01-03', amount: 10 },
 *   { customerId: 'b', date: '2024-01-09', amount: 20 },
 *   { customerId: 'a', date: '2024-02-11', amount: 15 },
 * ];
 * const table = Cohort.from(orders).by('month').asOf('2024-02-29T23:59:59Z').table();
 * table.cohorts[0]?.cells.map((cell) => cell.rate); // => [1, 0.5]
 * table[JUPYTER_DISPLAY]()['text/plain'].includes('50.0%'); // => true
 * ```
 */
export const Cohort = {
  /**
   * Start a cohort analysis of a ledger or records (see the root entry's `Cohort.from`).
   *
   * @param data - a ledger, or records read with `options`
   * @param options - ledger options for raw records
   * @returns the builder, its tables with a notebook display
   * @throws as the root entry's `Cohort.from`
   */
  from(data: LedgerInput, options?: LedgerBaseOptions): Cohort {
    return notebookBuilder(CoreCohort.from(data, options), cohortResults(moneyFormatOf(data, options))) as Cohort;
  },
  /**
   * Start a subscription-survival analysis (see the root entry's `Cohort.fromSubscriptions`).
   *
   * @param subscriptions - an array or iterable of subscriptions
   * @param options - `timeZone`, `onInvalid`
   * @returns the builder, its survival table with a notebook display
   * @throws as the root entry's `Cohort.fromSubscriptions`
   */
  fromSubscriptions(subscriptions: Iterable<SubscriptionRecord>, options?: SubscriptionOptions): SubscriptionCohort {
    return notebookBuilder(CoreCohort.fromSubscriptions(subscriptions, options), SURVIVAL_RESULTS) as SubscriptionCohort;
  },
};
