/**
 * `dormancy`: every customer as active, at risk, dormant or lost, as of a date.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import type { LedgerInput } from '../input/ledger.ts';
import type { CustomerState } from '../input/customer-state-type.ts';
import { fromMinorUnits } from '../input/minor-decimal.ts';
import { type CustomerScan, scanCustomers } from '../input/customer-scan.ts';
import { type MembersOptions, type SummaryByValue, type ValueGroups, cellSums, classMembers, valueGroups } from './by-value.ts';
import { unknownValueError } from './unknown-value.ts';
import { dormancySettings } from './dormancy-settings.ts';
import type {
  DormancyColumns,
  DormancyCustomer,
  DormancyOptions,
  DormancyReport,
  DormancyReportJson,
  DormancySegmentTotal,
  DormancyValueSummary,
} from './dormancy-types.ts';
import { DORMANCY_SEGMENTS, type DormancySegment, type ResolvedWindows, segmentIndexByDays, segmentIndexByProbability } from './dormancy-windows.ts';
import { OrderDayGaps } from './order-day-gaps.ts';

export type {
  DormancyColumns,
  DormancyCustomer,
  DormancyCustomerJson,
  DormancyOptions,
  DormancyReport,
  DormancyReportJson,
  DormancySegmentTotal,
  DormancyValueSummary,
  DormancyValueSummaryJson,
} from './dormancy-types.ts';

/**
 * Segment every customer by the whole days since their last order, as of a date.
 *
 * Days are local calendar days in the ledger's time zone: `daysSince` = day of `asOf` − day of the
 * last order at or before `asOf`. Refunds never make a customer active, but they lower the customer's
 * historical value (net revenue to date). Events after `asOf` are ignored, so a customer whose only
 * order is after `asOf` is not in the report. Fixed windows: active ≤ 90, atRisk 91–180,
 * dormant 181–365, lost > 365 days by default. Adaptive windows scale to each customer's median gap g
 * between distinct order days: active ≤ 2g, atRisk ≤ 4g, dormant ≤ 8g, else lost (customers with one
 * order day fall back to the fixed windows). With `{ probabilityAlive }` the segment comes from a
 * model: active p ≥ 0.75, atRisk ≥ 0.5, dormant ≥ 0.25, else lost (thresholds configurable). With
 * `by`, the segment counts and value are also given per value of a customer attribute (see
 * {@link DormancyReport.by}); `report.members(segment)` lists a segment's customers.
 * Cost: one pass over the events, plus a sort of each customer's gaps.
 *
 * @param data - a ledger, records, or a customer state (with the default or day windows only: the adaptive and
 *   probability windows need each customer's order days, and on a state's report `medianGap` is `null`)
 * @param options - `asOf` (default: the last event), `windows`, `by`, ledger options for raw records
 * @returns per-customer rows and per-segment counts and value
 * @throws {@link InvalidOptionError} for an unknown option, a bad `asOf` or windows (not increasing,
 *   negative, not whole days), a `by` that is not an attribute of the ledger, or when
 *   `probabilityAlive` returns something that is not a probability
 *
 * @example
 * ```ts
 * import { dormancy } from 'retention-metrics';
 * const report = dormancy(
 *   [
 *     { customerId: 'ann', date: '2024-10-02', amount: '40.00' },
 *     { customerId: 'bob', date: '2024-07-03', amount: '25.00' },
 *     { customerId: 'bob', date: '2024-07-10', amount: '-5.00' },
 *     { customerId: 'cy', date: '2023-06-30', amount: '90.00' },
 *   ],
 *   { asOf: '2024-12-31' },
 * );
 * report.customers.map((c) => [c.id, c.daysSince, c.segment]); // => [['cy', 550, 'lost'], ['bob', 181, 'dormant'], ['ann', 90, 'active']]
 * report.segments.dormant.value.toFixed(2); // => '20.00'
 * ```
 */
