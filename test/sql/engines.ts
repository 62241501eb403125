// Test helper: the two engines the emitted SQL is checked on — DuckDB (in process) and PostgreSQL as
// PGlite (PostgreSQL compiled to WebAssembly, in process) — each loading events into a table
// `orders(customer_id text, created_at timestamptz, total decimal(18, 2), order_id text)` and running a query.
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { DialectName, ResultRow, SqlQuery } from '../../src/sql.ts';

/** An event as loaded: customer, instant (epoch ms) and amount as a decimal string in major units. */
export interface EngineEvent {
  readonly customerId: string;
  readonly ms: number;
  readonly amount: string;
  /** The order the line belongs to, if any. */
  readonly orderId?: string;
}

/** An engine: load a table of events, run an emitted query, close. */
export interface Engine {
  readonly dialect: DialectName;
  load(table: string, events: readonly EngineEvent[]): Promise<void>;
  run(query: SqlQuery): Promise<ResultRow[]>;
  close(): Promise<void>;
}

/** Events as CSV lines `customer,ISO instant with Z,amount,order` (ids hold no comma or quote; no order: empty, NULL). */
function csv(events: readonly EngineEvent[]): string {
  return events.map((e) => `${e.customerId},${new Date(e.ms).toISOString()},${e.amount},${e.orderId ?? ''}\n`).join('');
}

/** DuckDB in memory, one thread, its session zone left as the process's (the SQL must not read it). */
export async function duckdbEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  return {
    dialect: 'duckdb',
    async load(table, events) {
      await connection.run(`CREATE OR REPLACE TABLE ${table} (customer_id VARCHAR, created_at TIMESTAMPTZ, total DECIMAL(18, 2), order_id VARCHAR)`);
      if (events.length === 0) return;
      const appender = await connection.createAppender(table);
      for (const e of events) {
        appender.appendVarchar(e.customerId);
        appender.appendVarchar(new Date(e.ms).toISOString());
        appender.appendVarchar(e.amount);
        if (e.orderId === undefined) appender.appendNull();
        else appender.appendVarchar(e.orderId);
        appender.endRow();
      }
      appender.closeSync();
    },
    async run(query) {
      const reader = await connection.runAndReadAll(query.text, [...query.params]);
      return reader.getRowObjectsJS() as ResultRow[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** PostgreSQL as PGlite, its session zone set far from UTC (the SQL must not read it). */
export async function postgresEngine(): Promise<Engine> {
  const db = await PGlite.create();
  await db.exec(`SET TimeZone = 'Pacific/Chatham'`);
  return {
    dialect: 'postgres',
    async load(table, events) {
      await db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (customer_id text, created_at timestamptz, total numeric(18, 2), order_id text)`);
      if (events.length === 0) return;
      await db.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv(events)]) });
    },
    async run(query) {
      const result = await db.query<ResultRow>(query.text, [...query.params]);
      return result.rows;
    },
    async close() {
      await db.close();
    },
  };
}

/** The engines every equality suite runs on. */
export type EngineName = 'duckdb' | 'postgres';

/**
 * Start DuckDB and PGlite once for the test file (beforeAll), load `tables` into both,
 * and close them after (afterAll). PGlite takes seconds to start: one pair serves all of a file's tests.
 *
 * @param tables - the tables to load into both engines, by name
 * @returns the engine of a name, once started
 */
export function useEngines(tables: Readonly<Record<string, readonly EngineEvent[]>>): (name: EngineName) => Engine {
  let engines: Record<EngineName, Engine> | undefined;
  beforeAll(async () => {
    const [duckdb, postgres] = await Promise.all([duckdbEngine(), postgresEngine()]);
    engines = { duckdb, postgres };
    for (const [table, events] of Object.entries(tables)) await Promise.all([duckdb, postgres].map((engine) => engine.load(table, events)));
  }, 120_000);
  afterAll(async () => {
    if (engines !== undefined) await Promise.all([engines.duckdb, engines.postgres].map((engine) => engine.close()));
  });
  return (name) => {
    if (engines === undefined) throw new Error('the engines have not started');
    return engines[name];
  };
}
