// `npm run bench`: rows per second of ledger + summarize against a plain Map loop doing the same counts
// with floats, in the same run. Usage: tsx bench/ledger.bench.ts [rows] (default 1,000,000).
import { ledger, summarize } from '../src/index.ts';
import { generateColumns, toRecords } from './generate.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const runs = 3;

function best<T>(label: string, fn: () => T): { ms: number; result: T } {
  let ms = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  if (result === undefined) throw new Error(label);
  return { ms, result };
}

/** What a developer writes by hand: one Map of per-customer objects, floats, Date.parse. */
function plainLoop(records: { customer_id: string; ordered_at: string; amount: string }[]) {
  const perCustomer = new Map<string, { orders: number; gross: number }>();
  let orders = 0;
  let refunds = 0;
  let gross = 0;
  let net = 0;
  let last = 0;
  for (const r of records) {
    const amount = Number.parseFloat(r.amount);
    const t = Date.parse(r.ordered_at);
    if (t > last) last = t;
    net += amount;
    if (amount < 0) {
      refunds++;
      continue;
    }
    orders++;
    gross += amount;
    const c = perCustomer.get(r.customer_id);
    if (c === undefined) perCustomer.set(r.customer_id, { orders: 1, gross: amount });
    else {
      c.orders++;
      c.gross += amount;
    }
  }
  let repeat = 0;
  for (const c of perCustomer.values()) if (c.orders >= 2) repeat++;
  return { customers: perCustomer.size, orders, refunds, gross, net, repeat, last };
}

const columns = generateColumns(rows);
const records = toRecords(columns);
const fields = { customerId: 'customer_id', date: 'ordered_at', amount: 'amount' } as const;
let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};

const plain = best('plain', () => plainLoop(records));
sample();
const fromRows = best('rows', () => summarize(ledger(records, { fields })));
sample();
const fromCols = best('columns', () =>
  summarize(ledger.fromColumns({ customerId: columns.customer, date: columns.time, amount: columns.cents })),
);
sample();
const ledgerOnly = best('ledger', () => ledger(records, { fields }));
sample();

if (fromRows.result.customers !== plain.result.customers || fromCols.result.orders !== plain.result.orders) {
  throw new Error('the implementations disagree');
}
const perSecond = (ms: number) => `${((rows / ms) * 1000 / 1e6).toFixed(2)} M rows/s`;
console.log(`rows: ${rows.toLocaleString('en-US')} (${plain.result.customers} customers), best of ${runs}`);
console.log(`plain Map loop (floats)      ${plain.ms.toFixed(0).padStart(6)} ms  ${perSecond(plain.ms)}  ratio 1.00`);
console.log(`ledger(rows) only            ${ledgerOnly.ms.toFixed(0).padStart(6)} ms  ${perSecond(ledgerOnly.ms)}  ratio ${(ledgerOnly.ms / plain.ms).toFixed(2)}`);
console.log(`ledger(rows) + summarize     ${fromRows.ms.toFixed(0).padStart(6)} ms  ${perSecond(fromRows.ms)}  ratio ${(fromRows.ms / plain.ms).toFixed(2)}`);
console.log(`fromColumns + summarize      ${fromCols.ms.toFixed(0).padStart(6)} ms  ${perSecond(fromCols.ms)}  ratio ${(fromCols.ms / plain.ms).toFixed(2)}`);
console.log(`peak heap used (sampled)     ${(peakHeap / 2 ** 20).toFixed(0)} MiB`);
console.log(`float gross ${plain.result.gross.toFixed(2)} vs exact ${fromRows.result.grossRevenue.toFixed(2)}`);
