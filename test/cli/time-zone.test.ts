// Days the command prints or writes are days of --time-zone: an order at 23:30 in Los Angeles on
// 31 January is a 31 January order, though it is 1 February in UTC.
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir, writeTemp } from './memory-io.ts';

let file: string;

beforeAll(() => {
  file = writeTemp(tempDir(), 'late.csv', ['customer_id,created_at,total', 'a,2024-01-10 09:00,20.00', 'a,2024-01-31 23:30,30.00'].join('\n'));
});

describe('days in the report time zone', () => {
  test('the headline first and last order are local days', async () => {
    const r = await runCli(['report', file, '--time-zone', 'America/Los_Angeles', '--as-of', '2024-01-31']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/last order\s+2024-01-31/);
    expect(r.stdout).toMatch(/first order\s+2024-01-10/);
  });

  test('the last_order of the rfm and dormancy tables is a local day', async () => {
    for (const command of ['rfm', 'dormancy']) {
      const r = await runCli([command, file, '--time-zone', 'America/Los_Angeles', '--as-of', '2024-01-31', '--csv', 'out.csv']);
      expect(r.code).toBe(0);
      expect(r.written.get('out.csv')?.split('\n')[1]).toMatch(/^a,2024-01-31,/);
    }
  });
});
