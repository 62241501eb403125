// A byte-level reader of the reference workload's CSV (customer_id,order_id,ordered_at,amount) into
// typed-array columns: customer number, epoch milliseconds, amount in cents. One pass over the bytes,
// no string or object per row. It reads exactly the format WORKLOAD.md specifies and throws on
// anything else, naming the line.

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

/**
 * @param {Uint8Array} bytes the whole file
 * @returns {{ rows: number, customer: Uint32Array, time: Float64Array, cents: Float64Array }}
 */
export function readWorkloadCsv(bytes) {
  const n = bytes.length;
  let p = bytes.indexOf(10) + 1; // skip the header line
  if (p === 0) return { rows: 0, customer: new Uint32Array(0), time: new Float64Array(0), cents: new Float64Array(0) };
  // Rows ≤ newlines: count them to size the columns once.
  let capacity = 0;
  for (let i = p; i < n; i++) if (bytes[i] === 10) capacity++;
  if (n > p && bytes[n - 1] !== 10) capacity++;
  const customer = new Uint32Array(capacity);
  const time = new Float64Array(capacity);
  const cents = new Float64Array(capacity);
  let rows = 0;
  let line = 1;
  let lastDateKey = -1;
  let lastDayMs = 0;
  while (p < n) {
    line++;
    if (bytes[p] === 10) { p++; continue; } // empty line
    // customer_id: 'c' + digits
    if (bytes[p] !== 99) fail(line, 'customer_id must start with "c"');
    p++;
    let id = 0;
    let c = bytes[p];
    while (c !== 44) {
      const digit = c - C0;
      if (digit < 0 || digit > 9) fail(line, 'customer_id must be "c" and digits');
      id = id * 10 + digit;
      c = bytes[++p];
    }
    p++;
    // order_id: skipped (unique per row in the workload)
    while (bytes[p] !== 44) { if (p >= n) fail(line, 'missing fields'); p++; }
    p++;
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
      if (digit < 0 || digit > 9) fail(line, 'amount must be -?D+.DD');
      value = value * 10 + digit;
      c = bytes[++p];
    }
    const d1 = bytes[p + 1] - C0;
    const d2 = bytes[p + 2] - C0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) fail(line, 'amount must have two decimals');
    value = value * 100 + d1 * 10 + d2;
    p += 3;
    if (bytes[p] === 13) p++;
    if (p < n && bytes[p] !== 10) fail(line, 'unexpected characters after the amount');
    p++;
    customer[rows] = id;
    time[rows] = lastDayMs + ((hh * 60 + mi) * 60 + ss) * 1000;
    cents[rows] = negative ? -value : value;
    rows++;
  }
  return { rows, customer: customer.subarray(0, rows), time: time.subarray(0, rows), cents: cents.subarray(0, rows) };
}
