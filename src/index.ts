/**
 * Retention, churn, cohorts, RFM, lifetime value and buy-till-you-die models from orders and
 * subscriptions. The calendar periods are the `retention-metrics/calendar` entry.
 *
 * @module retention-metrics
 */
// Public API of retention-metrics. Exports only: no logic lives here.
export { Decimal } from './decimal.ts';
export {
  RetentionError,
  InvalidInputError,
  InvalidOptionError,
  isRetentionError,
  type InputField,
} from './errors.ts';
export type {
  CustomerId,
  DateInput,
  AmountInput,
  TransactionRecord,
  SkippedRecord,
  Ledger,
} from './input/types.ts';

// --- input (ledger) ---
export { ledger, isLedger, type LedgerOptions, type FieldMap, type LedgerInput } from './input/ledger.ts';
export type { LedgerColumns, ColumnOptions, TableOptions, FromColumnsOptions } from './input/columns.ts';
export type { TableFields } from './input/arrow-table.ts';
export type { ArrowTableLike, ArrowVectorLike, ArrowTypeLike, ArrowDataLike } from './input/arrow-vector.ts';
export type { LedgerBaseOptions, OnInvalid } from './input/options.ts';
export type { AmountRounding } from './input/money.ts';
export type { AttributeColumn, AttributeCodes } from './input/attribute-dictionary.ts';
export type { AttributeFields, AttributeColumnInput } from './input/event-attributes.ts';
export type { CustomerRow } from './input/customer-table.ts';
export type { Where } from './input/attribute-lookup.ts';
export { filterLedger } from './input/filter-ledger.ts';
export type { Breakdown, Segment, SegmentRule } from './input/breakdown.ts';
export { customerState, type CustomerStateOptions } from './input/customer-state.ts';
export { isCustomerState, type CustomerState } from './input/customer-state-type.ts';
export { mergeCustomerStates } from './input/merge-states.ts';

// --- metrics ---
export { summarize, type Summary } from './metrics/summarize.ts';
export { repeatCustomerRate, purchaseFrequency, averageOrderValue, repeatRevenueShare } from './metrics/order-metrics.ts';
export { retentionRate, churnRate, customerLifespan, type RetentionCounts } from './metrics/retention-rate.ts';
export { periodRetention, type PeriodRetentionOptions, type PeriodRetentionRow } from './metrics/period-retention.ts';
export { periodLifecycle, type LifecycleOptions, type LifecycleRow } from './metrics/lifecycle.ts';
export type { PeriodOptions } from './metrics/period-scan.ts';
export type { SummarizeOptions } from './metrics/summarize.ts';
export type { ReportScopeOptions } from './metrics/report-scope.ts';
export {
  periodRetentionMembers,
  periodLifecycleMembers,
  type PeriodRetentionMembersOptions,
  type LifecycleMembersOptions,
  type RetentionGroup,
  type LifecycleGroup,
} from './metrics/members.ts';
export {
  historicalClv,
  type HistoricalClv,
  type HistoricalClvOptions,
  type CustomerValue,
  type ValueDistribution,
} from './metrics/historical-clv.ts';
export { simpleClvFromData, type ClvFromData, type ClvFromDataOptions } from './metrics/clv-from-data.ts';
export type { TimeWindow, WindowOptions } from './metrics/window.ts';

// --- calendar: periods, keys and their types are the `retention-metrics/calendar` entry (src/calendar.ts) ---

// --- subscription revenue ---
export { subscriptionRevenue, isSubscriptionRevenue } from './subscriptions/subscription-revenue.ts';
export type { SubscriptionInterval, SubscriptionEvent, SubscriptionRevenue, SubscriptionRevenueOptions, RevenueInterval } from './subscriptions/revenue-types.ts';
export type { BillingInterval } from './subscriptions/billing-interval.ts';
export { mrrReport, type MrrReport, type MrrReportOptions, type MrrPeriod } from './subscriptions/mrr-report.ts';
export type { MrrMovement, MrrMovementType } from './subscriptions/mrr-movement.ts';
export { revenueRetention, type RevenueRetentionOptions, type RevenueRetentionRow } from './subscriptions/revenue-retention.ts';
export type { RevenueReportOptions, PlanBreakdownOptions } from './subscriptions/revenue-settings.ts';
export {
  revenueCohorts,
  type RevenueCohortOptions,
  type RevenueCohortTable,
  type RevenueCohortRow,
  type RevenueCohortCell,
  type RevenueCohortAverage,
} from './subscriptions/revenue-cohorts.ts';
export { subscriptionLtv, type SubscriptionLtvOptions, type SubscriptionLtvRow } from './subscriptions/subscription-ltv.ts';

// --- cohort ---
export { Cohort } from './cohort/builder.ts';
export {
  SubscriptionCohort,
  type SubscriptionRecord,
  type SubscriptionOptions,
  type SurvivalTable,
  type SurvivalCohort,
  type SurvivalCell,
} from './cohort/subscriptions.ts';
export type {
  CohortTable,
  CohortRow,
  CohortCell,
  AverageCell,
  CohortTableRow,
  CohortMode,
  Bracket,
  CustomerProfile,
  CohortSegmentOptions,
  CohortWhereOptions,
  CohortOf,
  ActiveWhen,
} from './cohort/types.ts';

