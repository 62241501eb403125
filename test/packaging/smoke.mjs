// Loaded by ESM Node, Deno and Bun from a consumer folder where the packed package is installed.
import { Decimal, InvalidInputError, InvalidOptionError, isRetentionError, ledger, summarize, retentionRate } from 'retention-metrics';
import { InvalidOptionError as CalendarOptionError, parsePeriodKey, periodKey, periodStart } from 'retention-metrics/calendar';
import { InvalidOptionError as SqlOptionError, cohortCells, cohortTableFromCells, summaryFromRows } from 'retention-metrics/sql';
import { InvalidOptionError as ChartsOptionError, lifecycleChart } from 'retention-metrics/charts';
import { JUPYTER_DISPLAY, summarize as summarizeShown } from 'retention-metrics/notebook';

const book = ledger([
  { customerId: 'a', date: '2024-01-01', amount: '19.99' },
  { customerId: 'a', date: '2024-02-01', amount: '0.01' },
  { customerId: 'b', date: '2024-01-15T12:00:00+01:00', amount: '-5.00' },
]);
const s = summarize(book);
const checks = [
  [s.customers, 1],
  [s.orders, 2],
  [s.netRevenue.toFixed(2), '15.00'],
  [s.averageOrderValue.toFixed(2), '10.00'],
  [Decimal.isDecimal(s.grossRevenue), true],
  [retentionRate({ start: 200, end: 210, acquired: 30 }), 0.9],
];
let error;
try {
  ledger([{ customerId: 'x', date: '2024-01-01', amount: '12,50' }]);
} catch (e) {
  error = e;
}
checks.push([error instanceof InvalidInputError && isRetentionError(error) && error.field, 'amount']);
checks.push([new Date(periodStart(parsePeriodKey('2024-04', 'month'), 'month', { timeZone: 'Europe/Berlin' })).toISOString(), '2024-03-31T22:00:00.000Z']);
try {
  periodKey(0, 'fortnight');
} catch (e) {
  error = e;
}
// The calendar entry throws the root entry's error classes (one copy of them is loaded).
checks.push([error instanceof InvalidOptionError && error.option, 'period']);
checks.push([CalendarOptionError === InvalidOptionError, true]);
// The SQL entry: a query with its parameters, a finisher giving the root entry's money, and the root entry's error classes.
const query = cohortCells({ table: 'orders', columns: { customerId: 'c', date: 'd', amount: 'a' }, dialect: 'duckdb', asOf: '2024-03-31' });
checks.push([query.params.join(), '1711843200000,UTC']);
const finished = summaryFromRows([{ customers: '1', orders: '2', zeroValueOrders: '0', refunds: '0', grossMinor: '2000', refundMinor: '0', repeatMinor: '1', repeatCustomers: '1', firstOrder: null, lastOrder: null }]);
checks.push([Decimal.isDecimal(finished.grossRevenue) && finished.grossRevenue.toFixed(2), '20.00']);
const cell = { cohort: 24288, offset: 0, bracket: null, cohortSize: 1, minBase: 24288, maxBase: 24288, customers: '1', orders: '1', grossMinor: '100', netMinor: '100', lastActive: '1' };
checks.push([cohortTableFromCells([cell], { asOf: '2024-01-31' }).cohorts[0].key, '2024-01']);
try {
  cohortCells({ table: 'orders', columns: { customerId: 'c', date: 'd', amount: 'a' }, dialect: 'mysql', asOf: 0 });
} catch (e) {
  error = e;
}
checks.push([error instanceof InvalidOptionError && error.option, 'dialect']);
checks.push([SqlOptionError === InvalidOptionError, true]);
// The charts entry draws with its own document outside a browser; the notebook entry's results display.
checks.push([lifecycleChart([]).startsWith('<svg'), true]);
checks.push([ChartsOptionError === InvalidOptionError, true]);
const shown = summarizeShown(book);
checks.push([shown.netRevenue.toFixed(2) === s.netRevenue.toFixed(2) && /<table/.test(shown[JUPYTER_DISPLAY]()['text/html']), true]);
for (const [actual, expected] of checks) {
  if (actual !== expected) throw new Error(`smoke check failed: ${actual} !== ${expected}`);
}
export const ok = `${checks.length} checks passed`;
