/**
 * The tables the `--csv` flag of each single-report command writes: one row per customer for `rfm`,
 * `dormancy`, `clv` and `forecast` (what a campaign or a spreadsheet needs), the matrix for `cohorts`.
 * Money is written with the ledger's currency digits, ratios as numbers (0.25), dates as `YYYY-MM-DD`.
 *
 * @module
 */
import { localDay } from './local-day.ts';
import type { CohortTable, DormancyReport, HistoricalClv, RfmReport } from '../index.ts';
import type { CsvTable } from './csv.ts';
import type { FittedModels } from './models.ts';

/**
 * Every customer's RFM scores and segment.
 *
 * @param report - `rfm(book, { asOf })`
 * @param digits - the currency's decimal places
 * @param timeZone - the report's time zone (the day of the last order)
 * @returns the table
 * @example
 * ```ts
 * import { ledger, rfm } from '../index.ts';
 * import { rfmCsv } from './csv-tables.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'a', date: '2024-01-05', amount: '5' }]);
 * rfmCsv(rfm(book, { asOf: '2024-01-31' }), 2, 'UTC').rows[0]?.slice(0, 5); // => ['a', '2024-01-05', 26, 2, '15.00']
 * ```
 */
export function rfmCsv(report: RfmReport, digits: number, timeZone: string): CsvTable {
  return {
    headers: ['customer_id', 'last_order', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'],
    rows: report.customers.map((c) => [String(c.id), localDay(c.lastOrder.getTime(), timeZone), c.recency, c.frequency, c.monetary.toFixed(digits), c.r, c.f, c.m, c.segment]),
  };
}

/**
 * Every customer's days since the last order and dormancy segment.
 *
 * @param report - `dormancy(book, { asOf })`
 * @param digits - the currency's decimal places
 * @param timeZone - the report's time zone (the day of the last order)
 * @returns the table
 * @example
 * ```ts
 * import { dormancy, ledger } from '../index.ts';
 * import { dormancyCsv } from './csv-tables.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }]);
 * dormancyCsv(dormancy(book, { asOf: '2024-06-30' }), 2, 'UTC').rows[0]; // => ['a', '2024-01-01', 181, 1, null, 'dormant', '10.00']
 * ```
 */
export function dormancyCsv(report: DormancyReport, digits: number, timeZone: string): CsvTable {
  return {
    headers: ['customer_id', 'last_order', 'days_since', 'orders', 'median_gap_days', 'segment', 'historical_value'],
    rows: report.customers.map((c) => [String(c.id), localDay(c.lastOrder.getTime(), timeZone), c.daysSince, c.orders, c.medianGap, c.segment, c.value.toFixed(digits)]),
  };
}

/**
 * The cohort matrix: one row per cohort and offset, with customers, rate, completeness and revenue.
 *
 * @param table - the cohort table
 * @param digits - the currency's decimal places
 * @returns the table
 * @example
 * ```ts
 * import { Cohort, ledger } from '../index.ts';
 * import { cohortsCsv } from './csv-tables.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }, { customerId: 'a', date: '2024-02-03', amount: '5' }]);
 * cohortsCsv(Cohort.from(book).by('month').asOf('2024-02-29T23:59:59.999').table(), 2).rows[1]; // => ['2024-01', 1, 1, 1, 1, 'true', '5.00', '15.00']
 * ```
 */
export function cohortsCsv(table: CohortTable, digits: number): CsvTable {
  return {
    headers: ['cohort', 'cohort_size', 'offset', 'customers', 'rate', 'complete', 'net_revenue', 'cumulative_revenue_per_customer'],
    rows: table.cohorts.flatMap((cohort) =>
      cohort.cells.map((cell) => [
        cohort.key,
        cohort.size,
        cell.offset,
        cell.customers,
        cell.rate,
        cell.complete ? 'true' : 'false',
        cell.netRevenue.toFixed(digits),
        cell.cumulativeRevenuePerCustomer.toFixed(digits),
      ]),
    ),
  };
}

/**
 * Every customer's historical value and, with the models, the predicted purchase days and CLV.
 *
 * @param history - `historicalClv(book, { asOf })`
 * @param models - the fitted models, or `null`
 * @param digits - the currency's decimal places
 * @returns the table
 * @example
 * ```ts
 * import { historicalClv, ledger } from '../index.ts';
 * import { clvCsv } from './csv-tables.ts';
 * const book = ledger([{ customerId: 'a', date: '2024-01-01', amount: '10' }]);
 * clvCsv(historicalClv(book), null, 2).rows; // => [['a', 1, '10.00', '10.00', null, null]]
 * ```
 */
export function clvCsv(history: HistoricalClv, models: FittedModels | null, digits: number): CsvTable {
  const predicted = new Map<string, { days: number; clv: string | null }>();
  if (models !== null) {
    models.scores.forEach((score, i) => {
      predicted.set(String(score.customerId), { days: score.expectedTransactions, clv: models.clv?.customers[i]?.clv.toFixed(digits) ?? null });
    });
  }
  return {
    headers: ['customer_id', 'orders', 'gross_revenue', 'net_revenue', 'expected_purchase_days', 'predicted_clv'],
    rows: history.customers.map((c) => {
      const p = predicted.get(String(c.customerId));
      return [String(c.customerId), c.orders, c.grossRevenue.toFixed(digits), c.netRevenue.toFixed(digits), p?.days ?? null, p?.clv ?? null];
    }),
  };
}

/**
 * Every customer's history in weeks and predictions over the horizon.
 *
 * @param models - the fitted models
 * @param digits - the currency's decimal places
 * @returns the table (the columns `frequency`, `recency`, `T`, `monetary` are what `score` reads)
 * @example
 * ```ts
 * import { ledger } from '../index.ts';
 * import { forecastCsv } from './csv-tables.ts';
 * import { fitModels } from './models.ts';
 * // 30 customers over six months; every third stops buying after its first weeks.
 * const orders = Array.from({ length: 30 }, (_, i) => Array.from({ length: 26 }, (_, k) => ({ i, k, d: ((i * 11) % 60) + k * (7 + (i % 5) * 9) }))).flat()
 *   .filter(({ i, d }) => d < (i % 3 === 0 ? ((i * 11) % 60) + 40 : 181))
 *   .map(({ i, k, d }) => ({ customerId: `c${i}`, date: new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10), amount: String(10 + (i % 6) * 15 + (k % 3) * 4) }));
 * const models = fitModels({ book: ledger(orders), asOfDay: '2024-06-30' }, { horizonWeeks: 52, monthlyDiscountRate: 0.01, margin: 1 });
 * const [first] = forecastCsv(models, 2).rows;
 * first?.slice(0, 3); // => ['c0', 5, 5]
 * first?.[3]; // => 25.857
 * first?.at(-1); // => '6.33'
 * ```
 */
export function forecastCsv(models: FittedModels, digits: number): CsvTable {
  const { summary } = models;
  return {
    headers: ['customer_id', 'frequency', 'recency', 'T', 'monetary', 'p_alive', 'expected_purchase_days', 'expected_spend', 'expected_value', 'clv'],
    rows: models.scores.map((s, i) => [
      String(s.customerId),
      s.x,
      s.tx,
      s.T,
      s.x === 0 ? 0 : (summary.zbar[i] ?? null),
      s.pAlive,
      s.expectedTransactions,
      s.expectedSpend,
      s.expectedValue,
      models.clv?.customers[i]?.clv.toFixed(digits) ?? null,
    ]),
  };
}