export function dormancy(data: LedgerInput | CustomerState, options?: DormancyOptions): DormancyReport {
  const { book, asOf, timeZone, windows, by } = dormancySettings(data, options);
  const scan = scanCustomers(book, asOf, timeZone);
  const digits = book.currencyDigits;
  const n = scan.account.length;
  const gaps = new OrderDayGaps(scan);
  const columns: DormancyColumns = {
    account: scan.account,
    daysSince: new Float64Array(n),
    segment: new Uint8Array(n),
    valueMinor: scan.netMinor.slice(),
  };
  const aliveOf = windows.kind === 'alive' ? new Float64Array(n) : null;
  const counts = new Uint32Array(DORMANCY_SEGMENTS.length);
  const totals = new Float64Array(DORMANCY_SEGMENTS.length);
  for (let i = 0; i < n; i++) {
    const daysSince = scan.asOfDay - scan.dayOf(scan.lastOrder[i]);
    let k: number;
    if (windows.kind === 'alive') {
      const p = probabilityAlive(scan, gaps, i, windows);
      if (aliveOf !== null) aliveOf[i] = p;
      k = segmentIndexByProbability(p, windows.thresholds);
    } else {
      const medianGap = windows.kind === 'adaptive' ? gaps.median(i) : null;
      k = windows.kind === 'adaptive' && medianGap !== null
        ? segmentIndexByDays(daysSince, [windows.multipliers[0] * medianGap, windows.multipliers[1] * medianGap, windows.multipliers[2] * medianGap])
        : segmentIndexByDays(daysSince, windows.days);
    }
    columns.daysSince[i] = daysSince;
    columns.segment[i] = k;
    counts[k] += 1;
    totals[k] += scan.netMinor[i];
  }
  const total = (k: number): DormancySegmentTotal => ({ customers: counts[k], value: fromMinorUnits(totals[k], digits) });
  const groups = by === null ? null : valueGroups(by, scan.account);
  let rows: DormancyCustomer[] | undefined;
  const report: Omit<DormancyReport, 'toJSON' | 'members'> = {
    asOf: asOf === null ? null : new Date(asOf),
    windows: windows.kind === 'alive' ? 'probabilityAlive' : windows.kind,
    // The one deferred field: a report read through its columns or segments never allocates a row
    // object per customer nor walks its orders again for the median gap. Built on first read, then the
    // same array: it reads like a plain field (spreads, `Object.keys` and `JSON.stringify` see it).
    get customers() {
      rows ??= customerRows(scan, columns, gaps, aliveOf);
      return rows;
    },
    columns,
    segments: { active: total(0), atRisk: total(1), dormant: total(2), lost: total(3) },
    ...(groups === null ? {} : { by: dormancyByValue(columns, groups, digits) }),
  };
  const members = (segment: DormancySegment, opts?: MembersOptions) => {
    const k = DORMANCY_SEGMENTS.indexOf(segment);
    if (k < 0) throw unknownValueError('segment', segment, 'segment', 'the report', DORMANCY_SEGMENTS);
    return classMembers(book, scan.account, columns.segment, k, groups, opts);
  };
  // Not enumerable: the report's fields stay its data, and `JSON.stringify` still finds `toJSON`.
  return Object.defineProperties(report, {
    toJSON: { value: () => reportJson(report), enumerable: false },
    members: { value: members, enumerable: false },
  }) as DormancyReport;
}

/** The segments of each value's customers, as the report segmented them. */
function dormancyByValue(columns: DormancyColumns, groups: ValueGroups, digits: number): SummaryByValue<DormancyValueSummary> {
  const n = DORMANCY_SEGMENTS.length;
  const counts = cellSums(groups, columns.segment, n);
  const totals = cellSums(groups, columns.segment, n, columns.valueMinor);
  const total = (k: number): DormancySegmentTotal => ({ customers: counts[k], value: fromMinorUnits(totals[k], digits) });
  return {
    attribute: groups.attribute,
    values: groups.values.map((value, g) => {
      const at = g * n;
      return { value, customers: groups.customers[g], segments: { active: total(at), atRisk: total(at + 1), dormant: total(at + 2), lost: total(at + 3) } };
    }),
  };
}

/**
 * The probability alive that `windows.probabilityAlive` gives customer i, checked.
 *
 * @throws {@link InvalidOptionError} when it is not a probability
 */
function probabilityAlive(scan: CustomerScan, gaps: OrderDayGaps, i: number, windows: ResolvedWindows & { kind: 'alive' }): number {
  const id = scan.book.ids[scan.account[i]];
  const lastDay = scan.dayOf(scan.lastOrder[i]);
  const x = gaps.collect(i);
  const p = windows.probabilityAlive({ id, orders: scan.orders[i], x, tx: lastDay - gaps.firstDay, T: scan.asOfDay - gaps.firstDay, daysSince: scan.asOfDay - lastDay });
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new InvalidOptionError('windows.probabilityAlive', p, `returned ${describeValue(p)} for customer ${describeValue(id)}; it must return a probability from 0 to 1`);
  }
  return p;
}

/** One row object per customer, from the report's columns. */
function customerRows(scan: CustomerScan, columns: DormancyColumns, gaps: OrderDayGaps, aliveOf: Float64Array | null): DormancyCustomer[] {
  const { book, lastOrder, orders, netMinor } = scan;
  const rows = new Array<DormancyCustomer>(columns.account.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = {
      id: book.ids[columns.account[i]],
      lastOrder: new Date(lastOrder[i]),
      daysSince: columns.daysSince[i],
      orders: orders[i],
      medianGap: gaps.median(i),
      probabilityAlive: aliveOf === null ? null : aliveOf[i],
      segment: DORMANCY_SEGMENTS[columns.segment[i]],
      value: fromMinorUnits(netMinor[i], book.currencyDigits),
    };
  }
  return rows;
}

/** A dormancy report as JSON-safe plain data (see {@link DormancyReport.toJSON}). */
function reportJson(report: Omit<DormancyReport, 'toJSON' | 'members'>): DormancyReportJson {
  const segment = (s: DormancySegmentTotal) => ({ customers: s.customers, value: s.value.toString() });
  const segments = ({ active, atRisk, dormant, lost }: DormancyReport['segments']) => ({ active: segment(active), atRisk: segment(atRisk), dormant: segment(dormant), lost: segment(lost) });
  const json: DormancyReportJson = {
    asOf: report.asOf === null ? null : report.asOf.toISOString(),
    windows: report.windows,
    customers: report.customers.map((c) => ({ ...c, lastOrder: c.lastOrder.toISOString(), value: c.value.toString() })),
    segments: segments(report.segments),
  };
  const { by } = report;
  if (by !== undefined) json.by = { attribute: by.attribute, values: by.values.map((v) => ({ ...v, segments: segments(v.segments) })) };
  return json;
}
