/**
 * The customer histories the `score` command reads on standard input: CSV with a header line, or
 * NDJSON (one JSON object per line). Columns by the names `forecast --csv` writes (`customer_id`,
 * `frequency`, `recency`, `T`, `monetary`) or the library's (`customerId`, `x`, `tx`, `T`, `zbar`).
 *
 * @module
 */
import { parse } from 'csv-parse';
import { CliDataError } from './errors.ts';

/** One customer history read, with the line it came from. */
export interface HistoryRow {
  /** The customer's id, or `null` when the input has no id column. */
  readonly customerId: string | null;
  /** Repeat purchases (`frequency`, `x`). */
  readonly x: number;
  /** Time of the last repeat purchase since the first (`recency`, `tx`). */
  readonly tx: number;
  /** Age: time since the first purchase (`T`). */
  readonly T: number;
  /** Mean spend per repeat purchase (`monetary`, `zbar`), or `null` when the input has none. */
  readonly zbar: number | null;
  /** 1-based line of standard input. */
  readonly line: number;
}

/** The names each field is read from, first match wins. */
const NAMES = {
  customerId: ['customer_id', 'customerId', 'customer', 'id'],
  x: ['frequency', 'x'],
  tx: ['recency', 'tx'],
  T: ['T', 'age'],
  zbar: ['monetary', 'monetary_value', 'zbar'],
} as const;

type Field = keyof typeof NAMES;

function pick(row: Readonly<Record<string, unknown>>, field: Field): { name: string; value: unknown } | null {
  for (const name of NAMES[field]) if (Object.hasOwn(row, name)) return { name, value: row[name] };
  return null;
}

function numberOf(row: Readonly<Record<string, unknown>>, field: Field, line: number, required: boolean): number | null {
  const found = pick(row, field);
  if (found === null || found.value === '' || found.value === null) {
    if (!required) return null;
    throw new CliDataError(`standard input, line ${line}: no "${NAMES[field][0]}" (one of the columns ${NAMES[field].join(', ')} is needed).`);
  }
  const n = typeof found.value === 'number' ? found.value : typeof found.value === 'string' && found.value.trim() !== '' ? Number(found.value) : Number.NaN;
  if (!Number.isFinite(n)) throw new CliDataError(`standard input, line ${line}, column "${found.name}": ${JSON.stringify(found.value)} is not a number.`);
  return n;
}

function historyOf(row: Readonly<Record<string, unknown>>, line: number): HistoryRow {
  const id = pick(row, 'customerId');
  return {
    customerId: id === null || id.value === null || id.value === undefined ? null : String(id.value),
    x: numberOf(row, 'x', line, true) ?? 0,
    tx: numberOf(row, 'tx', line, true) ?? 0,
    T: numberOf(row, 'T', line, true) ?? 0,
    zbar: numberOf(row, 'zbar', line, false),
    line,
  };
}

function readNdjson(text: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  text.split(/\r?\n/).forEach((source, i) => {
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      throw new CliDataError(`standard input, line ${i + 1}: not a JSON object.`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliDataError(`standard input, line ${i + 1}: not a JSON object.`);
    rows.push(historyOf(value as Record<string, unknown>, i + 1));
  });
  return rows;
}

interface CsvRecord {
  readonly info: { readonly lines: number };
  readonly record: Record<string, string>;
}

async function readCsv(text: string): Promise<HistoryRow[]> {
  const records = await new Promise<CsvRecord[]>((resolve, reject) => {
    parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true, info: true, delimiter: [',', ';', '\t'] }, (error, output: unknown) => {
      if (error === undefined) resolve(output as CsvRecord[]);
      else reject(new CliDataError(`standard input: not readable as CSV (${error.message}).`));
    });
  });
  return records.map((r) => historyOf(r.record, r.info.lines));
}

/**
 * Reads customer histories from text: NDJSON when the first non-blank character is `{`, else CSV.
 *
 * @param text - all of standard input
 * @returns the histories in input order
 * @throws {@link CliDataError} (the promise rejects with it) for empty input, a missing column or a value that is not a number,
 *   naming the line
 * @example
 * ```ts
 * import { readHistories } from './score-input.ts';
 * (await readHistories('customer_id,frequency,recency,T\na,2,30.43,38.86\n'))[0]; // => { customerId: 'a', x: 2, tx: 30.43, T: 38.86, zbar: null, line: 2 }
 * (await readHistories('{"id":"b","x":0,"tx":0,"T":10}\n'))[0]?.T; // => 10
 * ```
 */
export async function readHistories(text: string): Promise<HistoryRow[]> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new CliDataError('standard input is empty: pipe customer histories in (CSV with frequency, recency, T[, monetary], or NDJSON).');
  return body.trimStart().startsWith('{') ? readNdjson(body) : readCsv(body);
}
