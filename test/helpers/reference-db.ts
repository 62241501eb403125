// Test helper: an in-process DuckDB (single thread, in memory) holding the repository's reference data,
// for reference tests that check the library against the same rules written in SQL.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { CDNOW_MASTER, readCdnow } from '../../example/cdnow.ts';
import { ledger } from '../../src/input/ledger.ts';
import type { Ledger, TransactionRecord } from '../../src/input/types.ts';

/** A result row as plain JavaScript values. */
export type Row = Record<string, unknown>;

/** The benchmark harness's hand-made edge file (copied with its provenance into test/fixtures). */
export const BENCH_EDGE = fileURLToPath(new URL('../fixtures/bench-edge.csv', import.meta.url));

/** The edge file's rows as records. */
export function benchEdgeRecords(): TransactionRecord[] {
  return readFileSync(BENCH_EDGE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [customerId = '', orderId = '', date = '', amount = ''] = line.split(',');
      return { customerId, orderId, date, amount };
    });
}

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** A fresh database with `run` and `query`, and loaders for the reference data. */
export async function referenceDb() {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  const run = async (sql: string): Promise<void> => {
    await connection.run(sql);
  };
  return {
    run,
    query: async (sql: string): Promise<Row[]> => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    /** Table `name(line, customer, day, cents)`: one row per line of the CDNOW master file, in file order. */
    loadCdnow: (name: string) =>
      run(`
        CREATE TABLE ${name} AS
        SELECT line, parts[1] AS customer, strptime(parts[2], '%Y%m%d')::DATE AS day,
               CAST(round(CAST(parts[4] AS DECIMAL(18, 2)) * 100) AS BIGINT) AS cents
        FROM (
          SELECT row_number() OVER () AS line, string_split_regex(trim(column0), '\\s+') AS parts
          FROM read_csv(${quote(CDNOW_MASTER)}, delim = '\\x01', header = true, columns = {'column0': 'VARCHAR'})
        )`),
    /** Table `name(customer, day, cents)` of the benchmark edge file, days in UTC. */
    loadBenchEdge: (name: string) =>
      run(`
        CREATE TABLE ${name} AS
        SELECT customer_id AS customer, (ordered_at AT TIME ZONE 'UTC')::DATE AS day, CAST(round(amount * 100) AS BIGINT) AS cents
        FROM read_csv(${quote(BENCH_EDGE)}, header = true,
                      columns = {'customer_id': 'VARCHAR', 'order_id': 'VARCHAR', 'ordered_at': 'TIMESTAMPTZ', 'amount': 'DECIMAL(18, 2)'})`),
  };
}

/** The CDNOW master file as a ledger, and a fresh database holding it as table `table`. */
export async function cdnowReference(table: string) {
  const db = await referenceDb();
  await db.loadCdnow(table);
  return { book: ledger(readCdnow()), db };
}

/**
 * The CDNOW master file and the benchmark edge file as ledgers, and a query on a fresh database that
 * holds the same two files as tables `cdnow` and `edge`: the setup of the segment reference tests.
 */
export async function cdnowAndEdgeReference(): Promise<{ cdnow: Ledger; edge: Ledger; query: (sql: string) => Promise<Row[]> }> {
  const { book, db } = await cdnowReference('cdnow');
  await db.loadBenchEdge('edge');
  return { cdnow: book, edge: ledger(benchEdgeRecords()), query: db.query };
}
