/**
 * Parquet files into a {@link RawTable}, read with hyparquet (pure JavaScript).
 *
 * @module
 */
import type { SchemaTree } from 'hyparquet';
import { CliInputError } from './cli-input-error.ts';
import { Progress, type RawTable } from './raw-table.ts';
import { fileError, isGzip } from './source.ts';
import { isoDay } from '../../models/time-unit.ts';


/**
 * Read a Parquet file. Columns keep their values as hyparquet decodes them — strings, numbers, `bigint`s,
 * `Date`s for timestamps adjusted to UTC — except that `DATE` columns become `YYYY-MM-DD` strings (a day
 * in the ledger's time zone, not midnight UTC) and timestamps not adjusted to UTC become wall-clock
 * strings without a zone (read in the ledger's time zone).
 *
 * @param file - the path
 * @param onProgress - called once with the rows and the file's size
 * @returns the table; positions are 1-based rows
 * @throws {@link CliInputError} when the file is missing, gzipped, not Parquet, or holds no rows
 */
export async function readParquet(file: string, onProgress: ((rowsRead: number, bytesRead: number) => void) | undefined): Promise<RawTable> {
  if (isGzip(file)) {
    throw new CliInputError({ file, reason: 'a Parquet file cannot be gzipped as a whole', fix: 'Decompress it first (Parquet compresses its own pages).' });
  }
  // Loaded here, so that the command reads a text file without loading the Parquet decoder (the
  // command's build inlines this module; an import of an external package stays dynamic).
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } = await import('hyparquet');
  let buffer;
  try {
    buffer = await asyncBufferFromFile(file);
  } catch (error) {
    throw fileError(file, error);
  }
  let rows: Array<Record<string, unknown>>;
  let columns: string[];
  try {
    const metadata = await parquetMetadataAsync(buffer);
    const schema = parquetSchema(metadata);
    columns = schema.children.map((child) => child.element.name);
    const localTimestamps = new Set(schema.children.filter(isLocalTimestamp).map((child) => child.element.name));
    // DATE columns as YYYY-MM-DD: a calendar day, read in the ledger's time zone, not an instant.
    rows = await parquetReadObjects({ file: buffer, metadata, parsers: { dateFromDays: isoDay } });
    if (localTimestamps.size > 0) for (const row of rows) wallClock(row, localTimestamps);
  } catch (error) {
    throw new CliInputError({
      file,
      reason: `the file cannot be read as Parquet (${error instanceof Error ? error.message : String(error)})`,
      fix: 'Check that it is a Parquet file, or pass --format with its format.',
    }, { cause: error });
  }
  if (rows.length === 0) {
    throw new CliInputError({ file, reason: 'the file has columns but no rows', fix: 'A file of orders needs one row per order.' });
  }
  new Progress(onProgress, () => buffer.byteLength).done(rows.length);
  return { columns, records: rows, lines: rows.map((_, i) => i + 1), position: 'row' };
}

/** Whether a column holds timestamps without a zone (wall-clock times). */
function isLocalTimestamp(node: SchemaTree): boolean {
  const logical = node.element.logical_type;
  return logical?.type === 'TIMESTAMP' && !logical.isAdjustedToUTC;
}

/** A wall-clock timestamp, decoded as if it were UTC, as a string without a zone. */
function wallClock(row: Record<string, unknown>, names: ReadonlySet<string>): void {
  for (const name of names) {
    const value = row[name];
    if (value instanceof Date && !Number.isNaN(value.getTime())) row[name] = value.toISOString().slice(0, -1);
  }
}
