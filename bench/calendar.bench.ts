// Times dayNumber / makeDayIndexer over 1,000,000 instants in Europe/Berlin, sorted and in random order,
// and prints ns per call. Instants are generated with a seeded generator (no Math.random) over 2000–2030.
// Run: npx tsx bench/calendar.bench.ts
import { dayNumber, makeDayIndexer } from '../src/calendar/days.ts';

const N = 1_000_000;
const FROM = Date.UTC(2000, 0, 1);
const TO = Date.UTC(2030, 0, 1);

function instants(seed: number): Float64Array {
  let state = seed >>> 0;
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0; // LCG
    const high = state / 2 ** 32;
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = FROM + Math.floor((high + state / 2 ** 64) * (TO - FROM));
  }
  return out;
}

function time(label: string, values: Float64Array, f: (ms: number) => number): void {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < values.length; i++) sink += f(values[i] ?? 0);
  const ns = ((performance.now() - start) * 1e6) / values.length;
  process.stdout.write(`${label.padEnd(44)} ${ns.toFixed(1).padStart(7)} ns/call  (checksum ${sink})\n`);
}

const random = instants(42);
const sorted = Float64Array.from(random).sort();
const zone = 'Europe/Berlin';
const dayOf = makeDayIndexer(zone);

time('dayNumber, sorted, cold cache', sorted, (ms) => dayNumber(ms, zone));
time('dayNumber, sorted, warm cache', sorted, (ms) => dayNumber(ms, zone));
time('dayNumber, random order (warm)', random, (ms) => dayNumber(ms, zone));
time('makeDayIndexer closure, sorted', sorted, dayOf);
time('makeDayIndexer closure, random order', random, dayOf);
time('dayNumber, UTC, sorted', sorted, (ms) => dayNumber(ms, 'UTC'));
const cold = makeDayIndexer('America/New_York');
time('makeDayIndexer, random order, cold cache', random, cold);
