#!/usr/bin/env node
// After the build: what a consumer's bundler ships for an import of one function of the package, and
// for the whole package. Each import is bundled from the built dist/ as an installed package is (the
// `exports` of package.json, decimal.js included) with esbuild `--bundle --minify --platform=neutral`,
// and its size printed in kB (1,000 bytes) as a Markdown table, the table of README.md.
//
//   npx tsup && node scripts/bundle-sizes.mjs
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'esbuild';
import { decodeMappings } from './source-map-vlq.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The imports measured: a name of the root entry (or `*` for all of it), and where it comes from. */
export const IMPORTS = [
  ['retentionRate', 'retention-metrics'],
  ['repeatCustomerRate', 'retention-metrics'],
  ['summarize', 'retention-metrics'],
  ['ledger', 'retention-metrics'],
  ['Cohort', 'retention-metrics'],
  ['rfm', 'retention-metrics'],
  ['tierFor', 'retention-metrics'],
  ['bgNbdModel', 'retention-metrics'],
  ['fitBgNbd', 'retention-metrics'],
  ['periodKey, periodStart', 'retention-metrics/calendar'],
  ['*', 'retention-metrics'],
];

/**
 * The minified bundle of one import, resolved from `consumer` (a folder whose node_modules holds the
 * package): its size, the bytes of it each input file gave (esbuild's metafile), and the source files
 * its code maps to. The package's source maps are followed back to its own `src/` files and to the
 * files of the packages bundled into it, so `sources` names each module the bundle kept code of.
 *
 * @param {string} names - names to import, comma separated, or `*` for the whole entry
 * @param {string} from - the entry: `retention-metrics` or `retention-metrics/calendar`
 * @param {string} consumer - the folder the import is resolved from
 * @returns {{ bytes: number, bytesByInput: Map<string, number>, sources: string[] }}
 */
export function bundleImport(names, from, consumer) {
  const contents = names === '*' ? `export * from '${from}';\n` : `export { ${names} } from '${from}';\n`;
  const result = esbuild.buildSync({
    stdin: { contents, resolveDir: consumer, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'neutral',
    format: 'esm',
    // Not written: the name only places the source map beside the code.
    outfile: join(consumer, 'bundle.js'),
    sourcemap: 'external',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles.find((file) => file.path.endsWith('.js'));
  const map = JSON.parse(result.outputFiles.find((file) => file.path.endsWith('.js.map')).text);
  const used = new Set(decodeMappings(map.mappings).flatMap((line) => line.filter((segment) => segment.length >= 4).map((segment) => segment[1])));
  const [, output] = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.js'));
  return {
    bytes: code.contents.length,
    bytesByInput: new Map(Object.entries(output.inputs).map(([path, { bytesInOutput }]) => [path, bytesInOutput])),
    sources: map.sources.filter((_, index) => used.has(index)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // A consumer folder outside the repository whose node_modules links to it, so that the import is
  // resolved through package.json `exports` as a user's is (and not through the repository's tsconfig).
  const consumer = mkdtempSync(join(tmpdir(), 'retention-metrics-bundle-'));
  try {
    mkdirSync(join(consumer, 'node_modules'));
    symlinkSync(root, join(consumer, 'node_modules', 'retention-metrics'), 'dir');
    console.log('| import | minified |\n| --- | ---: |');
    for (const [names, from] of IMPORTS) {
      const label = names === '*' ? `everything in \`${from}\`` : from === 'retention-metrics' ? `\`${names}\`` : `\`${names}\` from \`${from}\``;
      console.log(`| ${label} | ${(bundleImport(names, from, consumer).bytes / 1000).toFixed(1)} kB |`);
    }
  } finally {
    rmSync(consumer, { recursive: true, force: true });
  }
}
