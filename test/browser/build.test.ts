// What the browser build holds, read from its files: it imports nothing but its own files, leaves the
// Node DOM implementation out, has a source map per file, names its licenses notice in every file, and
// that notice lists every package the source maps trace code to. The package's `exports` name its files.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSER_ENTRIES, buildBrowser } from '../../scripts/build-browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

let work: string | undefined;
let build: Awaited<ReturnType<typeof buildBrowser>> | undefined;

function built(): NonNullable<typeof build> {
  if (build === undefined) throw new Error('the build did not run');
  return build;
}

const code = (file: string): string => readFileSync(join(built().outdir, file), 'utf8');

/** The package (the last `node_modules/<name>` of a path) each source of the build's maps is in. */
function mappedPackages(): Set<string> {
  const names = new Set<string>();
  for (const { file } of built().files) {
    const map = JSON.parse(code(`${file}.map`)) as { sources: string[] };
    for (const source of map.sources) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(source);
      if (match?.[1] !== undefined) names.add(match[1]);
    }
  }
  return names;
}

describe('the browser build', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'retention-metrics-browser-build-'));
    build = await buildBrowser({ outdir: join(work, 'browser') });
  }, 60_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  test('has one file per public entry, the charts included', () => {
    expect(Object.keys(BROWSER_ENTRIES).sort()).toEqual(['calendar', 'charts', 'index', 'sql']);
    for (const entry of Object.keys(BROWSER_ENTRIES)) expect(built().loads[`${entry}.js`]?.files).toContain(`${entry}.js`);
  });

  test('imports nothing but its own files, by relative URLs', () => {
    for (const { file } of built().files) {
      // Static and dynamic imports and re-exports, as TypeScript's import scanner finds them.
      const specifiers = ts.preProcessFile(code(file), true, true).importedFiles.map((imported) => imported.fileName);
      expect(specifiers.filter((specifier) => !specifier.startsWith('./') && !specifier.startsWith('../')), file).toEqual([]);
      for (const specifier of specifiers) expect(existsSync(new URL(specifier, pathToFileURL(join(built().outdir, file)))), `${file} → ${specifier}`).toBe(true);
    }
  });

  test('bundles decimal.js, the @stdlib functions, Observable Plot and d3, and leaves linkedom out', () => {
    const packages = mappedPackages();
    for (const name of ['decimal.js', '@stdlib/math-base-special-gammaln', '@observablehq/plot', 'd3-scale']) expect(packages).toContain(name);
    expect([...packages].filter((name) => name.startsWith('linkedom') || name === 'htmlparser2')).toEqual([]);
  });

  test('a page that imports only the root entry loads no code of Observable Plot', () => {
    const loaded = built().loads['index.js']?.files ?? [];
    expect(loaded.length).toBeGreaterThan(0);
    for (const file of loaded) {
      const map = JSON.parse(code(`${file}.map`)) as { sources: string[] };
      expect(map.sources.filter((source) => /node_modules\/(?:@observablehq|d3-)/.test(source)), file).toEqual([]);
    }
  });

  test('every file links its source map, which is beside it', () => {
    for (const { file } of built().files) {
      const text = code(file);
      expect(text.trimEnd().endsWith(`//# sourceMappingURL=${file.split('/').pop() ?? ''}.map`), file).toBe(true);
      expect(existsSync(join(built().outdir, `${file}.map`)), file).toBe(true);
    }
  });

  test('every file names the licenses notice beside it', () => {
    for (const { file } of built().files) expect(code(file).split('\n')[0], file).toMatch(/^\/\*! retention-metrics .*THIRD-PARTY-LICENSES\.md \*\/$/);
  });

  test('the licenses notice lists every package the source maps trace code to, with a license text', () => {
    const notice = code('THIRD-PARTY-LICENSES.md');
    const listed = new Set([...notice.matchAll(/^- ((?:@[^/\s]+\/)?[^@\s]+)@/gm)].map((match) => match[1]));
    expect([...mappedPackages()].filter((name) => !listed.has(name))).toEqual([]);
    expect(notice).toMatch(/decimal\.js@[\d.]+ \(MIT\)/);
    expect(notice).toMatch(/@observablehq\/plot@[\d.]+ \(ISC\)/);
    expect(notice).toContain('Permission to use, copy, modify, and/or distribute this software for any');
  });

  test('the package exports name the browser files for import, and the CommonJS build for require', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    for (const entry of Object.keys(BROWSER_ENTRIES)) {
      const subpath = entry === 'index' ? './browser' : `./browser/${entry}`;
      expect(manifest.exports[subpath], subpath).toEqual({
        import: { types: `./dist/${entry}.d.ts`, default: `./dist/browser/${entry}.js` },
        require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
      });
    }
  });
});
