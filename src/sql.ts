/**
 * The library's reports where the data lives: SQL for DuckDB, PostgreSQL and ClickHouse that reduces
 * the orders in the engine, and finishers that turn the engine's rows into the very result types of the
 * in-process path (`Summary`, `CohortTable`, the rows of `periodRetention` and `periodLifecycle`, the
 * `CustomerState` that `rfm`, `dormancy` and `historicalClv` read, and the `RfmSummary` the model fits
 * take).
 *
 * @module retention-metrics/sql
 */
// Public API of `retention-metrics/sql`. Exports only: no logic lives here.
export { summary, summaryFromRows } from './sql/summary.ts';
export type { SqlSummaryOptions, SummaryFromRowsOptions } from './sql/summary.ts';
export { cohortCells } from './sql/cohort-cells.ts';
export type { SqlCohortOptions } from './sql/cohort-cells.ts';
export { cohortTableFromCells } from './sql/cohort-table.ts';
export type { CohortFromCellsOptions } from './sql/cohort-table.ts';
export type { SqlCohortCalendar } from './sql/cohort-options.ts';
export { periodActivity } from './sql/period-activity.ts';
export type { SqlPeriodOptions } from './sql/period-activity.ts';
export { periodLifecycleFromRows, periodRetentionFromRows } from './sql/period-reports.ts';
export type { PeriodFromRowsOptions } from './sql/period-reports.ts';
export type { SqlPeriodCalendar } from './sql/period-options.ts';
export { customerStateFromRows, customerTotals } from './sql/customer-totals.ts';
export type { CustomerStateFromRowsOptions, SqlCustomerTotalsOptions, SqlStateCalendar } from './sql/customer-totals.ts';
export { modelSummary } from './sql/model-summary.ts';
export type { SqlModelCalendar, SqlModelSummaryOptions } from './sql/model-summary.ts';
export { rfmSummaryFromRows } from './sql/rfm-summary-rows.ts';
export type { RfmSummaryFromRowsOptions } from './sql/rfm-summary-rows.ts';
export { tierTotals } from './sql/tier-totals.ts';
export type { SqlLoyaltyProgram, SqlTierTotalsOptions } from './sql/tier-totals.ts';
export { loyaltyTiersFromRows } from './sql/tier-rows.ts';
export type { LoyaltyTiersFromRowsOptions } from './sql/tier-rows.ts';
export type { SqlColumns, SqlQuery, SqlSourceOptions } from './sql/source.ts';
export type { SqlBreakdownOptions, SqlCohortBreakdown } from './sql/segment-events.ts';
export type { Breakdown, Segment, SegmentRule } from './input/breakdown.ts';
export type { ResultRow } from './sql/result-values.ts';
export type { ArrowResultTable, QueryResult } from './sql/result-rows.ts';
export type { DialectName } from './sql/dialect.ts';
export type { Summary } from './metrics/summarize.ts';
export type { CohortTable } from './cohort/types.ts';
export type { PeriodRetentionRow } from './metrics/period-retention.ts';
export type { LifecycleRow } from './metrics/lifecycle.ts';
export type { CustomerState } from './input/customer-state-type.ts';
export type { RfmSummary } from './models/rfm-summary-types.ts';
export type { LoyaltyCustomer, LoyaltyReport, LoyaltyTierCount } from './segments/loyalty-tiers.ts';
// The classes of every error the functions above throw; the same classes as `retention-metrics` exports.
export { InvalidInputError, InvalidOptionError } from './errors.ts';
