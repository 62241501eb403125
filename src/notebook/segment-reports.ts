/**
 * The segment reports of the notebook entry: `rfm` and `dormancy` of the root entry, their reports with
 * a notebook display (see {@link Displayed}).
 *
 * @module
 */
import type { CustomerState } from '../input/customer-state-type.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { dormancy as coreDormancy } from '../segments/dormancy.ts';
import type { DormancyOptions, DormancyReport } from '../segments/dormancy-types.ts';
import { rfm as coreRfm } from '../segments/rfm.ts';
import type { RfmOptions, RfmReport } from '../segments/rfm-types.ts';
import { SECTIONS, bundleOf } from './bundles.ts';
import { type Displayed, withDisplay } from './displayed.ts';
import { moneyFormatOf } from './money.ts';

/**
 * `rfm` of the root entry, its report displayed as the table of its segments (customers, share,
 * revenue, mean recency, frequency and monetary value) with the RFM grid.
 *
 * @param data - a ledger, records or a customer state
 * @param options - as for the root entry's `rfm`
 * @returns the report, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `rfm`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, rfm } from 'retention-metrics/notebook';
 * const report = rfm([
 *   { customerId: 'a', date: '2024-12-30', amount: '50.00' },
 *   { customerId: 'b', date: '2023-12-31', amount: '5.00' },
 * ], { asOf: '2024-12-31' });
 * report.segments.filter((s) => s.customers > 0).map((s) => s.segment); // => ['Need Attention', 'Lost']
 * report[JUPYTER_DISPLAY]()['text/plain'].includes('Need Attention'); // => true
 * ```
 */
export function rfm(data: LedgerInput | CustomerState, options?: RfmOptions): Displayed<RfmReport> {
  return withDisplay(coreRfm(data, options), bundleOf(SECTIONS.rfm, moneyFormatOf(data, options)));
}

/**
 * `dormancy` of the root entry, its report displayed as the table of its segments (customers, share,
 * historical value) with the dormancy chart.
 *
 * @param data - a ledger, records or a customer state
 * @param options - as for the root entry's `dormancy`
 * @returns the report, deep-equal to the root entry's, with a notebook display
 * @throws as the root entry's `dormancy`
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, dormancy } from 'retention-metrics/notebook';
 * const report = dormancy([
 *   { customerId: 'ann', date: '2024-12-01', amount: '40.00' },
 *   { customerId: 'cy', date: '2023-06-30', amount: '90.00' },
 * ], { asOf: '2024-12-31' });
 * [report.segments.active.customers, report.segments.lost.customers]; // => [1, 1]
 * report[JUPYTER_DISPLAY]()['text/plain'].includes('50.0%'); // => true
 * ```
 */
export function dormancy(data: LedgerInput | CustomerState, options?: DormancyOptions): Displayed<DormancyReport> {
  return withDisplay(coreDormancy(data, options), bundleOf(SECTIONS.dormancy, moneyFormatOf(data, options)));
}
