// Map retention-metrics results onto the harness's canonical W1–W4 result object (lib/canonical.mjs).

const DAY = 86_400_000;
// Amounts here have two decimals and stay far below 2^53 / 100, so the nearest double times 100 rounds
// back to the exact number of cents.
const cents = (decimal) => Math.round(decimal.toNumber() * 100);
const monthNumber = (key) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;

/**
 * @param rm the built package
 * @param book a ledger whose ids carry the customer number (numbers with useColumns, else strings 'c' + digits)
 * @param options useColumns: read RFM from the report's typed-array columns instead of its row objects
 */
export function workload(rm, book, { useColumns = false } = {}) {
  const asOf = book.maxTime;
  // W1
  const s = rm.summarize(book);
  const w1 = {
    customers: s.customers, orders: s.orders, refunds: s.refunds, grossCents: cents(s.grossRevenue),
    refundCents: cents(s.refundAmount), netCents: cents(s.netRevenue), repeatCustomers: s.repeatCustomers,
  };
  // W2: monthly cohorts, classic, k ≤ 35
  const table = rm.Cohort.from(book).by('month').maxOffset(35).table();
  const w2 = {
    asOfMonth: new Date(asOf).getUTCFullYear() * 12 + new Date(asOf).getUTCMonth(),
    cohorts: table.cohorts.map((c) => ({ month: monthNumber(c.key), size: c.size })),
    cells: table.cohorts.flatMap((c) =>
      c.cells.map((cell) => ({
        month: monthNumber(c.key), k: cell.offset, customers: cell.customers, orders: cell.orders,
        grossCents: cents(cell.grossRevenue), netCents: cents(cell.netRevenue),
      })),
    ),
  };
  // W3: RFM as of the last instant
  // Scores only: W3 has no named segments, so none are assigned.
  const report = rm.rfm(book, { segments: null });
  const w3 = {
    asOfDay: Math.floor(asOf / DAY), customers: 0, sumRecency: 0, sumFrequency: 0, sumMonetary: 0,
    sumR: 0, sumF: 0, sumM: 0, fpRecency: 0, fpFrequency: 0, fpMonetary: 0, fpScore: 0, grid: [],
  };
  // Customers per (R, F, M) cell, keyed r·100 + f·10 + m.
  const grid = new Float64Array(1000);
  const add = (idNumber, recency, frequency, m, r, f, mScore) => {
    const w = (idNumber % 1000) + 1;
    w3.customers++;
    w3.sumRecency += recency; w3.sumFrequency += frequency; w3.sumMonetary += m;
    w3.sumR += r; w3.sumF += f; w3.sumM += mScore;
    w3.fpRecency += w * recency; w3.fpFrequency += w * frequency; w3.fpMonetary += w * m;
    w3.fpScore += w * (100 * r + 10 * f + mScore);
    grid[r * 100 + f * 10 + mScore]++;
  };
  if (useColumns) {
    // Bulk path: the report's typed-array columns (no per-customer objects), summed a chunk of customers
    // per call, the way the library runs its own loops (see src/chunks.ts): a small function called
    // many times is compiled after a few calls, where one long loop in this big function would run
    // uncompiled until the whole function is compiled while it runs.
    const sums = new Float64Array(SUM_SLOTS);
    const n = report.columns.account.length;
    for (let lo = 0; lo < n; lo += CHUNK) sumRfmColumns(report.columns, book.ids, lo, Math.min(n, lo + CHUNK), sums, grid);
    const [sumRecency, sumFrequency, sumMonetary, sumR, sumF, sumM, fpRecency, fpFrequency, fpMonetary, fpScore] = sums;
    Object.assign(w3, { customers: n, sumRecency, sumFrequency, sumMonetary, sumR, sumF, sumM, fpRecency, fpFrequency, fpMonetary, fpScore });
  } else {
    // What a typical caller reads: one row object per customer.
    for (const c of report.customers) add(Number(String(c.id).slice(1)), c.recency, c.frequency, cents(c.monetary), c.r, c.f, c.m);
  }
  w3.grid = [];
  grid.forEach((count, key) => {
    if (count > 0) w3.grid.push({ r: Math.floor(key / 100), f: Math.floor(key / 10) % 10, m: key % 10, count });
  });
  // W4
  const d = rm.dormancy(book);
  const w4 = { active: d.segments.active.customers, atRisk: d.segments.atRisk.customers, dormant: d.segments.dormant.customers, lost: d.segments.lost.customers };
  return { w1, w2, w3, w4 };
}

/** Customers per call of {@link sumRfmColumns}. */
const CHUNK = 256;
/** Slots of {@link sumRfmColumns}' sums: Σ recency, frequency, monetary, R, F, M, then the four weighted sums. */
const SUM_SLOTS = 10;

/** Add customers `lo … hi − 1` of the RFM columns to the W3 sums and the (R, F, M) grid. */
function sumRfmColumns(columns, ids, lo, hi, sums, grid) {
  const { account, recency, frequency, monetaryMinor, r, f, m } = columns;
  let sumRecency = sums[0], sumFrequency = sums[1], sumMonetary = sums[2], sumR = sums[3], sumF = sums[4], sumM = sums[5];
  let fpRecency = sums[6], fpFrequency = sums[7], fpMonetary = sums[8], fpScore = sums[9];
  for (let i = lo; i < hi; i++) {
    const w = (ids[account[i]] % 1000) + 1;
    const rec = recency[i], fr = frequency[i], mon = monetaryMinor[i], rs = r[i], fs = f[i], ms = m[i];
    sumRecency += rec; sumFrequency += fr; sumMonetary += mon; sumR += rs; sumF += fs; sumM += ms;
    fpRecency += w * rec; fpFrequency += w * fr; fpMonetary += w * mon; fpScore += w * (100 * rs + 10 * fs + ms);
    grid[rs * 100 + fs * 10 + ms]++;
  }
  sums[0] = sumRecency; sums[1] = sumFrequency; sums[2] = sumMonetary; sums[3] = sumR; sums[4] = sumF; sums[5] = sumM;
  sums[6] = fpRecency; sums[7] = fpFrequency; sums[8] = fpMonetary; sums[9] = fpScore;
}
