import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkloadCsvFile } from '../../bench/workload/read-csv.mjs';

// The benchmark's CSV reader reads a file a buffer at a time: every row must come out the same
// whatever the buffer size, lines cut anywhere between reads.
const folder = mkdtempSync(join(tmpdir(), 'read-csv-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text, 'latin1');
  return path;
};

const HEADER = 'customer_id,order_id,ordered_at,amount\n';
const ROWS =
  'c1,o1,2023-01-15T10:00:00Z,10.00\n' +
  '\n' +
  'c22,,2023-01-16T10:00:00Z,-5.25\r\n' +
  'c0000333,o0000003,2024-02-29T23:59:59Z,0.00\n' +
  'c4,o4,1969-12-31T00:00:01Z,123456.78';

describe('readWorkloadCsvFile', () => {
  it('reads ids, instants and cents, skipping the header and empty lines', () => {
    const columns = readWorkloadCsvFile(file('rows.csv', HEADER + ROWS));
    expect(columns.rows).toBe(4);
    expect([...columns.customer]).toEqual([1, 22, 333, 4]);
    expect([...columns.time]).toEqual([
      Date.UTC(2023, 0, 15, 10),
      Date.UTC(2023, 0, 16, 10),
      Date.UTC(2024, 1, 29, 23, 59, 59),
      Date.UTC(1969, 11, 31, 0, 0, 1),
    ]);
    expect([...columns.cents]).toEqual([1000, -525, 0, 12345678]);
  });

  it('gives the same columns for every buffer size, with or without a final newline', () => {
    for (const text of [HEADER + ROWS, HEADER + ROWS + '\n']) {
      const path = file('sizes.csv', text);
      const whole = readWorkloadCsvFile(path, { readBytes: 1 << 16 });
      for (const readBytes of [1, 2, 3, 7, 31, 38, 39, 40, 64, 100]) {
        const columns = readWorkloadCsvFile(path, { readBytes });
        expect({ readBytes, ...columns }).toEqual({ readBytes, ...whole });
      }
    }
  });

  it('reads a header alone, or nothing, as no rows', () => {
    expect(readWorkloadCsvFile(file('header.csv', HEADER)).rows).toBe(0);
    expect(readWorkloadCsvFile(file('header-only.csv', HEADER.trim())).rows).toBe(0);
    expect(readWorkloadCsvFile(file('empty.csv', '')).rows).toBe(0);
  });

  it('names the line of a malformed row, whatever the buffer size', () => {
    const path = file('bad.csv', HEADER + 'c1,o1,2023-01-15T10:00:00Z,10.00\nc2,o2,2023-01-15T10:00:00Z,10.0\n');
    for (const readBytes of [5, 1 << 20]) {
      expect(() => readWorkloadCsvFile(path, { readBytes })).toThrow('line 3: amount must have two decimals');
    }
    expect(() => readWorkloadCsvFile(file('id.csv', HEADER + 'x1,o1,2023-01-15T10:00:00Z,10.00\n'))).toThrow('line 2: customer_id must start with "c"');
    expect(() => readWorkloadCsvFile(file('date.csv', HEADER + 'c1,o1,2023-13-15T10:00:00Z,10.00\n'))).toThrow('line 2: ordered_at');
    expect(() => readWorkloadCsvFile(file('short.csv', HEADER + 'c1,o1,2023-01-15\n'))).toThrow('line 2: ordered_at');
  });
});
