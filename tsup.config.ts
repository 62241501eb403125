import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Options, defineConfig } from 'tsup';
import { insertionMap, markTopLevelPure } from './scripts/pure-top-level.mjs';

const DECIMAL_MODULE = fileURLToPath(new URL('src/decimal.ts', import.meta.url));

const library: Options = {
  // `index`, `calendar`, `sql`, `charts` and `notebook` are the package's entries (package.json `exports`);
  // `charts` (and `notebook`, which draws with it) alone import @observablehq/plot and linkedom, which stay
  // external (optional dependencies). The
  // other two are files of their own so that a consumer's bundler, which keeps or drops whole files of a package declared
  // free of side effects, drops them when nothing it keeps uses them: `decimal` is the one module that
  // imports decimal.js (see `esbuildPlugins`; an import of it in index.js would keep decimal.js in every
  // bundle), `special-functions` holds the bundled @stdlib code and its license comments, which a
  // minifier keeps for every file it includes even when their code is dropped.
  entry: {
    index: 'src/index.ts',
    calendar: 'src/calendar.ts',
    sql: 'src/sql.ts',
    charts: 'src/charts.ts',
    notebook: 'src/notebook.ts',
    decimal: 'src/decimal.ts',
    'special-functions': 'src/models/special.ts',
  },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', calendar: 'src/calendar.ts', sql: 'src/sql.ts', charts: 'src/charts.ts', notebook: 'src/notebook.ts' } },
  tsconfig: 'tsconfig.build.json',
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  // The two builds run at once, so neither empties dist/: the `build` script does, before both.
  clean: false,
  treeshake: true,
  // Code the entries share (the calendar, the errors) is in shared chunks, so an error thrown by a
  // calendar or sql function is an instance of the class `retention-metrics` exports, in ESM and in CJS.
  splitting: true,
  // The special functions are bundled (one file to load instead of ~90 packages); see THIRD-PARTY-LICENSES.md.
  // decimal.js is listed so that `esbuildPlugins` below decides where its imports go (it stays external).
  noExternal: [/^@stdlib\//, /^decimal\.js$/],
  // The charts' renderer and its DOM are optional dependencies, imported by the `charts` entry only; tsup
  // keeps only `dependencies` and `peerDependencies` external by itself.
  external: ['@observablehq/plot', 'linkedom'],
  esbuildPlugins: [
    {
      // Every other module's `import … from 'decimal.js'` is read from src/decimal.ts, which re-exports it.
      name: 'decimal-through-one-module',
      setup(build) {
        build.onResolve({ filter: /^decimal\.js$/ }, (args) =>
          args.importer === DECIMAL_MODULE ? { path: args.path, external: true } : { path: DECIMAL_MODULE },
        );
      },
    },
  ],
  plugins: [
    {
      name: 'pure-top-level',
      // Marks the top-level initializers of each ESM file pure (see scripts/pure-top-level.mjs), so that
      // a consumer's bundler drops the constants an import does not reach.
      renderChunk(code, info) {
        if (this.format !== 'esm' || info.type !== 'chunk' || !/\.js$/.test(info.path)) return undefined;
        const marked = markTopLevelPure(code, info.path);
        if (info.map === undefined || info.map === null) return { code: marked.code };
        return { code: marked.code, map: insertionMap(code, info.map, marked.insertions, info.path) };
      },
    },
  ],
};

/** The public entries the command imports, by source file: it loads their build beside it instead of a copy. */
const CLI_ENTRIES = new Map([
  [fileURLToPath(new URL('src/index.ts', import.meta.url)), './index.js'],
  [fileURLToPath(new URL('src/charts.ts', import.meta.url)), './charts.js'],
]);

// The `retention-metrics` command (package.json `bin`): one ESM file for Node that imports the
// library's own ESM entries (so a value or error class is the one the library exports) and bundles
// the few internal helpers it uses. Its readers, argument parser and chart renderer are optional
// dependencies and stay external, as does decimal.js. The shebang of src/cli.ts is kept at the top.
const cli: Options = {
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  tsconfig: 'tsconfig.build.json',
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: false,
  // The program is a chunk of its own, loaded by dist/cli.js with import(), so that its optional
  // dependencies are imported only when it loads (src/cli.ts says which one is missing).
  splitting: true,
  // `node:fs` stays `node:fs` (tsup strips the prefix by default): the package's import check, and
  // readers, tell built-ins from packages by it.
  removeNodeProtocol: false,
  treeshake: true,
  external: ['commander', 'csv-parse', 'hyparquet', '@observablehq/plot', 'linkedom', 'decimal.js'],
  esbuildPlugins: [
    {
      name: 'cli-imports-the-entries',
      setup(build) {
        build.onResolve({ filter: /(?:index|charts)\.ts$/ }, (args) => {
          const entry = CLI_ENTRIES.get(join(args.resolveDir, args.path));
          return entry === undefined ? undefined : { path: entry, external: true };
        });
      },
    },
  ],
};

export default defineConfig([library, cli]);
