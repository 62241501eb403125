// The program's parts one rule at a time: formats, CSV and HTML escaping, the score input, the model
// file, the error mapping and the progress line.
import { describe, expect, test } from 'vitest';
import { CommanderError } from 'commander';
import { Decimal, InvalidInputError } from '../../src/index.ts';
import { toCsv } from '../../src/cli/csv.ts';
import { CliDataError, reportError } from '../../src/cli/errors.ts';
import { formatCount, formatMoney, formatPercent } from '../../src/cli/format.ts';
import { escapeHtml } from '../../src/escape-html.ts';
import { sectionHtml } from '../../src/cli/html/section-html.ts';
import { MODEL_FILE_FORMAT, readModelFile } from '../../src/cli/model-file.ts';
import { toPlain } from '../../src/cli/plain-data.ts';
import { progressLine } from '../../src/cli/progress.ts';
import { readHistories } from '../../src/cli/score-input.ts';
import { renderTable } from '../../src/cli/sections/text-table.ts';
import { run } from '../../src/cli/run.ts';
import { CDNOW, memoryIo, tempDir, writeTemp } from './memory-io.ts';

const BG_NBD = { model: 'bg-nbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, unit: 'week' };

describe('formats', () => {
  test('money keeps its digits and groups thousands, negative amounts included', () => {
    expect(formatMoney(new Decimal('-1234567.891'), 2)).toBe('-1,234,567.89');
    expect(formatMoney(new Decimal('5'), 0)).toBe('5');
  });

  test('counts and percentages never depend on the locale', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('–');
  });

  test('numeric columns are right-aligned, the first column never', () => {
    const text = renderTable({ headers: ['n', 'count', 'name'], rows: [['1', '5', 'x'], ['22', '1,000', 'yy']] });
    expect(text.split('\n')).toEqual(['n   count  name', '──  ─────  ────', '1       5  x', '22  1,000  yy']);
  });
});

