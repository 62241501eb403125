#!/usr/bin/env node
// A synthetic SaaS billing history, seeded, written as one CSV of priced intervals to stdout:
//
//   node scripts/generate-subscriptions.mjs > data/subscriptions/intervals.csv
//
// The same seed gives the same file byte for byte: the only randomness is the PRNG below (integer
// arithmetic, no Math.random), instants are computed in UTC, and amounts in integer cents.
// Columns: customer_id,subscription_id,start,end,amount,interval_months,quantity,plan — `end` empty
// while the price runs past the history's end; `amount` billed per interval for the whole quantity.

/** The seed of the shipped file; another may be given as the first argument. */
const SEED = Number(process.argv[2] ?? 20220101);
const CUSTOMERS = 5000;
/** The history: 2022-01-01 (inclusive) to 2025-01-01 (exclusive), UTC. */
const FIRST = Date.UTC(2022, 0, 1);
const LAST = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

/** mulberry32: a 32-bit state PRNG, uniform in [0, 1); deterministic on every platform (imul and shifts). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const chance = (p) => random() < p;
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];

/**
 * Per-seat prices in cents by billing months. Some annual prices' twelfths are not whole cents, and
 * 999.90 and 99.90 a year are 83.325 and 8.325 a month: exact halves (at odd seat counts for 999.90).
 */
const PLANS = {
  free: { 1: 0 },
  starter: { 1: 1500, 12: 14999 },
  growth: { 1: 3900, 3: 11249, 12: 38990 },
  scale: { 1: 9900, 12: 99990 },
  addon: { 1: 900, 12: 9990 },
};
const LADDER = ['starter', 'growth', 'scale'];
const SEATS = { free: [1, 1], starter: [1, 3], growth: [2, 15], scale: [5, 60], addon: [1, 5] };

