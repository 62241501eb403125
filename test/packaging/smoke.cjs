// Loaded by CommonJS `require` from a consumer folder where the packed package is installed.
const { ledger, summarize, isRetentionError, InvalidOptionError } = require('retention-metrics');
const calendar = require('retention-metrics/calendar');
const sql = require('retention-metrics/sql');

const { parsePeriodKey, periodKey } = calendar;

const s = summarize(ledger([{ customerId: 1, date: 0, amount: '2.50' }, { customerId: 1, date: 1, amount: 1 }]));
if (s.grossRevenue.toFixed(2) !== '3.50' || s.repeatCustomerRate !== 1) throw new Error('CJS smoke check failed');
let caught = false;
try {
  ledger([], { timeZone: 'Mars/Base' });
} catch (error) {
  caught = isRetentionError(error);
}
if (!caught) throw new Error('CJS: errors are not recognised');
if (periodKey(parsePeriodKey('2024-12-29', 'week', 0) + 1, 'week', 0) !== '2025-01-05') throw new Error('CJS: calendar entry');
let calendarError;
try {
  periodKey(0, 'fortnight');
} catch (error) {
  calendarError = error;
}
if (!(calendarError instanceof InvalidOptionError)) throw new Error('CJS: the calendar entry throws another copy of the error classes');
if (calendar.InvalidOptionError !== InvalidOptionError) throw new Error('CJS: the calendar entry exports another InvalidOptionError');
const cells = [{ cohort: 24288, offset: 0, bracket: null, cohortSize: 1, minBase: 24288, maxBase: 24288, customers: '1', orders: '1', grossMinor: '150', netMinor: '150', lastActive: '1' }];
if (sql.cohortTableFromCells(cells, { asOf: '2024-01-31' }).cohorts[0].cells[0].grossRevenue.toFixed(2) !== '1.50') throw new Error('CJS: sql entry');
if (sql.InvalidOptionError !== InvalidOptionError) throw new Error('CJS: the sql entry exports another InvalidOptionError');
// Observable Plot is an ES module: `require` of the charts entry loads it through Node's require(esm).
const charts = require('retention-metrics/charts');
if (!charts.lifecycleChart([]).startsWith('<svg')) throw new Error('CJS: charts entry');
if (charts.InvalidOptionError !== InvalidOptionError) throw new Error('CJS: the charts entry exports another InvalidOptionError');
console.log('cjs: 10 checks passed');
