// The notebook entry in Deno, the runtime of the Jupyter kernel: a script imports it (the TypeScript
// source, and a bundle built here), computes results and calls the method the kernel calls.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const deno = join(root, 'node_modules', '.bin', 'deno');
const work = mkdtempSync(join(tmpdir(), 'notebook-deno-'));

/** What the script prints: per result, its enumerable keys and the bundle the display method returns. */
interface Shown {
  keys: string[];
  symbolEnumerable: boolean;
  bundle: { 'text/html': string; 'text/plain': string };
}

/** A script computing a cohort table, a summary and a BG/NBD fit with `entry`, printing what they show. */
function script(entry: string): string {
  return `
import { Cohort, fitBgNbd, ledger, summarize } from ${JSON.stringify(entry)};
const book = ledger([
  { customerId: 'a', date: '2024-01-03', amount: '10.00' },
  { customerId: 'b', date: '2024-01-09', amount: '20.00' },
  { customerId: 'a', date: '2024-02-11', amount: '15.00' },
], { currency: 'EUR' });
const results = {
  cohort: Cohort.from(book).asOf('2024-03-31T23:59:59Z').table(),
  summary: summarize(book),
  fit: fitBgNbd({ x: [0, 1, 2, 5, 3, 10, 1, 4], tx: [0, 5, 20, 35, 8, 37, 30, 12], T: [38, 38, 38, 38, 38, 38, 38, 38], weight: [60, 15, 8, 5, 5, 2, 5, 4] }),
};
const key = Symbol.for('Jupyter.display');
const shown = Object.fromEntries(Object.entries(results).map(([name, value]) => [name, {
  keys: Object.keys(value),
  symbolEnumerable: Object.getOwnPropertyDescriptor(value, key)?.enumerable ?? null,
  bundle: (value as unknown as Record<symbol, () => unknown>)[key](),
}]));
console.log(JSON.stringify(shown));
`;
}

/** Run a script with Deno (its cache in the test's directory, no update check, no lock file written). */
function runDeno(file: string, cwd: string): Record<string, Shown> {
  const out = execFileSync(deno, ['run', '--no-lock', '--no-prompt', file], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DENO_DIR: join(work, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return JSON.parse(out) as Record<string, Shown>;
}

function expectShown(shown: Record<string, Shown>): void {
  expect(shown.cohort.keys).toEqual(['by', 'every', 'mode', 'brackets', 'timeZone', 'asOf', 'cohorts', 'average']);
  expect(shown.cohort.symbolEnumerable).toBe(false);
  expect(shown.cohort.bundle['text/html']).toContain('<td style="padding:2px 8px;border-bottom:1px solid #ddd;white-space:nowrap;text-align:right">50.0%</td>');
  expect(shown.cohort.bundle['text/plain']).toMatch(/2024-01\s+2\s+100\.0%\s+50\.0%/);
  expect(shown.summary.bundle['text/plain']).toMatch(/Gross revenue\s+EUR 45\.00/);
  expect(shown.fit.bundle['text/plain']).toContain('BG/NBD parameters');
}

describe.skipIf(!existsSync(deno))('the notebook entry in Deno', () => {
  const scratch = join(root, '.tmp', 'notebook-deno');
  beforeAll(() => mkdirSync(scratch, { recursive: true }));
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the TypeScript source imported by Deno displays its results', () => {
    // In the project, so that Deno resolves the source's npm imports from its node_modules.
    const file = join(scratch, 'display.ts');
    writeFileSync(file, script(pathToFileURL(join(root, 'src', 'notebook.ts')).href));
    expectShown(runDeno(file, root));
  });

  test('a bundle of the entry imported by Deno displays its results', async () => {
    const bundle = join(work, 'notebook.js');
    await build({ entryPoints: [join(root, 'src', 'notebook.ts')], bundle: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], outfile: bundle, logLevel: 'silent' });
    const file = join(work, 'display.ts');
    writeFileSync(file, script('./notebook.js'));
    expectShown(runDeno(file, work));
  });
});
