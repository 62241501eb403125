// Usage: help for every command (exit 0, with examples), and usage errors (exit 2, the parser's
// message on standard error).
import { describe, expect, test } from 'vitest';
import { runCli } from './memory-io.ts';

const COMMANDS = ['report', 'rfm', 'cohorts', 'dormancy', 'clv', 'forecast', 'score'] as const;

describe('--help', () => {
  test.each(COMMANDS)('%s --help prints its usage and examples to standard output and exits 0', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: retention-metrics ${command}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ retention-metrics ${command === 'score' ? 'score' : command}`);
  });

  test('the program\'s help lists every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(r.stdout).toContain('Exit codes: 0 done, 1 the data cannot be used');
  });

  test('the commands reading a file show the input flags', async () => {
    const r = await runCli(['cohorts', '--help']);
    for (const flag of ['--customer <column>', '--date <column>', '--amount <column>', '--order-id <column>', '--time-zone <zone>', '--period <period>', '--as-of <day>', '--delimiter <char>', '--format <format>', '--csv <path>']) {
      expect(r.stdout).toContain(flag);
    }
  });

  test('--version prints the version given to run', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0.0.0\n');
  });
});

describe('usage errors exit 2', () => {
  test('an unknown command', async () => {
    const r = await runCli(['retain', 'orders.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'retain'");
  });

  test('no command prints the help to standard error', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: retention-metrics');
  });

  test('a missing file argument', async () => {
    const r = await runCli(['report']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'file'");
  });

  test('an unknown flag', async () => {
    const r = await runCli(['rfm', 'orders.csv', '--segments', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--segments'");
  });

  test.each([
    ['--period', 'weekly', 'Allowed choices are day, week, month, quarter, year'],
    ['--time-zone', 'Mars/Base', '"Mars/Base" is not an IANA time zone'],
    ['--as-of', '2024-02-30', '"2024-02-30" is not a day written YYYY-MM-DD'],
    ['--delimiter', ';;', '";;" is not one character'],
    ['--format', 'xlsx', 'Allowed choices are csv, parquet, ndjson'],
  ])('%s %s is refused before any file is read', async (flag, value, message) => {
    const r = await runCli(['report', 'does-not-matter.csv', flag, value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  test('a horizon that is not a whole number of weeks', async () => {
    const r = await runCli(['forecast', 'orders.csv', '--horizon', '1.5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"1.5" is not a whole number from 1 to 520');
  });

  test('score without --model', async () => {
    const r = await runCli(['score']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--model <path>' not specified");
  });
});
