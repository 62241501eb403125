#!/usr/bin/env node
// `npm run bench:workload`: time rm-columns and rm-rows against DuckDB (and any other harness
// implementation) on the reference workload, with the benchmark harness kept outside this repository.
//
//   BENCH_HARNESS=<harness folder with its node_modules installed>
//   BENCH_DATA=<folder for the generated data, outside this repository>
//   npm run bench:workload -- [--sizes 1m,10m] [--impls duckdb,rm-columns,rm-rows] [--runs 3] [--pairs 12]
//
// It builds the package first (the adapters load dist/), generates missing data with the harness's
// generator, checks that every checksum agrees (tools/verify.mjs), then times (tools/bench.mjs).
// With --pairs N it then times, N times over each size, a single byte pass over the file (the
// harness's tools/limit, its Node loop) and right after it rm-columns, and prints the ratio of the
// compute phase to the byte pass in each pair and their median: the machine's slow and quick spells
// then touch both sides of a ratio alike.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const harness = process.env.BENCH_HARNESS;
const data = process.env.BENCH_DATA;
if (!harness || !data) {
  console.error('set BENCH_HARNESS (the benchmark harness folder, dependencies installed) and BENCH_DATA (a data folder outside the repository)');
  process.exit(2);
}
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const sizes = option('sizes', '1m');
const impls = option('impls', 'duckdb,rm-columns,rm-rows');
const runs = option('runs', '3');
const pairs = Number(option('pairs', '0'));
const env = { ...process.env, BENCH_DATA: resolve(data), BENCH_IMPLS_EXTRA: join(root, 'bench', 'impls.json') };
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
/** Run a command and return what it printed, or exit with its status. */
const output = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
};
/** The number after `name=` in a line of `text` that contains `marker`. */
const figure = (text, marker, name) => {
  const line = text.split('\n').find((l) => l.includes(marker)) ?? '';
  const match = new RegExp(`${name}=([0-9.]+)`).exec(line);
  if (match === null) throw new Error(`no ${name} in: ${text}`);
  return Number(match[1]);
};

run('npm', ['run', 'build', '--silent'], root);
const missing = sizes.split(',').filter((size) => !existsSync(join(env.BENCH_DATA, `tx_${size}.csv`)));
if (missing.length > 0) run(process.execPath, ['gen/make-data.mjs', '--sizes', missing.join(',')], harness);
const files = ['fixtures/edge.csv', ...sizes.split(',').map((size) => join(env.BENCH_DATA, `tx_${size}.csv`))];
run(process.execPath, ['tools/verify.mjs', ...files, '--impls', impls], harness);
run(process.execPath, ['tools/bench.mjs', '--impls', impls, '--sizes', sizes, '--formats', 'csv', '--runs', runs], harness);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
for (const size of pairs > 0 ? sizes.split(',') : []) {
  const file = join(env.BENCH_DATA, `tx_${size}.csv`);
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    const bytePass = figure(output(process.execPath, ['tools/limit/bytescan.mjs', file], harness), 'node-loop', 'seconds');
    const compute = figure(output(process.execPath, [join(root, 'bench', 'workload', 'rm-columns.mjs'), file], harness), 'phases', 'compute_ms') / 1000;
    ratios.push(compute / bytePass);
    console.log(`${size} pair ${i + 1}: byte pass ${bytePass.toFixed(4)} s, rm-columns compute ${compute.toFixed(4)} s, ratio ${(compute / bytePass).toFixed(2)}`);
  }
  console.log(`${size}: median ratio of compute to a byte pass over ${pairs} pairs: ${median(ratios).toFixed(2)}`);
}
