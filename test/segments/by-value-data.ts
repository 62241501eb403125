// Random ledgers with an event attribute (`channel`) and a customer table (`plan`), and the naive value
// of a customer: the customer table's, else the attribute on their first order.
import { fc } from '@fast-check/vitest';

export interface Row {
  customerId: number;
  date: number;
  amount: number;
  channel: string | null;
}

export interface Data {
  rows: Row[];
  customers: { customerId: number; plan?: string | null }[];
  by: 'channel' | 'plan';
}

const CHANNELS = ['ads', 'mail', 'Seo', null] as const;
const DAY = 86_400_000;

/**
 * A record; its channel is a function of its day and amount, so two orders of one customer at one
 * instant with one amount — which no rule of the data puts in an order — never differ in channel.
 */
const row: fc.Arbitrary<Row> = fc
  .record({ customerId: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 0, max: 800 }), cents: fc.integer({ min: -500, max: 30_000 }) })
  .map(({ customerId, day, cents }) => ({ customerId, date: Date.UTC(2023, 0, 1) + day * DAY, amount: cents / 100, channel: CHANNELS[(day + Math.abs(cents)) % CHANNELS.length] }));

const plan = fc.constantFrom<string | null | undefined>('pro', 'free', null, undefined);

/** Records in any order. */
const anyRows = fc.array(row, { maxLength: 60 });

export const data: fc.Arbitrary<Data> = fc.record({
  rows: anyRows,
  plans: fc.array(plan, { minLength: 12, maxLength: 12 }),
  by: fc.constantFrom<'channel' | 'plan'>('channel', 'plan'),
}).map(({ rows, plans, by }) => ({
  rows,
  // Customers 1…12 have a row each (without `plan` where undefined); 13 has no record.
  customers: [...plans.map((p, i) => (p === undefined ? { customerId: i + 1 } : { customerId: i + 1, plan: p })), { customerId: 13, plan: 'gone' }],
  by,
}));

/** Whether value `a` comes before `b`: the missing value first, then in code-unit order. */
function valueBefore(a: string | null, b: string | null): boolean {
  return a === null ? b !== null : b !== null && a < b;
}

/** A customer's value of `d.by`, found the plain way. */
export function valueOf(d: Data, id: unknown): string | null {
  if (d.by === 'plan') return d.customers.find((c) => c.customerId === id)?.plan ?? null;
  let first: Row | undefined;
  for (const r of d.rows) {
    if (r.customerId !== id || r.amount < 0) continue;
    // The first order: the earliest; at one instant, the largest amount; then the first value in code-unit order.
    if (
      first === undefined ||
      r.date < first.date ||
      (r.date === first.date && (r.amount > first.amount || (r.amount === first.amount && valueBefore(r.channel, first.channel))))
    ) {
      first = r;
    }
  }
  return first?.channel ?? null;
}
