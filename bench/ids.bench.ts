// `npm run bench`: the cost of numbering customer ids in `ledger(records)`.
//
// Crafted ids: sets chosen to collide in the unkeyed hashes that placed customer and order ids before
// those took a random key (see crafted-ids.ts), beside ordinary ids of the same shape and count. With
// a keyed hash both cost the same and the time per id stays flat as the count doubles; without one the
// crafted sets cost n²/2 comparisons.
//
// Id shapes: a million records (four per customer) with ids of common shapes, best of three builds; and
// the same with a UUID order id on every record.
//
// Usage: tsx bench/ids.bench.ts [crafted count…] (default 12,500, 25,000 and 50,000)
import { ledger } from '../src/index.ts';
import { craftedIds, craftedNumberIds, craftedShortIds, craftedSmallIntegers, ordinaryEmailIds } from './crafted-ids.ts';
import { random } from './generate.ts';

type Id = string | number;
type Records = readonly { customerId: Id; orderId?: Id; date: number; amount: number }[];
const START = Date.UTC(2024, 0, 1);

/** One record per id (the k-th a minute after the one before), or `perId` records per id, interleaved. */
function recordsOf(ids: readonly Id[], perId = 1): Records {
  return Array.from({ length: ids.length * perId }, (_, k) => ({ customerId: ids[k % ids.length] ?? 0, date: START + k * 60_000, amount: 12.5 }));
}

/** One record per order id, of a thousand customers in turn. */
function ordersOf(orderIds: readonly Id[]): Records {
  return orderIds.map((orderId, k) => ({ customerId: `c${k % 1000}`, orderId, date: START + k * 60_000, amount: 12.5 }));
}

/** The time of one build, in milliseconds. */
function timeBuild(records: Records): number {
  const t0 = performance.now();
  ledger(records);
  return performance.now() - t0;
}

/** The fastest of `runs` builds of each set, the sets taking turns (only one run of a set once it takes seconds). */
function bestBuilds(sets: readonly Records[], runs: number): number[] {
  const best = sets.map(() => Number.POSITIVE_INFINITY);
  for (let run = 0; run < runs; run++) {
    sets.forEach((records, k) => {
      if (run === 0 || (best[k] ?? 0) < 2000) best[k] = Math.min(best[k] ?? 0, timeBuild(records));
    });
  }
  return best;
}

const rand = random(7);
/** `count` distinct 8-character ids of lowercase letters and digits, not crafted. */
function ordinaryShortIds(count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) seen.add(Array.from({ length: 8 }, () => '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 36)]).join(''));
  return [...seen];
}
/** `count` distinct integers from 0 to 2^30 − 1, not crafted. */
function ordinaryIntegers(count: number): number[] {
  const seen = new Set<number>();
  while (seen.size < count) seen.add(Math.floor(rand() * 2 ** 30));
  return [...seen];
}
/** `count` distinct doubles spread over many magnitudes, not crafted. */
function ordinaryNumberIds(count: number): number[] {
  const seen = new Set<number>();
  while (seen.size < count) seen.add((rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20));
  return [...seen];
}
/** `count` distinct version-4-like UUIDs from the seeded generator. */
function uuids(count: number): string[] {
  const hex = (digits: number) => Array.from({ length: digits }, () => Math.floor(rand() * 16).toString(16)).join('');
  return Array.from({ length: count }, () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`);
}

const counts = process.argv.slice(2).map(Number);
bestBuilds([recordsOf(ordinaryEmailIds(50_000))], 3); // the builder compiled before anything is timed
console.log('crafted ids against ordinary ids of the same shape, one record each (best of 5, taking turns)');
console.log('  kind                           ids   ordinary ms   crafted ms   crafted µs/id   crafted ÷ ordinary');
for (const count of counts.length > 0 ? counts : [12_500, 25_000, 50_000]) {
  const kinds: [string, Records, Records][] = [
    ['emails (FNV-1a low 28 bits)', recordsOf(ordinaryEmailIds(count)), recordsOf(craftedIds(count))],
    ['8 characters (packed-key mix)', recordsOf(ordinaryShortIds(count)), recordsOf(craftedShortIds(count))],
    ['numbers (packed-key mix)', recordsOf(ordinaryNumberIds(count)), recordsOf(craftedNumberIds(count))],
    ['order ids: integers (V8 Map)', ordersOf(ordinaryIntegers(count)), ordersOf(craftedSmallIntegers(count))],
  ];
  for (const [kind, ordinary, crafted] of kinds) {
    const [plain = 0, attacked = 0] = bestBuilds([ordinary, crafted], 5);
    console.log(
      `  ${kind.padEnd(30)} ${String(count).padStart(6)} ${plain.toFixed(1).padStart(12)} ${attacked.toFixed(1).padStart(12)}` +
        `${((attacked / count) * 1000).toFixed(2).padStart(16)} ${(attacked / plain).toFixed(2).padStart(20)}`,
    );
  }
}

const customers = 250_000;
console.log(`\nid shapes: ${(4 * customers).toLocaleString('en-US')} records, ${customers.toLocaleString('en-US')} customers (best of 3)`);
const shapes: [string, Id[]][] = [
  ['"c0187525" (prefix and digits)', Array.from({ length: customers }, (_, i) => `c${String((i * 7919) % 1_000_000).padStart(7, '0')}`)],
  ['integers 0 … n', Array.from({ length: customers }, (_, i) => (i * 7919) % 1_000_000)],
  ['emails', ordinaryEmailIds(customers)],
  ['UUIDs', uuids(customers)],
  ['8 characters', ordinaryShortIds(customers)],
  ['doubles', ordinaryNumberIds(customers)],
];
shapes.push(['mixed (a sixth of each)', shapes.map(([, ids], k) => ids.filter((_, i) => i % shapes.length === k)).flat()]);
// Each set of records is made just before it is timed (a million records kept alive would slow the
// collector down for the others).
const sets: [string, () => Records][] = shapes.map(([shape, ids]) => [shape, () => recordsOf(ids, 4)]);
sets.push([
  'UUID order ids, integer customers',
  () => {
    const orderIds = uuids(4 * customers);
    return recordsOf(shapes[1]?.[1] ?? [], 4).map((record, k) => ({ ...record, orderId: orderIds[k] ?? k }));
  },
]);
for (const [shape, make] of sets) {
  const records = make();
  const [ms = 0] = bestBuilds([records], 3);
  console.log(`  ${shape.padEnd(33)} ${ms.toFixed(0).padStart(6)} ms  ${((ms / records.length) * 1e6).toFixed(0).padStart(4)} ns/record`);
}
