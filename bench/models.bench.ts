/**
 * Model benchmarks: fits on the CDNOW sample (2,357 customers), P(alive) scoring throughput, and the
 * end-to-end 1 M-customer case (generated columns → ledger → rfmSummary in weeks → compressed BG/NBD,
 * Pareto/NBD and Gamma-Gamma fits). Run with `npx tsx bench/models.bench.ts` (`--no-million` to skip
 * the large case). Times are medians of repeated runs after a warm-up; the large case runs once.
 */
import { readFileSync } from 'node:fs';
import {
  bgNbdModel,
  evaluateHoldout,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  ledger,
  paretoNbdModel,
  pAliveScorer,
  rfmSummary,
} from '../src/index.ts';
import { generateColumns } from './generate.ts';

function csv(name: string): number[][] {
  return readFileSync(new URL(`../test/fixtures/models/${name}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(',').map(Number));
}

function median(fn: () => unknown, runs: number): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Number.NaN;
}

const rows = csv('cdnow_customers_summary_with_transactions.csv');
const summary = { x: rows.map((r) => r[1] ?? 0), tx: rows.map((r) => r[2] ?? 0), T: rows.map((r) => r[3] ?? 0) };
const spend = { x: summary.x, zbar: rows.map((r) => r[4] ?? 0) };

console.log(`fitBgNbd      CDNOW 2,357 customers: ${median(() => fitBgNbd(summary), 15).toFixed(1)} ms`);
console.log(`fitParetoNbd  CDNOW 2,357 customers: ${median(() => fitParetoNbd(summary), 7).toFixed(1)} ms`);
console.log(`fitGammaGamma CDNOW 946 repeaters:   ${median(() => fitGammaGamma(spend), 15).toFixed(1)} ms`);

const n = summary.x.length;
const X = Float64Array.from(summary.x);
const TX = Float64Array.from(summary.tx);
const TT = Float64Array.from(summary.T);
for (const [name, model] of [
  ['BG/NBD', bgNbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })],
  ['Pareto/NBD', paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 })],
] as const) {
  const calls = 1_000_000;
  let sink = 0;
  const ms = median(() => {
    for (let k = 0; k < calls; k++) {
      const i = k % n;
      sink += model.pAlive(X[i] ?? 0, TX[i] ?? 0, TT[i] ?? 1);
    }
  }, 5);
  console.log(`${name.padEnd(10)} pAlive: ${((calls / ms) * 1000 / 1e6).toFixed(2)} M customers/s (${((ms * 1e6) / calls).toFixed(0)} ns each; checksum ${sink.toFixed(0)})`);
}

// --- 1 M customers, end to end ---------------------------------------------------------------------
if (!process.argv.includes('--no-million')) {
  const once = <T>(fn: () => T): [T, number] => {
    const t0 = performance.now();
    const out = fn();
    return [out, performance.now() - t0];
  };
  const count = (v: number) => v.toLocaleString('en-US');
  // about 2.36 generated rows per customer: 2.4 M rows give a little over 1 M customers
  const [columns, genMs] = once(() => generateColumns(2_400_000, 7));
  const [book, ledgerMs] = once(() => ledger.fromColumns({ customerId: columns.customer, date: columns.time, amount: columns.cents }));
  console.log(`\ngenerated ${count(columns.customer.length)} rows in ${genMs.toFixed(0)} ms; ${count(book.customerCount)} customers`);
  console.log(`ledger.fromColumns:         ${ledgerMs.toFixed(0)} ms`);
  // calibration = the whole history (default: the last event's day)
  const summaryMs = median(() => rfmSummary(book, { unit: 'week' }), 5);
  const summary = rfmSummary(book, { unit: 'week' });
  console.log(`rfmSummary (weeks):         ${summaryMs.toFixed(0)} ms for ${count(summary.ids.length)} customers`);
  const compressMs = median(() => summary.compress(), 5);
  const compressed = summary.compress();
  console.log(`compress():                 ${compressMs.toFixed(0)} ms → ${count(compressed.x.length)} distinct (x, tx, T)`);
  const bgMs = median(() => fitBgNbd(compressed), 3);
  const bg = fitBgNbd(compressed);
  console.log(`fitBgNbd (compressed):      ${bgMs.toFixed(0)} ms (r ${bg.params.r.toFixed(3)}, α ${bg.params.alpha.toFixed(3)}, a ${bg.params.a.toFixed(3)}, b ${bg.params.b.toFixed(3)}; ${bg.iterations} iterations)`);
  const spend = summary.toSpendSummary();
  const [, ggMs] = once(() => fitGammaGamma(spend, { force: true }));
  console.log(`fitGammaGamma:              ${ggMs.toFixed(0)} ms (${count(spend.x.filter((x) => x > 0).length)} repeat buyers; zbar is continuous, no compression)`);
  if (process.argv.includes('--pareto')) {
    const [, paretoMs] = once(() => fitParetoNbd(compressed));
    console.log(`fitParetoNbd (compressed):  ${paretoMs.toFixed(0)} ms`);
  }
  const m = summary.ids.length;
  let sink = 0;
  const pMs = median(() => {
    for (let i = 0; i < m; i++) sink += bg.pAlive(summary.x[i] ?? 0, summary.tx[i] ?? 0, summary.T[i] ?? 1);
  }, 5);
  console.log(`pAlive over all customers:  ${pMs.toFixed(0)} ms (${((m / pMs) * 1000 / 1e6).toFixed(1)} M customers/s)`);
  const [alive, scorerMs] = once(() => pAliveScorer(bg, summary));
  const [, lookupMs] = once(() => {
    for (let i = 0; i < m; i++) sink += alive(summary.ids[i] ?? 0);
  });
  console.log(`pAliveScorer build/lookup:  ${scorerMs.toFixed(0)} ms / ${lookupMs.toFixed(0)} ms (checksum ${sink.toFixed(0)})`);
  // a calibration/holdout split of the same ledger
  const split = rfmSummary(book, { calibrationEnd: '2023-06-30', holdoutEnd: '2023-12-31', unit: 'week' });
  const splitFit = fitBgNbd(split.compress());
  const [ev, evMs] = once(() => evaluateHoldout(splitFit, split));
  console.log(`evaluateHoldout:            ${evMs.toFixed(0)} ms on ${count(split.ids.length)} customers (predicted ${ev.predictedTotal.toFixed(0)} vs actual ${count(ev.actualTotal)})`);
}
