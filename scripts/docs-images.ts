// Draws the pictures of the guides into docs/images/: the first screen of the HTML report the command
// writes for the shipped CDNOW data, and a notebook cell's display of a cohort table, each as Chromium
// renders it (Debian's `chromium`, driven by playwright-core). Run: `npx tsx scripts/docs-images.ts`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readCdnow } from '../example/cdnow.ts';
import { Cohort, JUPYTER_DISPLAY, ledger } from '../src/notebook.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const images = join(root, 'docs', 'images');
const work = mkdtempSync(join(tmpdir(), 'retention-metrics-images-'));
mkdirSync(images, { recursive: true });

const report = join(work, 'report.html');
execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'src', 'cli.ts'), 'report', join(root, 'data', 'cdnow', 'CDNOW_master.txt'), '--html', report], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

// A notebook cell as JupyterLab shows it: the code, then the display of its last expression.
const table = Cohort.from(ledger(readCdnow(), { currency: 'USD' })).by('month').asOf('1998-06-30T23:59:59Z').table();
const cell = `Cohort.from(book).by('month').asOf('1998-06-30T23:59:59Z').table()`;
const notebook = join(work, 'notebook.html');
writeFileSync(
  notebook,
  `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 16px 24px; font: 14px system-ui, sans-serif; background: #fff; }
pre { background: #f5f5f5; border: 1px solid #e0e0e0; padding: 8px 12px; font: 13px monospace; }
</style></head><body><pre>[3]: ${cell}</pre>${table[JUPYTER_DISPLAY]()['text/html']}</body></html>`,
);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1300 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: join(images, 'report.png') });
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(pathToFileURL(notebook).href);
  await page.screenshot({ path: join(images, 'notebook.png') });
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
