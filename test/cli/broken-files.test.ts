// The program on deliberately broken (and awkward but valid) CSV files written to a temporary
// directory: the exit code and the one-line message for each.
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDir, writeTemp } from './memory-io.ts';

let dir: string;

beforeAll(() => {
  dir = tempDir();
});

/** `rows` orders of three customers on distinct January days, as CSV lines after a header. */
function orders(rows: number, eol = '\n'): string {
  const lines = ['customer_id,created_at,total'];
  for (let i = 0; i < rows; i++) lines.push(`c${i % 3},2024-01-${String((i % 28) + 1).padStart(2, '0')},${10 + (i % 7)}.50`);
  return lines.join(eol) + eol;
}

describe('files that cannot be used: exit code 1 and a message naming the problem', () => {
  test('a column named by flag that the file lacks is named with the columns it has', async () => {
    const path = writeTemp(dir, 'missing-column.csv', orders(5));
    const r = await runCli(['rfm', path, '--customer', 'email']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: missing-column\.csv.*"email"/m);
    expect(r.stdout).toBe('');
  });

  test('no date column to guess is an error saying which flag to pass', async () => {
    const path = writeTemp(dir, 'no-date.csv', 'customer_id,total\na,10\n');
    const r = await runCli(['dormancy', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--date');
  });

  test('a bad date on line 1,234 is reported with that line, the column and the value', async () => {
    const lines = orders(1240).split('\n');
    lines[1233] = 'c1,2024-02-30,12.00'; // line 1,234 of the file (the header is line 1)
    const path = writeTemp(dir, 'bad-date.csv', lines.join('\n'));
    const r = await runCli(['report', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad-date.csv line 1,234');
    expect(r.stderr).toContain('"2024-02-30"');
    expect(r.stderr).toContain('created_at');
  });

  test('an amount the ledger refuses is mapped from the record to its line and column', async () => {
    const path = writeTemp(dir, 'bad-amount.csv', 'customer_id,created_at,total\na,2024-01-01,10\nb,2024-01-02,ten\n');
    const r = await runCli(['cohorts', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: bad-amount\.csv line 3: column "total": "ten" /m);
  });

  test('a wrong delimiter is named with the one the file seems to use', async () => {
    const path = writeTemp(dir, 'semicolons.csv', orders(5).replaceAll(',', ';'));
    const r = await runCli(['rfm', path, '--delimiter', ',']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--delimiter ";"');
  });

  test('an empty file is an error, not an empty report', async () => {
    const path = writeTemp(dir, 'empty.csv', '');
    const r = await runCli(['report', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: empty\.csv: the file is empty/m);
  });

  test('a file that does not exist is bad input', async () => {
    const r = await runCli(['rfm', `${dir}/nowhere.csv`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nowhere.csv');
  });

  test('the stack is shown only with --debug, for unexpected errors (data errors stay one line)', async () => {
    const path = writeTemp(dir, 'empty-debug.csv', '');
    const r = await runCli(['report', path, '--debug']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('awkward files that are fine: exit code 0', () => {
  test('a byte-order mark before the header does not hide the first column', async () => {
    const path = writeTemp(dir, 'bom.csv', `\uFEFF${orders(6)}`);
    const r = await runCli(['dormancy', path]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('customer = customer_id');
    expect(r.stdout).toMatch(/^Active \(≤ 90 days\) +3 /m);
  });

  test('CRLF line ends read as LF', async () => {
    const path = writeTemp(dir, 'crlf.csv', orders(6, '\r\n'));
    const r = await runCli(['dormancy', path, '--csv', 'out.csv']);
    expect(r.code).toBe(0);
    expect(r.written.get('out.csv')).not.toContain('\r');
    expect(r.written.get('out.csv')?.split('\n')[1]).toMatch(/^c0,2024-01-04,/);
  });

  test('quoted fields holding commas are one field', async () => {
    const path = writeTemp(dir, 'quoted.csv', 'customer,created_at,total\n"Smith, Jo",2024-01-01,10.00\n"Smith, Jo",2024-01-05,5.00\n"Doe, Al",2024-01-03,7.00\n');
    const r = await runCli(['rfm', path, '--csv', 'rfm.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 customers');
    expect(r.written.get('rfm.csv')).toContain('"Smith, Jo",2024-01-05,0,2,15.00');
  });
});
