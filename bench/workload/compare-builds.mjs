#!/usr/bin/env node
// Time this checkout's build against another checkout's build of the package, with DuckDB beside them,
// in interleaved rounds: each round runs, for each adapter, the other build, this build, then DuckDB.
// The machine's slow and quick spells then touch every side of a ratio alike, and each round gives
// its own after ÷ before and after ÷ DuckDB ratios; the medians of those are what it reports. With
// --alternate the odd rounds run this build first, so that a run's place in the round (right after
// DuckDB, or not) weighs on both builds alike.
//
//   BENCH_HARNESS=<harness folder, dependencies installed> BENCH_DATA=<its data folder> \
//     node bench/workload/compare-builds.mjs --before <other checkout> [--sizes 1m,10m] [--rounds 5,3]
//     [--impls rm-columns,rm-rows] [--alternate]
//
// Both checkouts must be built (`npx tsup` in each): the adapters load their checkout's dist/. The data
// must exist (`npm run bench:workload` or the harness's gen/make-data.mjs makes it). Every report's
// checksum must equal DuckDB's, else it stops. Wall time, CPU and peak RSS come from GNU time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const harness = process.env.BENCH_HARNESS;
const data = process.env.BENCH_DATA;
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const before = option('before', undefined);
if (!harness || !data || before === undefined) {
  console.error('set BENCH_HARNESS and BENCH_DATA, and pass --before <checkout of the other build>');
  process.exit(2);
}
const sizes = option('sizes', '1m').split(',');
const roundsBySize = option('rounds', '5').split(',').map(Number);
const impls = option('impls', 'rm-columns,rm-rows').split(',');
const alternate = argv.includes('--alternate');
const { parseReport } = await import(pathToFileURL(join(resolve(harness), 'lib', 'impls.mjs')).href);
const GNU_TIME = '/usr/bin/time';
if (!existsSync(GNU_TIME)) {
  console.error(`${GNU_TIME} (GNU time) is needed for CPU and peak RSS`);
  process.exit(2);
}

/** One whole-process run from the harness folder: wall and CPU seconds, peak RSS, phases, checksum. */
function runOnce(command) {
  const result = spawnSync(GNU_TIME, ['-f', '__TIME__ %e %U %S %M', ...command], {
    cwd: harness,
    env: { ...process.env, BENCH_DATA: resolve(data) },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const timed = /__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  const report = parseReport(result.stdout);
  if (result.status !== 0 || timed === null || report.checksum === undefined) {
    console.error(`failed: ${command.join(' ')}\n${result.stderr}`);
    process.exit(1);
  }
  return {
    wall: Number(timed[1]),
    cpu: Number(timed[2]) + Number(timed[3]),
    rssMiB: Number(timed[4]) / 1024,
    load: report.phases.load / 1000,
    compute: report.phases.compute / 1000,
    checksum: report.checksum,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const range = (values) => `${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;
const adapter = (checkout, impl) => ['node', join(resolve(checkout), 'bench', 'workload', `${impl}.mjs`)];

for (const [s, size] of sizes.entries()) {
  const file = join(resolve(data), `tx_${size}.csv`);
  if (!existsSync(file)) {
    console.error(`missing ${file}: generate it with the harness's gen/make-data.mjs`);
    process.exit(2);
  }
  const rounds = roundsBySize[Math.min(s, roundsBySize.length - 1)];
  const runs = new Map(impls.flatMap((impl) => [[`${impl} before`, []], [`${impl} after`, []], [`${impl} duckdb`, []]]));
  for (let round = 0; round < rounds; round++) {
    for (const impl of impls) {
      const afterFirst = alternate && round % 2 === 1;
      const a0 = afterFirst ? runOnce([...adapter(root, impl), file]) : null;
      const b = runOnce([...adapter(before, impl), file]);
      const a = a0 ?? runOnce([...adapter(root, impl), file]);
      const d = runOnce(['node', 'baselines/duckdb.mjs', file]);
      if (a.checksum !== d.checksum || b.checksum !== d.checksum) {
        console.error(`checksums differ at ${size}: before ${b.checksum}, after ${a.checksum}, duckdb ${d.checksum}`);
        process.exit(1);
      }
      runs.get(`${impl} before`).push(b);
      runs.get(`${impl} after`).push(a);
      runs.get(`${impl} duckdb`).push(d);
      console.error(
        `${size} round ${round + 1} ${impl}: before ${b.wall.toFixed(2)} s (compute ${b.compute.toFixed(3)}, CPU ${b.cpu.toFixed(2)}), ` +
          `after ${a.wall.toFixed(2)} s (compute ${a.compute.toFixed(3)}, CPU ${a.cpu.toFixed(2)}), duckdb ${d.wall.toFixed(2)} s`,
      );
    }
  }
  console.log(`\n${size}, ${rounds} rounds (medians; min–max in parentheses)\n`);
  console.log('| adapter | build | wall s | compute s | CPU s | peak RSS MiB | wall ÷ DuckDB (per round) | after ÷ before: wall | compute | CPU (per round) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const impl of impls) {
    const duck = runs.get(`${impl} duckdb`);
    const b = runs.get(`${impl} before`);
    const a = runs.get(`${impl} after`);
    const row = (name, xs, vsBefore) => {
      const toDuck = xs.map((x, i) => x.wall / duck[i].wall);
      const wallRatio = vsBefore ? xs.map((x, i) => x.wall / b[i].wall) : [];
      const computeRatio = vsBefore ? xs.map((x, i) => x.compute / b[i].compute) : [];
      const cpuRatio = vsBefore ? xs.map((x, i) => x.cpu / b[i].cpu) : [];
      const ratio = (r) => (r.length === 0 ? '' : `${median(r).toFixed(3)} (${range(r)}; ${r.filter((x) => x > 1).length}/${r.length} slower)`);
      console.log(
        `| ${impl} | ${name} | ${median(xs.map((x) => x.wall)).toFixed(3)} (${range(xs.map((x) => x.wall))}) ` +
          `| ${median(xs.map((x) => x.compute)).toFixed(3)} (${range(xs.map((x) => x.compute))}) ` +
          `| ${median(xs.map((x) => x.cpu)).toFixed(2)} | ${median(xs.map((x) => x.rssMiB)).toFixed(0)} | ${median(toDuck).toFixed(3)} (${range(toDuck)}) ` +
          `| ${ratio(wallRatio)} | ${ratio(computeRatio)} | ${ratio(cpuRatio)} |`,
      );
    };
    row('before', b, false);
    row('after', a, true);
    console.log(
      `| ${impl} | DuckDB | ${median(duck.map((x) => x.wall)).toFixed(3)} (${range(duck.map((x) => x.wall))}) | ${median(duck.map((x) => x.compute)).toFixed(3)} ` +
        `| ${median(duck.map((x) => x.cpu)).toFixed(2)} | ${median(duck.map((x) => x.rssMiB)).toFixed(0)} | 1 | | | |`,
    );
  }
  console.log(`\nchecksum ${runs.get(`${impls[0]} duckdb`)[0].checksum} (every run equal)`);
}
