#!/usr/bin/env node
// The browser build: dist/browser/, ES modules with every dependency bundled, for a page, an Observable
// notebook or Deno importing the package by URL with no import map and no npm resolution.
//
// One file per public entry (`index.js`, `calendar.js`, `sql.js`, `charts.js`) and the code two entries
// share in files under `chunks/`, which the entries import by relative URLs. So a page that imports
// only the metrics never loads the chart renderer, and a page importing two entries loads each module
// once: a `Decimal` or an error class is one class whichever entry it came from (`instanceof` holds
// across entries). The charts entry's document comes from the page (`globalThis.document`); the DOM
// implementation the Node build uses is replaced, not bundled.
//
//   node scripts/build-browser.mjs            # writes dist/browser and prints the sizes
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild from 'esbuild';
import { licenseNotice } from './third-party-licenses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The public entries of the browser build: output name → source module. */
export const BROWSER_ENTRIES = {
  index: 'src/index.ts',
  calendar: 'src/calendar.ts',
  sql: 'src/sql.ts',
  charts: 'src/charts.ts',
};

/**
 * The module that stands in for `linkedom` in the browser build: the page's own document. The charts
 * use a document of their own only where `globalThis.document` is missing; there this one says what to
 * do. It exports only what the charts import (a new import of linkedom fails the build, not a page).
 */
const PAGE_DOCUMENT = `
function pageDocument() {
  const document = globalThis.document;
  if (document === undefined || document === null) {
    throw new Error('retention-metrics browser build: charts need a DOM: run them in a page, set globalThis.document to a DOM document, or import the package from npm (Node, Deno, Bun), whose charts bring their own');
  }
  return document;
}
export function parseHTML() {
  const document = pageDocument();
  return { document, window: document.defaultView ?? globalThis };
}
`;

/** Resolves every import of `linkedom` to {@link PAGE_DOCUMENT}. */
const pageDocumentPlugin = {
  name: 'page-document',
  setup(build) {
    build.onResolve({ filter: /^linkedom(?:\/.*)?$/ }, () => ({ path: 'linkedom', namespace: 'page-document' }));
    build.onLoad({ filter: /.*/, namespace: 'page-document' }, () => ({ contents: PAGE_DOCUMENT, loader: 'js' }));
  },
};

/**
 * The npm packages whose code is in the build: those of the input files that gave bytes to an output
 * (a package a bundled module imports but whose code was all left out is not listed).
 */
function bundledPackages(metafile) {
  const names = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(input);
      if (match !== null && bytesInOutput > 0) names.add(match[1]);
    }
  }
  return [...names].sort();
}

/**
 * Builds the browser ESM build into `outdir` (emptied first): minified ES2022 modules with source maps,
 * a shared chunk per group of modules two entries share, and `THIRD-PARTY-LICENSES.md` for the
 * packages bundled into it.
 *
 * @param {{ outdir?: string, minify?: boolean }} [options] - `outdir` defaults to dist/browser
 * @returns {Promise<{ outdir: string, packages: string[], files: Array<{ file: string, bytes: number, gzipBytes: number }>, loads: Record<string, { files: string[], bytes: number, gzipBytes: number }> }>}
 *   the files written (paths relative to `outdir`) with their sizes, the bundled packages, and for each
 *   entry the files a page loads when it imports that entry (the entry and its chunks) and their total
 */
export async function buildBrowser(options = {}) {
  const outdir = options.outdir ?? join(root, 'dist', 'browser');
  rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: BROWSER_ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: options.minify ?? true,
    // The maps name each position's source file and line (stack traces and a debugger show them), without
    // the sources' text: the package ships the built files only, and the text would triple the maps.
    sourcemap: true,
    sourcesContent: false,
    // License texts live in THIRD-PARTY-LICENSES.md beside the files, named by the banner of each.
    legalComments: 'none',
    banner: { js: '/*! retention-metrics browser build | MIT License | bundled packages and their licenses: THIRD-PARTY-LICENSES.md */' },
    chunkNames: 'chunks/[name]-[hash]',
    entryNames: '[name]',
    metafile: true,
    tsconfig: join(root, 'tsconfig.build.json'),
    plugins: [pageDocumentPlugin],
    logLevel: 'error',
  });
  const packages = bundledPackages(result.metafile);
  writeFileSync(
    join(outdir, 'THIRD-PARTY-LICENSES.md'),
    licenseNotice(packages, 'The browser build of retention-metrics (the files of this folder) includes code from the packages below.'),
  );

  const size = (path) => {
    const bytes = readFileSync(path);
    return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const files = Object.keys(result.metafile.outputs)
    .filter((path) => path.endsWith('.js'))
    .map((path) => ({ file: relative(outdir, join(root, path)), ...size(join(root, path)) }))
    .sort((a, b) => a.file.localeCompare(b.file));
  const byFile = new Map(files.map((file) => [file.file, file]));
  const loads = {};
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    const seen = new Set();
    const visit = (out) => {
      if (seen.has(out)) return;
      seen.add(out);
      for (const imported of result.metafile.outputs[out]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(path);
    const total = [...seen].map((out) => byFile.get(relative(outdir, join(root, out)))).filter((file) => file !== undefined);
    loads[relative(outdir, join(root, path))] = {
      files: total.map((file) => file.file).sort(),
      bytes: total.reduce((sum, file) => sum + file.bytes, 0),
      gzipBytes: total.reduce((sum, file) => sum + file.gzipBytes, 0),
    };
  }
  return { outdir, packages, files, loads };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const { outdir, packages, files, loads } = await buildBrowser();
  const maps = readdirSync(outdir, { recursive: true }).filter((file) => String(file).endsWith('.map')).length;
  console.log(`${relative(root, outdir)}: ${files.length} modules, ${maps} source maps, ${packages.length} bundled packages`);
  for (const file of files) console.log(`  ${file.file}: ${kB(file.bytes)} minified, ${kB(file.gzipBytes)} gzip`);
  for (const [entry, load] of Object.entries(loads)) console.log(`  import of ${entry} loads ${kB(load.bytes)} minified, ${kB(load.gzipBytes)} gzip`);
}
