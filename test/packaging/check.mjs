// Packaging checks, run by `npm test`: check that the lockfile is complete for `npm ci` on every
// platform; pack the package from a tree without `dist` (so the `prepack` build is what ships); check
// the packed files, the package metadata and the README's links; lint the tarball (publint) and its
// types' resolution for every module system (@arethetypeswrong/cli); then install the tarball with npm
// into a throwaway consumer outside the repository and use it as users do: ESM import and CJS require
// under Node, the same ESM smoke script under Deno and Bun (from their npm packages), each of them
// loading the three entries (`retention-metrics`, `retention-metrics/calendar` and `retention-metrics/sql`), and a type-check of
// test/packaging/consumer-types.ts as ESM and CJS with `skipLibCheck: false` under the TypeScript
// version the project builds with; and bundles (esbuild, the bundler tsup builds with) of one formula,
// which must leave the record readers out and stay under a size bound, of `repeatCustomerRate`,
// which must leave the models and the @stdlib functions out, and of `summarize`, which must leave the
// SQL of `retention-metrics/sql` out.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { bundleImport } from '../../scripts/bundle-sizes.mjs';
import { checkMetadata, checkPackedFiles, checkReadmeLinks } from './metadata.mjs';
import { checkConsumerTypes } from './types-check.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Outside the repository, so that nothing resolves from the repository's own node_modules.
const work = mkdtempSync(join(tmpdir(), 'retention-metrics-packaging-'));
const consumer = join(work, 'consumer');
const results = [];
const started = performance.now();

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function check(label, body) {
  process.stdout.write(`▸ ${label}\n`);
  const start = performance.now();
  body();
  results.push(label);
  process.stdout.write(`  ✓ ${seconds(start)}\n`);
}

function run(label, command, args, options = {}) {
  check(label, () => {
    const output = execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
    if (output.trim()) process.stdout.write(`${output.trim()}\n`);
  });
}

