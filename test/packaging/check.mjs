// Packaging checks, run by `npm test` after `npm run build`: check that the lockfile is complete for
// `npm ci` on every platform, lint the package metadata (publint),
// check its types resolve for every module system (@arethetypeswrong/cli), then install the packed
// tarball into a throwaway consumer and load it as users do: ESM import and CJS require under Node,
// and the same ESM smoke script under Deno and Bun (from their npm packages).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const consumer = join(root, '.tmp', 'consumer');
const results = [];

function run(label, command, args, options = {}) {
  process.stdout.write(`▸ ${label}\n`);
  const output = execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (output.trim()) process.stdout.write(`${output.trim()}\n`);
  results.push(label);
}

rmSync(consumer, { recursive: true, force: true });
mkdirSync(join(consumer, 'node_modules'), { recursive: true });

run('lockfile complete for npm ci', process.execPath, ['scripts/complete-lockfile.mjs', '--check']);
run('publint', bin('publint'), ['--strict']);
run('arethetypeswrong', bin('attw'), ['--pack', '.']);

const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', consumer], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);
execFileSync('tar', ['-xzf', packed, '-C', consumer], { cwd: consumer });
const installed = join(consumer, 'node_modules', 'retention-metrics');
cpSync(join(consumer, 'package'), installed, { recursive: true });
rmSync(join(consumer, 'package'), { recursive: true, force: true });
const files = readdirSync(installed).sort();
if (files.join(',') !== 'LICENSE,README.md,dist,package.json') throw new Error(`unexpected files in the package: ${files}`);
// The build imports only declared runtime dependencies (the @stdlib functions are bundled into it, and
// their licenses ship beside it).
const declared = new Set(Object.keys(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).dependencies ?? {}));
for (const file of ['index.js', 'index.cjs']) {
  const code = readFileSync(join(installed, 'dist', file), 'utf8');
  const imported = [...code.matchAll(/(?:\bfrom\s+|\brequire\()(["'])([^"'./][^"']*)\1/g)].map((match) => match[2]);
  const undeclared = imported.filter((name) => !declared.has(name) && !name.startsWith('node:'));
  if (undeclared.length > 0) throw new Error(`dist/${file} imports undeclared packages: ${undeclared.join(', ')}`);
  if (imported.length === 0) throw new Error(`dist/${file}: no import of decimal.js found; is the import pattern still right?`);
}
if (!readdirSync(join(installed, 'dist')).includes('THIRD-PARTY-LICENSES.md')) throw new Error('dist/THIRD-PARTY-LICENSES.md is missing');
results.push('build imports only declared dependencies; bundled licenses ship');
// The package's own dependencies resolve from the repository's node_modules above the consumer folder.
writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'retention-metrics': '*' } }));
cpSync(join(root, 'test', 'packaging', 'smoke.mjs'), join(consumer, 'smoke.mjs'));
cpSync(join(root, 'test', 'packaging', 'smoke.cjs'), join(consumer, 'smoke.cjs'));
writeFileSync(join(consumer, 'run.mjs'), "import { ok } from './smoke.mjs';\nconsole.log(`${globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node esm'}: ${ok}`);\n");

run('node: ESM import', process.execPath, ['run.mjs'], { cwd: consumer });
run('node: CJS require', process.execPath, ['smoke.cjs'], { cwd: consumer });
run('deno', bin('deno'), ['run', '--allow-read', '--allow-env', '--node-modules-dir=manual', 'run.mjs'], { cwd: consumer, env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_DIR: join(consumer, '.deno') } });
run('bun', bin('bun'), ['run.mjs'], { cwd: consumer });

rmSync(consumer, { recursive: true, force: true });
console.log(`packaging: ${results.length} passed, 0 failed`);
