// Loaded by CommonJS `require` from a consumer folder where the packed package is installed.
const { ledger, summarize, isRetentionError } = require('retention-metrics');

const s = summarize(ledger([{ customerId: 1, date: 0, amount: '2.50' }, { customerId: 1, date: 1, amount: 1 }]));
if (s.grossRevenue.toFixed(2) !== '3.50' || s.repeatCustomerRate !== 1) throw new Error('CJS smoke check failed');
let caught = false;
try {
  ledger([], { timeZone: 'Mars/Base' });
} catch (error) {
  caught = isRetentionError(error);
}
if (!caught) throw new Error('CJS: errors are not recognised');
console.log('cjs: 3 checks passed');
