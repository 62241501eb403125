/**
 * The display of an MRR report: MRR and its movements per period.
 *
 * @module
 * @internal
 */
import type { MrrReport } from '../../subscriptions/mrr-report.ts';
import { type MoneyFormat, formatCount, formatInstant, formatMoney, formatNumber } from '../format.ts';
import { type Section, chartsOf, numberCell, textCell } from '../section.ts';

/**
 * @internal The section of an MRR report.
 *
 * @param report - the report
 * @param money - how MRR is written
 * @param chart - the MRR movements chart (SVG markup), when available
 * @returns one row per period: opening MRR, the movements, MRR, paying customers, quick ratio
 */
export function mrrSections(report: MrrReport, money: MoneyFormat, chart?: string): Section[] {
  const columns = ['Period', 'Opening MRR', 'New', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net new', 'MRR', 'Customers', 'Quick ratio'];
  const rows = report.periods.map((p) => [
    textCell(p.complete ? p.period : `${p.period}*`),
    ...[p.openingMrr, p.newMrr, p.expansionMrr, p.contractionMrr.negated(), p.churnMrr.negated(), p.reactivationMrr, p.netNewMrr, p.mrr].map((d) =>
      numberCell(formatMoney(d, money)),
    ),
    numberCell(formatCount(p.customers)),
    numberCell(formatNumber(p.quickRatio)),
  ]);
  const note = `monthly recurring revenue by ${report.period}, as of ${formatInstant(report.asOf)}; contraction and churn as losses; * period not over yet`;
  return [{ title: 'MRR movements', note, columns, rows, charts: chartsOf(chart) }];
}
