/**
 * Model benchmarks: fits on the CDNOW sample (2,357 customers) and P(alive) scoring throughput.
 * Run with `npx tsx bench/models.bench.ts`. Times are medians of repeated runs after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { bgNbdModel, fitBgNbd, fitGammaGamma, fitParetoNbd, paretoNbdModel } from '../src/index.ts';

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
