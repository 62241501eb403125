/**
 * The MIME bundle of each kind of result: its sections (tables) with its charts, rendered.
 *
 * @module
 * @internal
 */
import type { CohortTable } from '../cohort/types.ts';
import type { SurvivalTable } from '../cohort/subscriptions.ts';
import type { Breakdown } from '../input/breakdown.ts';
import type { LifecycleRow } from '../metrics/lifecycle.ts';
import type { PeriodRetentionRow } from '../metrics/period-retention.ts';
import type { Summary } from '../metrics/summarize.ts';
import type { FrequencySummary } from '../models/summary.ts';
import type { DormancyReport } from '../segments/dormancy-types.ts';
import type { RfmReport } from '../segments/rfm-types.ts';
import type { MrrReport } from '../subscriptions/mrr-report.ts';
import { CHARTS } from './chart-markup.ts';
import type { MimeBundle } from './displayed.ts';
import type { MoneyFormat } from './format.ts';
import { renderBundle } from './render.ts';
import type { Section } from './section.ts';
import { breakdownSections } from './views/breakdown.ts';
import { cohortSections, survivalSections } from './views/cohort.ts';
import { type ModelLike, modelSections } from './views/models.ts';
import { mrrSections } from './views/mrr.ts';
import { lifecycleSections, periodRetentionSections, summarySections } from './views/periods.ts';
import { dormancySections, rfmSections } from './views/segments.ts';

/** @internal The sections (tables and charts) of one kind of result, given how money is written. */
export type Sections<T> = (value: T, money: MoneyFormat) => Section[];

/** @internal The sections of each kind of result. */
export const SECTIONS = {
  cohort: ((table, money) => cohortSections(table, money, CHARTS.cohort(table, money))) satisfies Sections<CohortTable>,
  survival: ((table) => survivalSections(table, CHARTS.survival(table))) satisfies Sections<SurvivalTable>,
  summary: ((summary, money) => summarySections(summary, money)) satisfies Sections<Summary>,
  periodRetention: ((rows) => periodRetentionSections(rows, CHARTS.periodRetention(rows))) satisfies Sections<readonly PeriodRetentionRow[]>,
  lifecycle: ((rows, money) => lifecycleSections(rows, money, CHARTS.lifecycle(rows))) satisfies Sections<readonly LifecycleRow[]>,
  rfm: ((report, money) => rfmSections(report, money, CHARTS.rfm(report))) satisfies Sections<RfmReport>,
  dormancy: ((report, money) => dormancySections(report, money, CHARTS.dormancy(report, money))) satisfies Sections<DormancyReport>,
  mrr: ((report, money) => mrrSections(report, money, CHARTS.mrr(report, money))) satisfies Sections<MrrReport>,
  model: ((model) => modelSections(model, CHARTS.model(model, null))) satisfies Sections<ModelLike>,
};

/**
 * @internal The bundle of a result.
 *
 * @param sections - the sections of its kind
 * @param money - how money is written
 * @returns a function from the result to its bundle
 */
export function bundleOf<T>(sections: Sections<T>, money: MoneyFormat): (value: T) => MimeBundle {
  return (value) => renderBundle(sections(value, money));
}

/**
 * @internal The bundle of a result that may be a breakdown (a report asked with `by`).
 *
 * @param sections - the sections of one report
 * @param money - how money is written
 * @returns a function from the result (a report, or a breakdown of reports) to its bundle
 */
export function maybeBreakdownBundle<T>(sections: Sections<T>, money: MoneyFormat): (value: T | Breakdown<T>) => MimeBundle {
  return (value) => renderBundle(isBreakdown<T>(value) ? breakdownSections(value, (v) => sections(v, money)) : sections(value, money));
}

/**
 * @internal Whether a result is a breakdown: `{ by, rule, total, segments }`.
 *
 * @param value - a result
 * @returns `true` for a breakdown
 */
export function isBreakdown<T>(value: unknown): value is Breakdown<T> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Partial<Breakdown<unknown>>;
  return typeof v.by === 'string' && typeof v.rule === 'string' && 'total' in v && Array.isArray(v.segments);
}

/**
 * @internal The bundle of a fitted transaction model, with the charts that compare it with its data.
 *
 * @param summary - the summary it was fitted to
 * @returns a function from the fit to its bundle
 */
export function fitBundle(summary: FrequencySummary): (model: ModelLike) => MimeBundle {
  return (model) => renderBundle(modelSections(model, CHARTS.model(model, summary)));
}
