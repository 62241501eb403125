/**
 * The display of segment reports: the RFM segments and the dormancy segments, each with its split by
 * an attribute when the report has one.
 *
 * @module
 * @internal
 */
import { DORMANCY_SEGMENTS, DORMANCY_SEGMENT_NAMES } from '../../segments/dormancy-windows.ts';
import type { DormancyReport, DormancySegmentTotal } from '../../segments/dormancy-types.ts';
import type { RfmReport, RfmSegmentSummary } from '../../segments/rfm-types.ts';
import { type MoneyFormat, formatCount, formatInstant, formatMoney, formatNumber, formatRate } from '../format.ts';
import { type Section, chartsOf, numberCell, textCell } from '../section.ts';

const RFM_COLUMNS = ['Segment', 'Customers', 'Share', 'Revenue', 'Mean recency (days)', 'Mean frequency', 'Mean monetary'];

function rfmRows(segments: readonly RfmSegmentSummary[], money: MoneyFormat) {
  return segments.map((s) => [
    textCell(s.segment),
    numberCell(formatCount(s.customers)),
    numberCell(formatRate(s.share)),
    numberCell(formatMoney(s.revenue, money)),
    numberCell(formatNumber(s.averageRecency)),
    numberCell(formatNumber(s.averageFrequency)),
    numberCell(formatMoney(s.averageMonetary, money)),
  ]);
}

/**
 * @internal The sections of an RFM report.
 *
 * @param report - the report
 * @param money - how money is written
 * @param chart - the RFM grid (SVG markup), when available
 * @returns the segments of the map (or, without a map, the customers per R score), then one table per
 *   value of the `by` attribute
 */
export function rfmSections(report: RfmReport, money: MoneyFormat, chart?: string): Section[] {
  const note = `${report.bins} scores per dimension, monetary: ${report.monetary}, as of ${formatInstant(report.asOf)}`;
  if (report.segments.length === 0) {
    // Without a segment map the report is its scores: the customers per recency score.
    const counts = new Array<number>(report.bins).fill(0);
    for (const r of report.columns.r) if (r >= 1) counts[r - 1]++;
    const total = report.columns.r.length;
    const rows = counts.map((n, i) => [textCell(`R = ${i + 1}`), numberCell(formatCount(n)), numberCell(formatRate(total === 0 ? null : n / total))]);
    return [{ title: 'RFM scores', note, columns: ['Recency score', 'Customers', 'Share'], rows, charts: chartsOf(chart) }];
  }
  const sections: Section[] = [{ title: `RFM segments (${report.segmentMap ?? 'custom map'})`, note, columns: RFM_COLUMNS, rows: rfmRows(report.segments, money), charts: chartsOf(chart) }];
  for (const value of report.by?.values ?? []) {
    sections.push({ title: `RFM segments, ${report.by?.attribute} = ${value.value ?? '(none)'}`, columns: RFM_COLUMNS, rows: rfmRows(value.segments, money), charts: [] });
  }
  return sections;
}

function dormancyRows(segments: Readonly<Record<string, DormancySegmentTotal>>, total: number, money: MoneyFormat) {
  return DORMANCY_SEGMENTS.map((name) => [
    textCell(DORMANCY_SEGMENT_NAMES[name]),
    numberCell(formatCount(segments[name].customers)),
    numberCell(formatRate(total === 0 ? null : segments[name].customers / total)),
    numberCell(formatMoney(segments[name].value, money)),
  ]);
}

/**
 * @internal The sections of a dormancy report.
 *
 * @param report - the report
 * @param money - how value is written
 * @param chart - the dormancy chart (SVG markup), when available
 * @returns customers, share and historical value per segment, then one table per value of the `by` attribute
 */
export function dormancySections(report: DormancyReport, money: MoneyFormat, chart?: string): Section[] {
  const columns = ['Segment', 'Customers', 'Share', 'Value'];
  const total = report.columns.account.length;
  const note = `${report.windows} windows, as of ${formatInstant(report.asOf)}`;
  const sections: Section[] = [{ title: 'Dormancy', note, columns, rows: dormancyRows(report.segments, total, money), charts: chartsOf(chart) }];
  for (const value of report.by?.values ?? []) {
    sections.push({ title: `Dormancy, ${report.by?.attribute} = ${value.value ?? '(none)'}`, columns, rows: dormancyRows(value.segments, value.customers, money), charts: [] });
  }
  return sections;
}