/** The same day-of-month and time `months` later, UTC (a 31st overflowing into the next month, as Date does). */
function addMonths(ms, months) {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/** A random instant on a whole second; now and then midnight of the 1st, or the last millisecond of a month. */
function instantAfter(ms, minDays, maxDays) {
  const t = ms + minDays * DAY + (1 + Math.floor((random() * (maxDays - minDays) * DAY) / 1000)) * 1000;
  if (chance(0.03)) {
    const d = new Date(t);
    const aligned = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - (chance(0.5) ? 0 : 1);
    if (aligned > ms) return aligned;
  }
  return t;
}

const rows = [];
let subscriptions = 0;
const money = (cents) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const newId = () => `s${String(++subscriptions).padStart(5, '0')}`;
const iso = (ms) => (ms >= LAST ? '' : new Date(ms).toISOString());

/** One price of a subscription: its plan, billing months and seats. */
function price(plan, months, seats) {
  const table = PLANS[plan];
  const m = table[months] === undefined ? 1 : months;
  return { plan, months: m, seats, amount: table[m] * seats };
}

function clampSeats(plan, seats) {
  const [lo, hi] = SEATS[plan];
  return Math.min(hi, Math.max(lo, seats));
}

/** A new price after a change of plan, seats or billing; `null` for a cancellation. */
function change(current) {
  const rung = LADDER.indexOf(current.plan);
  const roll = random();
  if (roll < 0.2) return null;
  if (roll < 0.34 && rung >= 0 && rung < 2) {
    const plan = LADDER[rung + 1];
    return price(plan, current.months, clampSeats(plan, current.seats + between(0, 3)));
  }
  if (roll < 0.42 && rung > 0) {
    const plan = LADDER[rung - 1];
    return price(plan, current.months, clampSeats(plan, current.seats - between(0, 3)));
  }
  if (roll < 0.7) return price(current.plan, current.months, clampSeats(current.plan, current.seats + between(1, 4)));
  if (roll < 0.84) return price(current.plan, current.months, clampSeats(current.plan, current.seats - between(1, 3)));
  if (roll < 0.9) return price(current.plan, current.months === 1 ? 12 : 1, current.seats);
  if (roll < 0.92 && current.plan !== 'free') return price('free', 1, 1);
  if (roll < 0.94 && current.plan === 'free') return price(pick(LADDER), 1, 3);
  // A price that bills the same: a change with no movement.
  return price(current.plan, current.months, current.seats);
}

/**
 * Prices of one subscription from `start` until it is cancelled or the history ends, as rows.
 * Returns the end instant (≥ LAST while it runs). `extra` opens a second, overlapping subscription.
 */
function subscription(customer, start, first, extra, id = newId()) {
  const emit = (from, to, p) => rows.push([customer, id, iso(from), iso(to), money(p.amount), p.months, p.seats, p.plan]);
  let t = start;
  let current = first;
  let spawned = !extra;
  for (;;) {
    // The price lasts some billing periods, or changes mid-period.
    const next = chance(0.7) ? addMonths(t, current.months * between(1, current.months === 1 ? 9 : 2)) : instantAfter(t, 3, 200);
    if (!spawned && chance(0.3)) {
      spawned = true;
      const at = instantAfter(t, 1, 120);
      if (at < LAST) subscription(customer, at, price('addon', pick([1, 12]), between(1, 3)), false);
    }
    if (next >= LAST) {
      emit(t, LAST, current);
      return LAST;
    }
    const after = change(current);
    if (after === null) {
      emit(t, next, current);
      return next;
    }
    if (chance(0.06)) {
      // A change undone within days (often inside one month): down and back up, or up and back down.
      emit(t, next, current);
      const back = Math.min(instantAfter(next, 0, 6), LAST);
      emit(next, back, after);
      if (back >= LAST) return LAST;
      t = back;
      continue;
    }
    emit(t, next, current);
    t = next;
    current = after;
  }
}

for (let c = 1; c <= CUSTOMERS; c++) {
  const customer = `c${String(c).padStart(4, '0')}`;
  // Sign-ups grow over the three years (the day's density rises linearly).
  let t = LAST;
  while (t >= LAST) t = instantAfter(FIRST + Math.floor(Math.sqrt(random()) * 1095) * DAY, 0, 1);
  let trial = chance(0.45);
  let lives = 0;
  while (t < LAST && lives < 4) {
    lives += 1;
    const plan = chance(0.5) ? 'starter' : chance(0.7) ? 'growth' : 'scale';
    const [lo, hi] = SEATS[plan];
    let first = price(plan, chance(0.75) ? 1 : chance(0.15) ? 3 : 12, between(lo, Math.min(hi, lo + 6)));
    let start = t;
    let id = newId();
    if (trial) {
      trial = false;
      const trialEnd = start + 14 * DAY;
      rows.push([customer, id, iso(start), iso(Math.min(trialEnd, LAST)), money(0), 1, first.seats, plan]);
      if (chance(0.3) || trialEnd >= LAST) {
        // A trial that never converts: a free interval, no payment; some come back later.
        t = chance(0.3) ? instantAfter(trialEnd, 20, 300) : LAST;
        continue;
      }
      // The paid prices continue the trial's subscription.
      start = trialEnd;
    }
    if (chance(0.04)) {
      // A switch made by cancelling and starting a new subscription at the same instant.
      const switchAt = instantAfter(start, 20, 200);
      if (switchAt < LAST) {
        rows.push([customer, id, iso(start), iso(switchAt), money(first.amount), first.months, first.seats, first.plan]);
        first = chance(0.5) ? first : (change(first) ?? first);
        start = switchAt;
        id = newId();
      }
    }
    const end = subscription(customer, start, first, chance(0.2), id);
    if (end >= LAST || !chance(0.35)) break;
    // Back later: within days (often the month of the churn) or months.
    t = chance(0.3) ? instantAfter(end, 0, 10) : instantAfter(end, 20, 400);
  }
}

// By customer, subscription, then start (a second subscription's rows are made while the first runs).
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
process.stdout.write('customer_id,subscription_id,start,end,amount,interval_months,quantity,plan\n');
for (const row of rows) process.stdout.write(`${row.join(',')}\n`);