try {
  run('lockfile complete for npm ci', process.execPath, ['scripts/complete-lockfile.mjs', '--check']);

  // A fresh clone has no dist: remove it, so the tarball holds only what `prepack` built.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const packDir = join(work, 'pack');
  mkdirSync(packDir);
  run('npm pack (prepack builds dist)', 'npm', ['pack', '--pack-destination', packDir]);
  const tarballs = readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack wrote ${tarballs.length} tarballs: ${tarballs}`);
  const tarball = join(packDir, tarballs[0]);
  const packed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  const packedText = (path) => execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8' });

  check('packed files: dist with both builds and both declarations', () => checkPackedFiles(packed));
  check('package metadata: repository, homepage, bugs, prepack', () => checkMetadata(JSON.parse(packedText('package.json'))));
  check('README links work outside the repository', () => checkReadmeLinks(packedText('README.md'), root));
  run('publint', bin('publint'), ['--strict', tarball]);
  run('arethetypeswrong', bin('attw'), [tarball]);

  // The consumer installs the tarball and the project's TypeScript with npm: from the npm cache when
  // it holds them, else from the registry.
  mkdirSync(consumer);
  const typescript = project.devDependencies.typescript;
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'retention-metrics': `file:${tarball}`, typescript } }),
  );
  run(`consumer: npm install of the tarball and typescript@${typescript}`, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: consumer,
  });
  const installed = join(consumer, 'node_modules', 'retention-metrics');

  // The build imports only declared runtime dependencies (the @stdlib functions are bundled into it,
  // and their licenses ship beside it): `decimal.js`, and the optional dependencies of the charts and
  // the command-line program (which the next checks keep out of the root entry).
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  const optional = Object.keys(manifest.optionalDependencies ?? {});
  check('build imports only declared dependencies', () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...optional]);
    for (const extension of ['.js', '.cjs']) {
      const files = readdirSync(join(installed, 'dist')).filter((file) => file.endsWith(extension));
      const imported = new Set();
      for (const file of files) {
        // Block comments are left out: the TSDoc the build keeps shows `import … from 'retention-metrics'`.
        const code = readFileSync(join(installed, 'dist', file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
        const names = [...code.matchAll(/(?:\bfrom\s+|\brequire\()(["'])([^"'./][^"']*)\1/g)].map((match) => match[2]);
        const undeclared = names.filter((name) => !declared.has(name) && !name.startsWith('node:'));
        if (undeclared.length > 0) throw new Error(`dist/${file} imports undeclared packages: ${undeclared.join(', ')}`);
        for (const name of names) imported.add(name);
      }
      if (!imported.has('decimal.js')) throw new Error(`dist/*${extension}: no import of decimal.js found; is the import pattern still right?`);
    }
  });

  cpSync(join(root, 'test', 'packaging', 'smoke.mjs'), join(consumer, 'smoke.mjs'));
  cpSync(join(root, 'test', 'packaging', 'smoke.cjs'), join(consumer, 'smoke.cjs'));
  writeFileSync(join(consumer, 'run.mjs'), "import { ok } from './smoke.mjs';\nconsole.log(`${globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node esm'}: ${ok}`);\n");
  run('node: ESM import', process.execPath, ['run.mjs'], { cwd: consumer });
  run('node: CJS require', process.execPath, ['smoke.cjs'], { cwd: consumer });
  // The command the package installs (`bin`) reads a CSV file and writes its JSON report.
  check('the retention-metrics command', () => {
    const command = join(consumer, 'node_modules', '.bin', 'retention-metrics');
    if (!readFileSync(join(installed, 'dist', 'cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')) throw new Error('dist/cli.js does not start with its shebang');
    const version = execFileSync(command, ['--version'], { cwd: consumer, encoding: 'utf8' }).trim();
    if (version !== project.version) throw new Error(`retention-metrics --version printed ${version}, expected ${project.version}`);
    writeFileSync(
      join(consumer, 'orders.csv'),
      'order_id,customer_id,created_at,total\n1,ann,2024-01-05,30.00\n2,bob,2024-01-20,20.00\n3,ann,2024-02-09,12.50\n',
    );
    execFileSync(command, ['report', 'orders.csv', '--json', 'report.json'], { cwd: consumer, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const report = JSON.parse(readFileSync(join(consumer, 'report.json'), 'utf8'));
    const text = JSON.stringify(report);
    if (!text.includes('"customers":2') || !text.includes('"netRevenue":"62.5"')) throw new Error(`the JSON report of three orders holds no 2 customers and net revenue 62.50: ${text.slice(0, 400)}`);
    // As after an install with --omit=optional: the argument parser is not there.
    const parser = join(consumer, 'node_modules', 'commander');
    renameSync(parser, `${parser}.hidden`);
    try {
      const missing = spawnSync(command, ['--help'], { cwd: consumer, encoding: 'utf8' });
      if (missing.status !== 1 || !missing.stderr.startsWith('error: the retention-metrics command needs the package commander')) {
        throw new Error(`without commander the command exited ${missing.status} saying: ${missing.stderr.slice(0, 400)}`);
      }
    } finally {
      renameSync(`${parser}.hidden`, parser);
    }
  });
  // No permission flag: the library reads no file and no environment variable of its own.
  run('deno', bin('deno'), ['run', '--no-prompt', 'run.mjs'], {
    cwd: consumer,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(consumer, '.deno') },
  });
  run('bun', bin('bun'), ['run.mjs'], { cwd: consumer });

  // `ledger` and `ledger.fromColumns` are side-effect free: a bundle of a formula that never reads
  // records leaves both out (function names are kept, only syntax and whitespace are minified).
  const bundle = (names, from = 'retention-metrics', minify = false) =>
    esbuild.buildSync({
      stdin: { contents: `import { ${names} } from '${from}';\nconsole.log(${names});\n`, resolveDir: consumer },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      minify,
      minifySyntax: true,
      minifyWhitespace: true,
      logLevel: 'error',
    }).outputFiles[0].text;
  check('bundling one formula leaves ledger and ledger.fromColumns out', () => {
    const kept = (code) => ['fromRecords', 'fromColumns'].filter((name) => new RegExp(`\\bfunction ${name}\\d*\\(`).test(code));
    if (!kept(bundle('ledger')).includes('fromColumns')) throw new Error('a bundle of ledger has no fromColumns; is the pattern still right?');
    const leaked = kept(bundle('retentionRate'));
    if (leaked.length > 0) throw new Error(`a bundle of retentionRate alone contains ${leaked.join(' and ')}`);
  });

  // A bundler drops what an import does not reach: a formula, or the calendar, bundles without
  // decimal.js, the record readers and the models' special functions. The bounds are ceilings far
  // above the measured sizes (see the table in README.md), low enough that any of those coming back
  // fails: decimal.js alone is over 30 KB minified, the @stdlib functions over 50 KB.
  check('bundle sizes: one formula and the calendar entry stay small', () => {
    const bounds = [
      ['retentionRate', 'retention-metrics', 16_384],
      ['periodKey, periodStart', 'retention-metrics/calendar', 24_576],
    ];
    for (const [names, from, bound] of bounds) {
      const bytes = Buffer.byteLength(bundle(names, from, true));
      process.stdout.write(`import { ${names} } from '${from}': ${(bytes / 1024).toFixed(1)} KB minified (bound ${bound / 1024} KB)\n`);
      if (bytes > bound) throw new Error(`a minified bundle of { ${names} } from '${from}' is ${bytes} bytes, over the bound of ${bound}`);
    }
  });

  // `repeatCustomerRate` reads records into a ledger (money included: decimal.js) and counts; no model.
  // Its bundle keeps code of no module of src/models and of no @stdlib package (the modules named by
  // the source maps the package ships, followed through the bundle's own), and the package's code in
  // it (all but decimal.js) stays under a bound: it is about 40 kB, and any @stdlib function brings at
  // least 39 kB with it (its code and the licenses of the bundled packages).
  check('bundling repeatCustomerRate leaves the models and the @stdlib functions out', () => {
    const isModel = (source) => /(?:^|\/)src\/models\/|(?:^|\/)node_modules\/@stdlib\//.test(source);
    const fit = bundleImport('fitBgNbd', 'retention-metrics', consumer);
    if (!fit.sources.some((source) => /(?:^|\/)src\/models\/bg-nbd\.ts$/.test(source)) || !fit.sources.some((source) => /\/@stdlib\//.test(source))) {
      throw new Error('a bundle of fitBgNbd maps to no src/models/bg-nbd.ts or no @stdlib file; are the source maps still right?');
    }
    const { bytes, bytesByInput, sources } = bundleImport('repeatCustomerRate', 'retention-metrics', consumer);
    if (!sources.some((source) => /(?:^|\/)src\/metrics\/order-metrics\.ts$/.test(source))) {
      throw new Error(`a bundle of repeatCustomerRate maps to no src/metrics/order-metrics.ts (sources: ${sources.join(', ')}); are the source maps still right?`);
    }
    const models = sources.filter(isModel);
    if (models.length > 0) throw new Error(`a bundle of repeatCustomerRate alone keeps code of ${models.join(', ')}`);
    const decimal = [...bytesByInput].filter(([path]) => /(?:^|\/)node_modules\/decimal\.js\//.test(path)).reduce((sum, [, n]) => sum + n, 0);
    const own = bytes - decimal;
    const bound = 56_000;
    process.stdout.write(`import { repeatCustomerRate }: ${(bytes / 1000).toFixed(1)} kB minified, ${(own / 1000).toFixed(1)} kB without decimal.js (bound ${bound / 1000} kB)\n`);
    if (own > bound) throw new Error(`a minified bundle of repeatCustomerRate holds ${own} bytes besides decimal.js, over the bound of ${bound}`);
  });

  // The root entry never imports the SQL entry's code: a bundle of `summarize` maps to no module of src/sql.
  check('bundling summarize from the root entry leaves retention-metrics/sql out', () => {
    const isSql = (source) => /(?:^|\/)src\/sql(?:\/|\.ts$)/.test(source);
    const sql = bundleImport('cohortCells', 'retention-metrics/sql', consumer);
    if (!sql.sources.some(isSql)) throw new Error('a bundle of cohortCells maps to no module of src/sql; are the source maps still right?');
    const { sources } = bundleImport('summarize', 'retention-metrics', consumer);
    const leaked = sources.filter(isSql);
    if (leaked.length > 0) throw new Error(`a bundle of summarize keeps code of ${leaked.join(', ')}`);
  });

  // The optional dependencies stay out of the root entry: a bundle of all of it maps to no file of theirs.
  check('bundling the root entry leaves the charts and the program out', () => {
    const isOptional = (source) => optional.some((name) => source.includes(`/node_modules/${name}/`)) || /(?:^|\/)src\/(?:charts|cli|notebook)(?:\/|\.ts$)/.test(source);
    // Plot's own dependencies name their code by `main`, which a bundle for the neutral platform ignores.
    const charts = esbuild.buildSync({
      stdin: { contents: `export { cohortHeatmap } from 'retention-metrics/charts';\n`, resolveDir: consumer, loader: 'js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'error',
    });
    if (!Object.keys(charts.metafile.inputs).some(isOptional)) {
      throw new Error('a bundle of cohortHeatmap holds no file of an optional dependency; is the pattern still right?');
    }
    const leaked = bundleImport('*', 'retention-metrics', consumer).sources.filter(isOptional);
    if (leaked.length > 0) throw new Error(`a bundle of the root entry keeps code of ${leaked.slice(0, 5).join(', ')}`);
  });

  check(`types: ESM and CJS consumers, skipLibCheck false, TypeScript ${typescript}`, () =>
    checkConsumerTypes({ consumer, source: join(root, 'test', 'packaging', 'consumer-types.ts'), typescript }),
  );
} catch (error) {
  process.stdout.write(`packaging: failed after ${results.length} passed checks; the consumer is kept in ${work}\n`);
  throw error;
}

rmSync(work, { recursive: true, force: true });
console.log(`packaging: ${results.length} passed, 0 failed (${seconds(started)})`);
