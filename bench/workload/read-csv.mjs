// A byte-level reader of the reference workload's CSV (customer_id,order_id,ordered_at,amount) into
// typed-array columns: customer number, epoch milliseconds, amount in cents. One pass over the bytes,
// no string or object per row. It reads exactly the format WORKLOAD.md specifies and throws on
// anything else, naming the line.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const C0 = 48; // '0'

function fail(line, what) {
  throw new Error(`line ${line}: ${what}`);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y, m, d) {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Bytes read per call: the size the byte-pass reference (tools/limit) reads with. */
const READ_BYTES = 1 << 20;
/**
 * Fewest bytes a row takes: "c" and a digit, two commas, an empty order id, the 20-character instant, a
 * comma, "0.00" and the newline. The columns are sized for the file's length over this: untouched
 * memory costs no page, so the room left over is free.
 */
const MIN_ROW_BYTES = 30;
// Slots of the parser's running state.
const ROWS = 0;
const LINE = 1;
const DATE_KEY = 2;
const DAY_MS = 3;

/**
 * Read a workload CSV file into columns, a megabyte at a time into one reused buffer: no buffer of the
 * whole file (tens of megabytes of fresh pages, then garbage for the collector), and no pass to count
 * the rows first.
 *
 * @param {string} path the CSV file
 * @param {{ readBytes?: number }} [options] bytes per read (the buffer grows for a longer line)
 * @returns {{ rows: number, customer: Uint32Array, time: Float64Array, cents: Float64Array }}
 */
export function readWorkloadCsvFile(path, { readBytes = READ_BYTES } = {}) {
  const fd = openSync(path, 'r');
  try {
    const capacity = Math.floor((fstatSync(fd).size + 1) / MIN_ROW_BYTES) + 1;
    const columns = { customer: new Uint32Array(capacity), time: new Float64Array(capacity), cents: new Float64Array(capacity) };
    const state = Float64Array.of(0, 1, -1, 0);
    let buffer = Buffer.allocUnsafe(readBytes);
    let filled = 0;
    let header = true;
    for (;;) {
      if (filled === buffer.length) {
        // A line longer than the buffer: make room for it.
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const got = readSync(fd, buffer, filled, buffer.length - filled, null);
      filled += got;
      const atEnd = got === 0;
      // Whole lines only, but everything at the end of the file.
      let end = atEnd ? filled : buffer.lastIndexOf(10, filled - 1) + 1;
      let p = 0;
      if (header) {
        const newline = buffer.indexOf(10);
        if (newline < 0 || newline >= filled) {
          if (atEnd) break; // a header without rows
          continue;
        }
        header = false;
        p = newline + 1;
        if (end < p) end = p;
      }
      if (end > p) parseRows(buffer, p, end, atEnd, columns, state);
      if (atEnd) break;
      // Keep the unfinished last line for the next read.
      buffer.copy(buffer, 0, end, filled);
      filled -= end;
    }
    const rows = state[ROWS];
    return { rows, customer: columns.customer.subarray(0, rows), time: columns.time.subarray(0, rows), cents: columns.cents.subarray(0, rows) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Parse the lines of `bytes[p … end − 1]` into the columns: whole lines, each ending in a newline
 * except, when `last`, the file's final one. One call per read, so the parser is compiled after its
 * first few calls rather than replaced while it runs.
 */
function parseRows(bytes, p, end, last, columns, state) {
  const { customer, time, cents } = columns;
  const capacity = customer.length;
  let rows = state[ROWS];
  let line = state[LINE];
  let lastDateKey = state[DATE_KEY];
  let lastDayMs = state[DAY_MS];
  while (p < end) {
    line++;
    if (bytes[p] === 10) { p++; continue; } // empty line
    if (rows === capacity) fail(line, `more rows than ${MIN_ROW_BYTES} bytes each allow`);
    // customer_id: 'c' + digits
    if (bytes[p] !== 99) fail(line, 'customer_id must start with "c"');
    p++;
    let id = 0;
    let c = bytes[p];
    while (c !== 44) {
      const digit = c - C0;
      if (!(digit >= 0 && digit <= 9) || p >= end) fail(line, 'customer_id must be "c" and digits');
      id = id * 10 + digit;
      c = bytes[++p];
    }
    p++;
    // order_id: skipped (unique per row in the workload)
    while (bytes[p] !== 44) { if (p >= end) fail(line, 'missing fields'); p++; }
    p++;
    if (p + 21 > end) fail(line, 'ordered_at must be YYYY-MM-DDTHH:MM:SSZ');
    // ordered_at: YYYY-MM-DDTHH:MM:SSZ
    const y = (bytes[p] - C0) * 1000 + (bytes[p + 1] - C0) * 100 + (bytes[p + 2] - C0) * 10 + (bytes[p + 3] - C0);
    const mo = (bytes[p + 5] - C0) * 10 + (bytes[p + 6] - C0);
    const d = (bytes[p + 8] - C0) * 10 + (bytes[p + 9] - C0);
    const hh = (bytes[p + 11] - C0) * 10 + (bytes[p + 12] - C0);
    const mi = (bytes[p + 14] - C0) * 10 + (bytes[p + 15] - C0);
    const ss = (bytes[p + 17] - C0) * 10 + (bytes[p + 18] - C0);
    if (bytes[p + 4] !== 45 || bytes[p + 7] !== 45 || bytes[p + 10] !== 84 || bytes[p + 19] !== 90 || bytes[p + 20] !== 44 ||
      !(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && hh <= 23 && mi <= 59 && ss <= 59)) {
      fail(line, 'ordered_at must be YYYY-MM-DDTHH:MM:SSZ');
    }
    const dateKey = y * 10000 + mo * 100 + d;
    if (dateKey !== lastDateKey) {
      lastDateKey = dateKey;
      lastDayMs = daysFromCivil(y, mo, d) * 86_400_000;
    }
    p += 21;
    // amount: -?D+.DD
    let negative = false;
    if (bytes[p] === 45) { negative = true; p++; }
    let value = 0;
    c = bytes[p];
    while (c !== 46) {
      const digit = c - C0;
      if (!(digit >= 0 && digit <= 9) || p >= end) fail(line, 'amount must be -?D+.DD');
      value = value * 10 + digit;
      c = bytes[++p];
    }
    if (p + 3 > end) fail(line, 'amount must have two decimals');
    const d1 = bytes[p + 1] - C0;
    const d2 = bytes[p + 2] - C0;
    if (!(d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9)) fail(line, 'amount must have two decimals');
    value = value * 100 + d1 * 10 + d2;
    p += 3;
    if (bytes[p] === 13 && p < end) p++;
    if (p < end && bytes[p] !== 10) fail(line, 'unexpected characters after the amount');
    if (p >= end && !last) fail(line, 'a line without its newline');
    p++;
    customer[rows] = id;
    time[rows] = lastDayMs + ((hh * 60 + mi) * 60 + ss) * 1000;
    cents[rows] = negative ? -value : value;
    rows++;
  }
  state[ROWS] = rows;
  state[LINE] = line;
  state[DATE_KEY] = lastDateKey;
  state[DAY_MS] = lastDayMs;
}
