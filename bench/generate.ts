// A seeded generator of store transactions for benchmarks: customers arrive over three years, buy at
// their own rate until they drop out, and spend around their own mean; about 1 % of orders are refunded.
// Same seed, same rows. No dependencies, no I/O.

/** sfc32: a small, fast, seedable 32-bit generator. */
export function random(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** Generated transactions as columns (ids as dense integers, epoch ms, cents), in time order. */
export interface GeneratedColumns {
  customer: Uint32Array;
  time: Float64Array;
  cents: Float64Array;
}

const START = Date.UTC(2021, 0, 1);
const DAYS = 1095;
const DAY = 86_400_000;

/** Generate about `rows` transactions. */
export function generateColumns(rows: number, seed = 42): GeneratedColumns {
  const rand = random(seed);
  const customer: number[] = [];
  const time: number[] = [];
  const cents: number[] = [];
  let id = 0;
  while (customer.length < rows) {
    id++;
    let t = rand() * DAYS;
    const rate = -Math.log(1 - rand()) / 15 + 0.002; // purchases per day
    const dropout = 0.2 + rand() * 0.5;
    const mean = 1000 + Math.floor(rand() * 9000);
    while (t < DAYS && customer.length < rows) {
      const amount = Math.max(1, Math.round(mean * (0.5 + rand())));
      const ms = START + Math.floor(t * DAY);
      customer.push(id);
      time.push(ms);
      cents.push(rand() < 0.005 ? 0 : amount);
      if (rand() < 0.01 && customer.length < rows) {
        customer.push(id);
        time.push(ms + DAY);
        cents.push(-amount);
      }
      if (rand() < dropout) break;
      t += -Math.log(1 - rand()) / rate;
    }
  }
  const order = Array.from(customer.keys()).sort((x, y) => (time[x] ?? 0) - (time[y] ?? 0));
  return {
    customer: Uint32Array.from(order, (i) => customer[i] ?? 0),
    time: Float64Array.from(order, (i) => time[i] ?? 0),
    cents: Float64Array.from(order, (i) => cents[i] ?? 0),
  };
}

/** The same transactions as row objects with string ids, ISO instants and decimal amounts. */
export function toRecords(columns: GeneratedColumns): { customer_id: string; ordered_at: string; amount: string }[] {
  const out = new Array<{ customer_id: string; ordered_at: string; amount: string }>(columns.customer.length);
  for (let i = 0; i < out.length; i++) {
    const c = columns.cents[i] ?? 0;
    const abs = Math.abs(c);
    out[i] = {
      customer_id: `c${String(columns.customer[i]).padStart(7, '0')}`,
      ordered_at: new Date(columns.time[i] ?? 0).toISOString().replace('.000Z', 'Z'),
      amount: `${c < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`,
    };
  }
  return out;
}
