// The real bin, spawned through tsx: exit codes and output of a separate process, standard input
// piped in. (In-process runs cover the behaviour; these check the wiring of src/cli.ts.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { tempDir, writeTemp } from './memory-io.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const BIN = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

function bin(args: readonly string[], input = '') {
  const r = spawnSync(TSX, [BIN, ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the bin', () => {
  test('a small report exits 0 with the report on standard output and the note on standard error', () => {
    const path = writeTemp(tempDir(), 'orders.csv', 'customer_id,created_at,total\na,2024-01-01,10\na,2024-02-01,5\nb,2024-01-15,7\n');
    const r = bin(['dormancy', path]);
    expect(r.stderr).toContain('Columns guessed');
    expect(r.stdout).toContain('orders.csv: 3 records, 2 customers');
    expect(r.code).toBe(0);
  });

  test('bad data exits 1 with one line on standard error and no stack', () => {
    const r = bin(['report', writeTemp(tempDir(), 'empty.csv', '')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: empty\.csv: /)]);
  });

  test('bad usage exits 2', () => {
    expect(bin(['report', 'x.csv', '--period', 'fortnight']).code).toBe(2);
  });

  test('score reads standard input', () => {
    const model = writeTemp(tempDir(), 'model.json', JSON.stringify({ model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' }));
    const r = bin(['score', '--model', model, '--output', 'ndjson'], '{"customer_id":"a","frequency":2,"recency":30.43,"T":38.86}\n');
    expect(r.code).toBe(0);
    const score = JSON.parse(r.stdout) as { customer_id: string; p_alive: number; expected_spend: number | null };
    expect(score.customer_id).toBe('a');
    expect(score.p_alive).toBeCloseTo(0.727, 3);
    expect(score.expected_spend).toBeNull();
  });
});
