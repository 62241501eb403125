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
    // The report's typed-array columns: no per-customer objects.
    const { account, recency, frequency, monetaryMinor, r, f, m } = report.columns;
    for (let i = 0; i < account.length; i++) add(book.ids[account[i]], recency[i], frequency[i], monetaryMinor[i], r[i], f[i], m[i]);
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
