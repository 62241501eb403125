#!/usr/bin/env node
// `npm run bench:workload`: time rm-columns and rm-rows against DuckDB (and any other harness
// implementation) on the reference workload, with the benchmark harness kept outside this repository.
//
//   BENCH_HARNESS=<harness folder with its node_modules installed>
//   BENCH_DATA=<folder for the generated data, outside this repository>
//   npm run bench:workload -- [--sizes 1m,10m] [--impls duckdb,rm-columns,rm-rows] [--runs 3]
//
// It builds the package first (the adapters load dist/), generates missing data with the harness's
// generator, checks that every checksum agrees (tools/verify.mjs), then times (tools/bench.mjs).
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
const env = { ...process.env, BENCH_DATA: resolve(data), BENCH_IMPLS_EXTRA: join(root, 'bench', 'impls.json') };
const run = (command, args, cwd) => {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npm', ['run', 'build', '--silent'], root);
const missing = sizes.split(',').filter((size) => !existsSync(join(env.BENCH_DATA, `tx_${size}.csv`)));
if (missing.length > 0) run(process.execPath, ['gen/make-data.mjs', '--sizes', missing.join(',')], harness);
const files = ['fixtures/edge.csv', ...sizes.split(',').map((size) => join(env.BENCH_DATA, `tx_${size}.csv`))];
run(process.execPath, ['tools/verify.mjs', ...files, '--impls', impls], harness);
run(process.execPath, ['tools/bench.mjs', '--impls', impls, '--sizes', sizes, '--formats', 'csv', '--runs', runs], harness);
