// Cohort table (monthly cohorts, classic, with revenue) over generated data: rows per second of the
// ledger build and of the cohort step after it, and memory. Usage: tsx bench/cohort.bench.ts [rows…]
// (default 1,000,000 and 10,000,000).
import { Cohort, ledger } from '../src/index.ts';
import { generateColumns } from './generate.ts';

const sizes = process.argv.slice(2).map(Number);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

for (const rows of sizes.length > 0 ? sizes : [1_000_000, 10_000_000]) {
  const columns = generateColumns(rows);
  let best = { build: Number.POSITIVE_INFINITY, cohort: Number.POSITIVE_INFINITY };
  let cells = 0;
  let peakRss = 0;
  let peakHeap = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const book = ledger.fromColumns({ customerId: columns.customer, date: columns.time, amount: columns.cents });
    const t1 = performance.now();
    const table = Cohort.from(book).by('month').maxOffset(35).table();
    const t2 = performance.now();
    cells = table.cohorts.reduce((n, c) => n + c.cells.length, 0);
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
    best = { build: Math.min(best.build, t1 - t0), cohort: Math.min(best.cohort, t2 - t1) };
  }
  const rate = (ms: number) => `${((rows / ms) * 1000 / 1e6).toFixed(1)} M rows/s`;
  console.log(`${rows.toLocaleString('en-US')} rows, ${cells} cells (best of 3)`);
  console.log(`  ledger.fromColumns   ${best.build.toFixed(0).padStart(6)} ms  ${rate(best.build)}`);
  console.log(`  cohort table         ${best.cohort.toFixed(0).padStart(6)} ms  ${rate(best.cohort)}  (${(best.cohort / best.build).toFixed(2)} × the ledger build)`);
  console.log(`  peak RSS ${mib(peakRss)}, heap used ${mib(peakHeap)}`);
}
