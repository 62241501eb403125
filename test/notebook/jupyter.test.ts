// A notebook run headless by Jupyter's client (nbclient) on Deno's kernel: the last expression of a
// cell shows as the MIME bundle of the notebook entry's display. Skipped where no Python with nbclient
// is installed (Debian: python3-nbclient), unless RETENTION_METRICS_REQUIRE_SERVERS=1.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const deno = join(root, 'node_modules', '.bin', 'deno');
const runner = fileURLToPath(new URL('./run-notebook.py', import.meta.url));

/** The first Python that has Jupyter's notebook client, or `undefined`. */
const python = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['-c', 'import nbclient'], { stdio: 'ignore' }).status === 0);

interface Output {
  output_type: string;
  data?: Record<string, string>;
  text?: string;
}

/** Whether a missing notebook client fails the run (`RETENTION_METRICS_REQUIRE_SERVERS=1`, as in CI) rather than skipping. */
const required = process.env.RETENTION_METRICS_REQUIRE_SERVERS === '1';

test.runIf(required)('the notebook client and Deno are installed where they are required', () => {
  expect({ python: python !== undefined, deno: existsSync(deno) }).toEqual({ python: true, deno: true });
});

describe.skipIf(python === undefined || !existsSync(deno))("a notebook on Deno's Jupyter kernel", () => {
  const work = mkdtempSync(join(tmpdir(), 'notebook-jupyter-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Run the cells on a kernel spec of the project's Deno written here; the outputs of each cell. */
  function run(cells: string[]): Output[][] {
    mkdirSync(join(work, 'kernels', 'deno-test'), { recursive: true });
    const spec = { argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], display_name: 'Deno', language: 'typescript' };
    writeFileSync(join(work, 'kernels', 'deno-test', 'kernel.json'), JSON.stringify(spec));
    const out = execFileSync(python ?? 'python3', [runner, JSON.stringify(cells), 'deno-test', root], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        JUPYTER_PATH: work,
        JUPYTER_DATA_DIR: join(work, 'data'),
        JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
        JUPYTER_CONFIG_DIR: join(work, 'config'),
        DENO_DIR: join(work, 'deno-dir'),
        DENO_NO_UPDATE_CHECK: '1',
        NO_COLOR: '1',
      },
      timeout: 300_000,
    });
    return JSON.parse(out) as Output[][];
  }

  test('the last expression of each cell shows as its table, with the chart where one applies', () => {
    const entry = pathToFileURL(join(root, 'src', 'notebook.ts')).href;
    const outputs = run([
      `import { Cohort, display, fitBgNbd, ledger, summarize } from '${entry}';\nimport * as core from '${pathToFileURL(join(root, 'src', 'index.ts')).href}';`,
      `const book = ledger([\n  { customerId: 'a', date: '2024-01-03', amount: '10.00' },\n  { customerId: 'b', date: '2024-01-09', amount: '20.00' },\n  { customerId: 'a', date: '2024-02-11', amount: '1500.00' },\n], { currency: 'EUR' });\nsummarize(book)`,
      `Cohort.from(book).asOf('2024-03-31T23:59:59Z').table()`,
      `fitBgNbd({ x: [0, 1, 2, 5, 3, 10, 1, 4], tx: [0, 5, 20, 35, 8, 37, 30, 12], T: [38, 38, 38, 38, 38, 38, 38, 38], weight: [60, 15, 8, 5, 5, 2, 5, 4] })`,
      `display(core.periodLifecycle(book, { period: 'month' }))`,
    ]);
    const shown = outputs.map((cell) => cell.find((o) => o.output_type === 'execute_result')?.data ?? {});
    expect(shown[1]['text/html']).toContain('>EUR 1,530.00</td>');
    expect(shown[1]['text/plain']).toMatch(/Gross revenue\s+EUR 1,530\.00/);
    expect(shown[2]['text/html']).toContain('>50.0%</td>');
    expect(shown[2]['text/html']).toContain('<svg');
    expect(shown[3]['text/plain']).toContain('BG/NBD parameters');
    expect(shown[4]['text/html']).toMatch(/Customer lifecycle[\s\S]*<svg/);
  });
});