describe('CSV and HTML', () => {
  test('CSV quotes fields with quotes, commas or line breaks', () => {
    expect(toCsv({ headers: ['a'], rows: [['x"y'], ['line\nbreak'], [null]] })).toBe('a\n"x""y"\n"line\nbreak"\n\n');
  });

  test('data text in the HTML is escaped: a segment or title cannot open a tag', () => {
    const html = sectionHtml({ id: '"x"', title: '<script>alert(1)</script>', table: { headers: ['<h>'], rows: [['<img src=x>']] }, notes: ['a & b'] }, []);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('id="&quot;x&quot;"');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  test('JSON data has money as decimal strings and no NaN', () => {
    expect(toPlain({ a: new Decimal('0.10'), b: Number.NaN, c: new Uint32Array([1, 2]), d: undefined })).toEqual({ a: '0.1', b: null, c: [1, 2] });
  });
});

describe('score input', () => {
  test('CSV with the forecast\'s column names, a BOM and CRLF', async () => {
    const rows = await readHistories('\uFEFFcustomer_id,frequency,recency,T,monetary\r\na,2,30.5,38,22.35\r\n');
    expect(rows).toEqual([{ customerId: 'a', x: 2, tx: 30.5, T: 38, zbar: 22.35, line: 2 }]);
  });

  test('NDJSON with the library\'s names, blank lines skipped, line numbers kept', async () => {
    const rows = await readHistories('{"customerId":"a","x":1,"tx":2,"T":3}\n\n{"customerId":"b","x":0,"tx":0,"T":5,"zbar":0}\n');
    expect(rows.map((r) => [r.customerId, r.line])).toEqual([['a', 1], ['b', 3]]);
  });

  test('a value that is not a number names its line and column', async () => {
    await expect(readHistories('frequency,recency,T\n1,2,3\n1,two,3\n')).rejects.toThrow('standard input, line 3, column "recency": "two" is not a number.');
  });

  test('a missing column names the names it is read from', async () => {
    await expect(readHistories('frequency,T\n1,3\n')).rejects.toThrow('no "recency" (one of the columns recency, tx is needed)');
  });

  test('empty input is an error', async () => {
    await expect(readHistories(' \n')).rejects.toThrow(CliDataError);
  });

  test('CSV that cannot be parsed is a data error', async () => {
    await expect(readHistories('frequency,recency,T\n1,"2,3\n')).rejects.toThrow('standard input: not readable as CSV');
  });
});

describe('model file', () => {
  test('reads the file forecast writes, with both models', () => {
    const text = JSON.stringify({ format: MODEL_FILE_FORMAT, version: 1, transactions: BG_NBD, spend: { model: 'gamma-gamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } } });
    const models = readModelFile(text, 'model.json');
    expect(models.transactions.unit).toBe('week');
    expect(models.spend?.params.q).toBe(3.74);
  });

  test('a bare saved BG/NBD model is read, without a spend model', () => {
    expect(readModelFile(JSON.stringify(BG_NBD), 'm.json').spend).toBeNull();
  });

  test('parameters the library refuses are a data error naming the file', () => {
    const text = JSON.stringify({ ...BG_NBD, params: { ...BG_NBD.params, r: -1 } });
    expect(() => readModelFile(text, 'm.json')).toThrow(/^m\.json: /);
  });

  test('text that is not a model file says how to make one', () => {
    expect(() => readModelFile('{"a":1}', 'm.json')).toThrow('--save-model m.json');
    expect(() => readModelFile('not json', 'm.json')).toThrow(CliDataError);
  });
});

describe('errors', () => {
  test('an unexpected error exits 3 with its message, and its stack only under --debug', () => {
    const error = new TypeError('boom');
    const plain = reportError(error, false);
    expect(plain.exitCode).toBe(3);
    expect(plain.message).toContain('TypeError: boom');
    expect(plain.message).not.toContain('at ');
    expect(plain.message).toContain('--debug');
    expect(reportError(error, true).message).toContain(error.stack ?? 'stack');
  });

  test('a library error is bad input (1)', () => {
    expect(reportError(new InvalidInputError(0, 'amount', 'x', 'no'), false).exitCode).toBe(1);
  });

  test('a usage error of the parser is never mapped here (run handles it)', () => {
    expect(reportError(new CommanderError(1, 'commander.unknownOption', 'x'), false).exitCode).toBe(3);
  });
});

describe('exit codes of run', () => {
  test('an output file that cannot be written is exit 1 naming the file', async () => {
    const io = { ...memoryIo(), writeFile: async () => Promise.reject(new Error('EACCES: permission denied')) };
    const path = writeTemp(tempDir(), 'o.csv', 'customer_id,created_at,total\na,2024-01-01,1\n');
    expect(await run(['dormancy', path, '--csv', '/readonly/d.csv'], io)).toBe(1);
  });

  test('a model file that does not exist is exit 1', async () => {
    const io = memoryIo('frequency,recency,T\n1,1,2\n');
    expect(await run(['score', '--model', `${tempDir()}/none.json`], io)).toBe(1);
    expect(io.err()).toMatch(/^error: .*none\.json: cannot be read/);
  });

  test('a failure that is not about the input is exit 3 with a hint at --debug', async () => {
    const io = { ...memoryIo(), readStdin: async () => Promise.reject(new TypeError('stdin closed')) };
    const model = writeTemp(tempDir(), 'm.json', JSON.stringify(BG_NBD));
    let err = '';
    expect(await run(['score', '--model', model], { ...io, stderr: (t: string) => { err += t; } })).toBe(3);
    expect(err).toBe('unexpected error: TypeError: stdin closed\n(run again with --debug to see where it happened)\n');
  });
});

describe('progress line', () => {
  test('is drawn on a terminal with rows and a rate, and cleared when done', () => {
    const io = memoryIo('', true);
    const progress = progressLine(io, 'orders.csv');
    progress.update(65_536, 1);
    progress.done();
    expect(io.err()).toBe('\r\x1b[2KReading orders.csv: 65,536 rows (65,536 rows/s)\r\x1b[2K');
  });

  test('writes nothing when standard error is not a terminal', () => {
    const io = memoryIo('', false);
    const progress = progressLine(io, 'orders.csv');
    progress.update(65_536, 1);
    progress.done();
    expect(io.err()).toBe('');
  });
});

describe('progress while a file is read', () => {
  test('on a terminal the reader\'s progress is shown and cleared before the notes', async () => {
    const io = memoryIo('', true);
    expect(await run(['dormancy', CDNOW], io)).toBe(0);
    expect(io.err()).toMatch(/^\r\x1b\[2KReading CDNOW_master\.txt: 65,536 rows \(\d[\d,]* rows\/s\)/);
    expect(io.err()).toContain('\r\x1b[2KColumns guessed:');
  });
});

describe('text from the data on a terminal', () => {
  test('control characters of a customer id are printed as U+FFFD, not run by the terminal', async () => {
    const { renderTable } = await import('../../src/cli/sections/text-table.ts');
    const text = renderTable({ headers: ['customer', 'orders'], rows: [['x\u001b]0;pwned\u0007', '1']] });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('x\uFFFD]0;pwned\uFFFD');
  });
});
