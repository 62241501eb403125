/**
 * The display of the headline numbers (`summarize`) and of the per-period reports (`periodRetention`,
 * `periodLifecycle`).
 *
 * @module
 * @internal
 */
import type { LifecycleRow } from '../../metrics/lifecycle.ts';
import type { PeriodRetentionRow } from '../../metrics/period-retention.ts';
import type { Summary } from '../../metrics/summarize.ts';
import { type MoneyFormat, formatCount, formatInstant, formatMoney, formatNumber, formatRate } from '../format.ts';
import { type Cell, type Section, chartsOf, numberCell, textCell } from '../section.ts';

/**
 * @internal The section of a summary: one row per headline number.
 *
 * @param summary - the summary
 * @param money - how money is written
 * @returns a two-column table, metric and value
 */
export function summarySections(summary: Summary, money: MoneyFormat): Section[] {
  const rows: [string, string][] = [
    ['Customers', formatCount(summary.customers)],
    ['Orders', formatCount(summary.orders)],
    ['Zero-value orders', formatCount(summary.zeroValueOrders)],
    ['Refunds', formatCount(summary.refunds)],
    ['Refund amount', formatMoney(summary.refundAmount, money)],
    ['Gross revenue', formatMoney(summary.grossRevenue, money)],
    ['Net revenue', formatMoney(summary.netRevenue, money)],
    ['Average order value', formatMoney(summary.averageOrderValue, money)],
    ['Purchase frequency', formatNumber(summary.purchaseFrequency)],
    ['Repeat customers', formatCount(summary.repeatCustomers)],
    ['Repeat-customer rate', formatRate(summary.repeatCustomerRate)],
    ['Repeat revenue', formatMoney(summary.repeatRevenue, money)],
    ['Repeat-revenue share', formatRate(summary.repeatRevenueShare)],
    ['First order', formatInstant(summary.firstOrder)],
    ['Last order', formatInstant(summary.lastOrder)],
  ];
  return [{ title: 'Summary', columns: ['Metric', 'Value'], rows: rows.map(([name, value]) => [textCell(name), numberCell(value)]), charts: [] }];
}

/** The period column: its key, marked when the period has not ended as of the report. */
function periodCell(row: { period: string; complete: boolean }): Cell {
  return textCell(row.complete ? row.period : `${row.period}*`);
}

const OPEN_PERIOD = '* period not over yet';

/**
 * @internal The section of a period-retention report.
 *
 * @param rows - the report's rows
 * @param chart - its chart (SVG markup), when one applies
 * @returns one row per period: base at start and end, acquired, reactivated, retained, lost, rates
 */
export function periodRetentionSections(rows: readonly PeriodRetentionRow[], chart?: string): Section[] {
  const columns = ['Period', 'Start', 'End', 'Acquired', 'Reactivated', 'Retained', 'Lost', 'Retention rate', 'Churn rate'];
  const body = rows.map((r) => [
    periodCell(r),
    ...[r.startCustomers, r.endCustomers, r.acquired, r.reactivated, r.retained, r.lost].map((n) => numberCell(formatCount(n))),
    numberCell(formatRate(r.retentionRate)),
    numberCell(formatRate(r.churnRate)),
  ]);
  const note = `customers in the base at each period's start and end; ${OPEN_PERIOD}`;
  return [{ title: 'Period retention', note, columns, rows: body, charts: chartsOf(chart) }];
}

/**
 * @internal The section of a lifecycle report.
 *
 * @param rows - the report's rows
 * @param money - how revenue is written
 * @param chart - the lifecycle chart (SVG markup), when available
 * @returns one row per period: active, new, returning, resurrected, dormant, quick ratio, revenue by state
 */
export function lifecycleSections(rows: readonly LifecycleRow[], money: MoneyFormat, chart?: string): Section[] {
  const columns = ['Period', 'Active', 'New', 'Returning', 'Resurrected', 'Dormant', 'Quick ratio', 'New revenue', 'Returning revenue', 'Resurrected revenue'];
  const body = rows.map((r) => [
    periodCell(r),
    ...[r.active, r.new, r.returning, r.resurrected, r.dormant].map((n) => numberCell(formatCount(n))),
    numberCell(formatNumber(r.quickRatio)),
    ...[r.newRevenue, r.returningRevenue, r.resurrectedRevenue].map((d) => numberCell(formatMoney(d, money))),
  ]);
  const note = `customers by state in each period (dormant: active the period before, not in this one); ${OPEN_PERIOD}`;
  return [{ title: 'Customer lifecycle', note, columns, rows: body, charts: chartsOf(chart) }];
}
