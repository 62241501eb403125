// One customer's loyalty tier at checkout: `tierFor` on a history of 3, 10 and 50 events (a 12-month
// rolling window, order ids on every line), microseconds per call. Usage: tsx bench/tier-for.bench.ts
import { tierFor } from '../src/index.ts';

const tiers = [
  { name: 'Member', threshold: 0 },
  { name: 'Silver', threshold: 100 },
  { name: 'Gold', threshold: 500 },
];
const options = { tiers, window: { rollingMonths: 12 }, asOf: '2024-12-01T12:00:00Z' };

console.log('tierFor at checkout (best of 5 runs of 100,000 calls)');
for (const events of [3, 10, 50]) {
  const history = Array.from({ length: events }, (_, i) => ({
    date: new Date(Date.UTC(2024, i % 11, 1 + (i % 27), 10)).toISOString().replace('.000', ''),
    amount: `${20 + (i % 50)}.50`,
    orderId: `o${i}`,
  }));
  let best = Number.POSITIVE_INFINITY;
  let tier: string | null = null;
  for (let run = 0; run < 5; run++) {
    const calls = 100_000;
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) tier = tierFor(history, options).tier;
    best = Math.min(best, ((performance.now() - t0) * 1000) / calls);
  }
  console.log(`  ${String(events).padStart(2)} events  ${best.toFixed(2)} µs/call  (tier ${tier})`);
}