// --- segments ---
export { rankScores } from './segments/rank-scores.ts';
export {
  type DormancySegment,
  type DormancyWindows,
  type FixedWindows,
  type AdaptiveWindows,
  type AliveWindows,
  type AliveInput,
  DORMANCY_SEGMENTS,
} from './segments/dormancy-windows.ts';
export {
  dormancy,
  type DormancyOptions,
  type DormancyCustomer,
  type DormancySegmentTotal,
  type DormancyReport,
  type DormancyColumns,
  type DormancyReportJson,
  type DormancyCustomerJson,
  type DormancyValueSummary,
  type DormancyValueSummaryJson,
} from './segments/dormancy.ts';
export { reactivationPotential, type ReactivationOptions, type ReactivationPotential } from './segments/reactivation.ts';
export {
  rfm,
  rfmGrid,
  type RfmOptions,
  type RfmMonetary,
  type RfmCustomer,
  type RfmSegmentSummary,
  type RfmReport,
  type RfmColumns,
  type RfmCuts,
  type RfmReportCuts,
  type RfmReportJson,
  type RfmCustomerJson,
  type RfmSegmentSummaryJson,
  type RfmValueSummary,
  type RfmValueSummaryJson,
} from './segments/rfm.ts';
export type { SummaryByValue, MembersOptions } from './segments/by-value.ts';
export { rfmSegmentMap, RFM_SEGMENTS, type RfmScores, type RfmSegmentMap, type RfmSegmentMapOptions, type RfmSegmentRule } from './segments/rfm-segments.ts';
export { RFM_SEGMENTS_SHOPIFY, RFM_SEGMENTS_PYMC } from './segments/rfm-presets.ts';
export type { LoyaltyTier, LoyaltyBasis, QualificationWindow, LoyaltyProgramOptions } from './segments/loyalty-options.ts';
export type { TierStatus } from './segments/tier-engine.ts';
export { loyaltyTiers, type LoyaltyTiersOptions, type LoyaltyCustomer, type LoyaltyTierCount, type LoyaltyReport, type LoyaltyValueSummary } from './segments/loyalty-tiers.ts';
export { tierFor, type TierForOptions, type HistoryEvent } from './segments/tier-for.ts';

// --- models ---
export { compressSummary, type FrequencySummary, type CompressedSummary } from './models/summary.ts';
export type { FitOptions, FitInfo } from './models/mle.ts';
export type { SavedModel, SavedTransactionModel, SavedTransactionInput, TransactionModelOptions, TransactionFitOptions } from './models/saved.ts';
export { fitBgNbd, bgNbdModel, type BgNbdParams, type BgNbdModel, type BgNbdFit } from './models/bg-nbd.ts';
export { fitParetoNbd, paretoNbdModel, type ParetoNbdParams, type ParetoNbdModel, type ParetoNbdFit } from './models/pareto-nbd.ts';
export { fitGammaGamma, gammaGammaModel, type GammaGammaParams, type GammaGammaModel, type GammaGammaFit, type GammaGammaOptions, type SpendSummary } from './models/gamma-gamma.ts';
export {
  fitShiftedBetaGeometric,
  shiftedBetaGeometricModel,
  type ShiftedBetaGeometricParams,
  type ShiftedBetaGeometricModel,
  type ShiftedBetaGeometricFit,
  type SurvivalObservations,
} from './models/shifted-beta-geometric.ts';
export { fitBgBb, bgBbModel, type BgBbParams, type BgBbModel, type BgBbFit, type OpportunitySummary } from './models/bg-bb.ts';
export type { ModelTimeUnit } from './models/time-unit.ts';
export { rfmSummary, type RfmSummary, type RfmSummaryOptions, type RfmSummaryJson } from './models/rfm-summary.ts';
export {
  scoreCustomer,
  scoreCustomers,
  pAliveScorer,
  pAliveInDays,
  type TransactionModel,
  type SpendModel,
  type CustomerHistory,
  type CustomerColumns,
  type CustomerScore,
  type CustomerScoreRow,
  type ScoreOptions,
  type PAliveScorerOptions,
} from './models/scoring.ts';
export { predictiveClv, type PredictiveClvBase, type PredictiveClvCustomer, type PredictiveClvReport } from './models/predictive-clv.ts';
export {
  evaluateHoldout,
  type HoldoutEvaluation,
  type HoldoutOptions,
  type HoldoutCustomer,
  type HoldoutFrequencyRow,
  type TrackingRow,
} from './models/holdout.ts';

// --- simulate ---
export {
  simpleClv,
  marginClv,
  type SimpleClvOptions,
  type MarginClvOptions,
  type MarginTiming,
} from './metrics/clv-formulas.ts';
export {
  simulateGrowth,
  type Acquisition,
  type CustomerRounding,
  type GrowthOptions,
  type GrowthPeriod,
  type GrowthResult,
} from './simulate/growth.ts';
export {
  compareGrowth,
  type GrowthScenario,
  type GrowthComparison,
  type GrowthComparisonPeriod,
} from './simulate/compare.ts';
export {
  retentionUplift,
  type RetentionUpliftOptions,
  type RetentionUpliftResult,
} from './simulate/uplift.ts';
export { steadyState, type SteadyStateOptions } from './simulate/steady-state.ts';
