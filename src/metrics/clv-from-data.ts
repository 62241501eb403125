/**
 * `simpleClvFromData`: the simple CLV formula with its inputs measured on the data.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { marginOption } from '../input/option-values.ts';
import type { LedgerInput } from '../input/ledger.ts';
import { minorPer } from '../input/minor-decimal.ts';
import { simpleClv } from './clv-formulas.ts';
import { orderTotals, ratio } from './order-totals.ts';
import { ANY_ORDER } from './activity-rule.ts';
import { type PeriodRetentionSettings, retentionRows } from './period-retention.ts';
import { PERIOD_KEYS, type PeriodOptions, periodSettings } from './period-settings.ts';

/** Options of {@link simpleClvFromData}. */
export interface ClvFromDataOptions extends PeriodOptions {
  /** Share of revenue kept as profit (default 1: revenue CLV). */
  margin?: number;
}

/** The measured inputs and the resulting CLV. */
export interface ClvFromData {
  /** Complete periods measured. */
  readonly periods: number;
  /** Start of the first and end of the last complete period measured (`null` when none). */
  readonly from: Date | null;
  readonly to: Date | null;
  /** Gross revenue ÷ orders in the measured periods. */
  readonly averageOrderValue: Decimal | null;
  /**
   * Orders per active customer per period: Σ orders ÷ Σ customers who ordered in each period.
   */
  readonly purchaseFrequency: number | null;
  /** Σ lost ÷ Σ customers at the start, over the measured periods (period-over-period churn). */
  readonly churnRate: number | null;
  /** 1 ÷ churn, in periods (`null` when churn is 0 or unknown). */
  readonly lifespan: number | null;
  readonly margin: number;
  /** AOV × frequency × lifespan × margin, or `null` when an input is unknown. */
  readonly clv: Decimal | null;
}

const CLV_FROM_DATA_KEYS = [...PERIOD_KEYS, ...optionKeys<Pick<ClvFromDataOptions, 'margin'>>({ margin: true })];

/**
 * The simple CLV (AOV × purchases per period × lifespan × margin) with every input measured on the
 * data over the complete calendar periods from `from` (default: the first order) to `asOf` (default:
 * the last event): AOV over those periods; lifespan = 1 ÷ churn, where churn is the period-over-period
 * churn of {@link periodRetention} pooled over the same periods (Σ lost ÷ Σ customers at the start);
 * and purchases per *active* customer per period (Σ orders ÷ Σ customers who ordered in each period), the
 * frequency that pairs with a lifespan counted in active periods — dividing by all customers instead
 * would let the customers who left lower the frequency as well as shorten the lifespan, counting churn
 * twice. The incomplete period containing `asOf` is left out.
 *
 * @param data - a ledger or records
 * @param options - `period` (required), `from`, `asOf`, `margin`, `weekStartsOn`, ledger options
 * @returns the measured inputs and the CLV (`null` where an input cannot be measured)
 * @throws {@link InvalidOptionError} for bad options
 *
 * @example
 * ```ts
 * import { simpleClvFromData } from 'retention-metrics';
 * const v = simpleClvFromData(
 *   [
 *     { customerId: 'a', date: '2022-03-01', amount: 40 },
 *     { customerId: 'b', date: '2022-05-01', amount: 60 },
 *     { customerId: 'a', date: '2023-03-01', amount: 50 },
 *     { customerId: 'c', date: '2023-06-01', amount: 50 },
 *   ],
 *   { period: 'year', asOf: '2023-12-31T23:59:59.999Z' },
 * );
 * [v.periods, v.churnRate, v.lifespan]; // => [2, 0.5, 2]
 * v.averageOrderValue?.toFixed(2); // => '50.00'
 * v.purchaseFrequency; // => 1
 * v.clv?.toFixed(2); // => '100.00'
 * ```
 */
export function simpleClvFromData(data: LedgerInput, options: ClvFromDataOptions): ClvFromData {
  const { margin, ...settings } = clvFromDataSettings(data, options);
  const { book } = settings;
  const rows = retentionRows(settings).filter((row) => row.complete);
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) {
    return Object.freeze({
      periods: 0, from: null, to: null, averageOrderValue: null, purchaseFrequency: null,
      churnRate: null, lifespan: null, margin, clv: null,
    });
  }
  let start = 0;
  let lost = 0;
  let active = 0;
  for (const row of rows) {
    start += row.startCustomers;
    lost += row.lost;
    active += row.endCustomers;
  }
  const totals = orderTotals(book, { from: first.start.getTime(), to: last.end.getTime() });
  const churnRate = ratio(lost, start);
  const lifespan = churnRate === null || churnRate === 0 ? null : 1 / churnRate;
  const averageOrderValue = minorPer(totals.grossMinor, totals.orders, book.currencyDigits);
  const purchaseFrequency = ratio(totals.orders, active);
  const clv = averageOrderValue === null || purchaseFrequency === null || lifespan === null
    ? null
    : simpleClv({ averageOrderValue, purchaseFrequency, lifespan, margin });
  return Object.freeze({
    periods: rows.length, from: first.start, to: last.end, averageOrderValue, purchaseFrequency,
    churnRate, lifespan, margin, clv,
  });
}

/** What `simpleClvFromData` computes with: the retention settings (customers active in the period itself) and the margin. */
interface ClvFromDataSettings extends PeriodRetentionSettings {
  readonly margin: number;
}

/** Read the data and options of a `simpleClvFromData` call. */
function clvFromDataSettings(data: LedgerInput, options: ClvFromDataOptions): ClvFromDataSettings {
  checkOptionKeys(options, CLV_FROM_DATA_KEYS);
  const margin = marginOption('margin', options.margin ?? 1);
  return { ...periodSettings(data, options), windowDays: 0, activity: ANY_ORDER, margin };
}
