/** A file of the browser build and its size. */
export interface BuiltFile {
  /** Its path relative to the output folder, with `/` separators (`index.js`, `chunks/chunk-….js`). */
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** What a page loads when it imports one entry: the entry and the chunks it imports, transitively. */
export interface EntryLoad {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** The browser build's public entries: output name → source module (relative to the project). */
export const BROWSER_ENTRIES: Readonly<Record<'index' | 'calendar' | 'sql' | 'charts', string>>;

/**
 * Builds the browser ESM build into `outdir` (default dist/browser, emptied first): minified modules
 * with source maps, shared chunks, and THIRD-PARTY-LICENSES.md for the bundled packages.
 */
export function buildBrowser(options?: { outdir?: string; minify?: boolean }): Promise<{
  outdir: string;
  packages: string[];
  files: BuiltFile[];
  loads: Record<string, EntryLoad>;
}>;
