// Temporary files for the reader tests: each test writes what it reads into its own directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CliInputError } from '../../../src/cli/input/read-orders.ts';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = mkdtempSync(join(tmpdir(), 'retention-cli-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Write `content` to a new file named `name` (in a fresh directory) and return its path. */
export function fileWith(name: string, content: string | Uint8Array): string {
  const path = pathFor(name);
  writeFileSync(path, content);
  return path;
}

/** A fresh directory path for a file the test writes itself. */
export function pathFor(name: string): string {
  const sub = mkdtempSync(join(dir, 'f'));
  return join(sub, name);
}

/** The CliInputError a promise rejects with (failing the test when it resolves or throws another). */
export async function inputError(promise: Promise<unknown>): Promise<CliInputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CliInputError) return error;
    throw error;
  }
  throw new Error('expected a CliInputError');
}

/** Runs one statement in a fresh in-memory DuckDB (to write a Parquet fixture). */
export async function duckdb(sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
