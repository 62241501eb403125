/**
 * The format of an input file, from the caller's word or the file's extension.
 *
 * @module
 */
import { basename } from 'node:path';
import { CliInputError } from './cli-input-error.ts';

/** The formats the readers read. */
export type OrdersFormat = 'csv' | 'parquet' | 'ndjson';

/** Extensions of each format (a further `.gz` is gunzipped). */
const EXTENSIONS: Readonly<Record<string, OrdersFormat>> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  tab: 'csv',
  psv: 'csv',
  parquet: 'parquet',
  pq: 'parquet',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
};

/**
 * The format to read `file` as: `given` when set, else the one its extension names (`.csv`, `.tsv`,
 * `.txt` → CSV, `.parquet` → Parquet, `.ndjson`/`.jsonl` → NDJSON; a trailing `.gz` is looked through).
 *
 * @param file - the path
 * @param given - the format named by the caller
 * @returns the format
 * @throws {@link CliInputError} when the extension names no format and none is given, or `given` is not one
 *
 * @example
 * ```ts
 * import { formatOf } from './format.ts';
 * formatOf('exports/orders.jsonl.gz', undefined); // => 'ndjson'
 * formatOf('orders.dat', 'csv'); // => 'csv'
 * ```
 */
export function formatOf(file: string, given: string | undefined): OrdersFormat {
  const fix = 'Name a .csv, .tsv, .txt, .parquet, .ndjson or .jsonl file (optionally .gz), or pass --format csv|parquet|ndjson.';
  if (given !== undefined) {
    if (given === 'csv' || given === 'parquet' || given === 'ndjson') return given;
    throw new CliInputError({ file, value: given, reason: `${JSON.stringify(given)} is not a format that can be read`, fix });
  }
  const name = basename(file).toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  const format = dot < 0 ? undefined : EXTENSIONS[name.slice(dot + 1)];
  if (format === undefined) {
    const what = dot < 0 ? 'the file name has no extension' : `the extension ${JSON.stringify(name.slice(dot))} names no format that can be read`;
    throw new CliInputError({ file, reason: what, fix });
  }
  return format;
}
