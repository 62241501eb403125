/**
 * Several growth scenarios side by side, each compared with the first.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { InvalidOptionError } from '../errors.ts';
import { checkOptionKeys } from '../option-keys.ts';
import { GROWTH_KEYS, type GrowthOptions, type GrowthResult, type ResolvedGrowth, resolveGrowth, runGrowth } from './growth.ts';
import { Exact, ratio } from '../input/option-values.ts';

/** One scenario of {@link compareGrowth}: a name and the options that differ from the shared ones. */
export type GrowthScenario = Partial<GrowthOptions> & {
  /** Label of the scenario. Default `"scenario 1"`, `"scenario 2"`, … by position. */
  name?: string;
};

/** One period of a {@link GrowthComparison}; every array has one entry per scenario, in order. */
export interface GrowthComparisonPeriod {
  /** Period number, 1 for the first. */
  period: number;
  /** Customers at the end of the period. */
  customers: number[];
  /** customers ÷ the first scenario's customers (the first entry is 1); `null` where the first has 0. */
  customersRatio: (number | null)[];
  /** Cumulative profit to the end of the period. */
  cumulativeProfit: Decimal[];
  /** cumulativeProfit ÷ the first scenario's; `null` where the first's is 0. */
  cumulativeProfitRatio: (number | null)[];
  /** Cumulative present value of profit to the end of the period. */
  cumulativePresentValue: Decimal[];
  /** cumulativePresentValue ÷ the first scenario's; `null` where the first's is 0. */
  cumulativePresentValueRatio: (number | null)[];
}

/** Result of {@link compareGrowth}. */
export interface GrowthComparison {
  /** Scenario names, in input order. */
  names: string[];
  /** Each scenario's full simulation, in input order. */
  results: GrowthResult[];
  /** One row per period. */
  periods: GrowthComparisonPeriod[];
}

/**
 * Run several {@link simulateGrowth} scenarios over the same horizon and put them side by side: at
 * every period, each scenario's end customers, cumulative profit and cumulative present value, and
 * the ratio of each to the first scenario (the baseline). Each scenario's options are
 * `{ ...options, ...scenario }`: shared settings go in `options`, what differs in the scenario.
 *
 * A ratio is a plain quotient (scenario ÷ first), `null` when the first scenario's value is 0; with a
 * negative baseline profit the ratio's sign follows the quotient.
 *
 * @param scenarios - at least one scenario; the first is the baseline
 * @param options - options shared by all scenarios (any of {@link GrowthOptions})
 * @returns names, full results and the per-period comparison
 * @throws {@link InvalidOptionError} when `scenarios` is empty, a merged scenario is invalid (the
 *   option is named `scenarios[i].…`), or the scenarios do not all have the same `periods`
 *
 * @example
 * ```ts
 * import { compareGrowth } from 'retention-metrics';
 * const comparison = compareGrowth(
 *   [
 *     { name: 'loses 20 % a year', retentionRate: 0.8 },
 *     { name: 'loses 10 % a year', retentionRate: 0.9 },
 *   ],
 *   { customers: 1000, acquisition: { rate: 0.2 }, periods: 7 },
 * );
 * comparison.names; // => ['loses 20 % a year', 'loses 10 % a year']
 * comparison.periods[0]?.customers; // => [1000, 1100]
 * comparison.periods[6]?.customersRatio; // => [1, 1.9487171]
 * ```
 */
export function compareGrowth(scenarios: readonly GrowthScenario[], options: Partial<GrowthOptions> = {}): GrowthComparison {
  const comparison = resolveComparison(scenarios, options);
  const results = comparison.scenarios.map(runGrowth);
  const baseline = results[0];
  const periods = baseline.periods.map((base, t): GrowthComparisonPeriod => {
    // Every scenario has the baseline's number of periods (checked when resolving).
    const at = results.map((result) => result.periods[t]);
    return {
      period: base.period,
      customers: at.map((p) => p.end),
      customersRatio: at.map((p) => ratio(new Exact(p.end), new Exact(base.end))),
      cumulativeProfit: at.map((p) => p.cumulativeProfit),
      cumulativeProfitRatio: at.map((p) => ratio(p.cumulativeProfit, base.cumulativeProfit)),
      cumulativePresentValue: at.map((p) => p.cumulativePresentValue),
      cumulativePresentValueRatio: at.map((p) => ratio(p.cumulativePresentValue, base.cumulativePresentValue)),
    };
  });
  return { names: comparison.names, results, periods };
}

/** The checked inputs of {@link compareGrowth}: at least one scenario, all over the same number of periods. */
interface ResolvedComparison {
  readonly names: string[];
  readonly scenarios: ResolvedGrowth[];
}

/** Check the scenarios, each merged over the shared options, and name them. */
function resolveComparison(scenarios: readonly GrowthScenario[], options: Partial<GrowthOptions>): ResolvedComparison {
  if (!Array.isArray(scenarios) || scenarios.length === 0) {
    throw new InvalidOptionError('scenarios', scenarios, 'must be a non-empty array of scenarios');
  }
  checkOptionKeys(options, GROWTH_KEYS);
  const names: string[] = [];
  const resolved: ResolvedGrowth[] = [];
  scenarios.forEach((scenario: GrowthScenario, i) => {
    checkOptionKeys(scenario, [...GROWTH_KEYS, 'name'], `scenarios[${i}].`);
    const { name, ...overrides } = scenario;
    if (name !== undefined && typeof name !== 'string') {
      throw new InvalidOptionError(`scenarios[${i}].name`, name, 'must be a string');
    }
    const growth = resolveGrowth({ ...options, ...overrides } as GrowthOptions, `scenarios[${i}].`);
    if (i > 0 && growth.periods !== resolved[0].periods) {
      throw new InvalidOptionError(
        `scenarios[${i}].periods`,
        growth.periods,
        `is ${growth.periods} but the first scenario has ${resolved[0].periods}; compare over the same horizon`,
      );
    }
    names.push(name ?? `scenario ${i + 1}`);
    resolved.push(growth);
  });
  return { names, scenarios: resolved };
}
