import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortTable } from '../../src/cohort/types.ts';
import { InvalidOptionError } from '../../src/errors.ts';
import { ledger } from '../../src/input/ledger.ts';

const orders = [
  { customerId: 'a', date: '2024-01-03', amount: 10 },
  { customerId: 'b', date: '2024-01-09', amount: 20 },
  { customerId: 'c', date: '2024-01-20', amount: 0 }, // a zero-value first order makes c a customer
  { customerId: 'a', date: '2024-02-11', amount: 15 },
  { customerId: 'b', date: '2024-02-12', amount: -20 }, // a refund alone never makes b active
  { customerId: 'd', date: '2024-02-14', amount: 5 },
  { customerId: 'b', date: '2024-03-02', amount: 20 },
  { customerId: 'a', date: '2024-04-20', amount: 30 },
  { customerId: 'e', date: '2024-04-01', amount: 8 }, // a cohort with no later activity
];

const grid = (table: CohortTable, field: 'customers' | 'orders' = 'customers') =>
  Object.fromEntries(table.cohorts.map((c) => [c.key, c.cells.map((cell) => cell[field])]));

describe('Cohort builder', () => {
  const base = Cohort.from(orders).asOf('2024-04-30T12:00:00Z');

  test('classic monthly matrix', () => {
    const table = base.table();
    expect(grid(table)).toEqual({
      '2024-01': [3, 1, 1, 1],
      '2024-02': [1, 0, 0],
      '2024-04': [1],
    });
    expect(table.cohorts.map((c) => c.size)).toEqual([3, 1, 1]);
    expect(table.cohorts[0]?.cells.map((c) => c.complete)).toEqual([true, true, true, false]);
    expect(table.cohorts[0]?.cells.map((c) => c.netRevenue.toFixed(2))).toEqual(['30.00', '-5.00', '20.00', '30.00']);
    expect(table.cohorts[0]?.cells.map((c) => c.grossRevenue.toFixed(2))).toEqual(['30.00', '15.00', '20.00', '30.00']);
    expect(table.cohorts[0]?.cells.map((c) => c.cumulativeRevenuePerCustomer.toFixed(2))).toEqual(['10.00', '8.33', '15.00', '25.00']);
    expect(table.cohorts[0]?.start.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(table.asOf.toISOString()).toBe('2024-04-30T12:00:00.000Z');
  });

  test('unbounded matrix is non-increasing', () => {
    expect(grid(base.mode('unbounded').table())).toEqual({
      '2024-01': [3, 2, 2, 1],
      '2024-02': [1, 0, 0],
      '2024-04': [1],
    });
  });

  test('unbounded cells count orders after maxOffset as "on or after"', () => {
    const data = [
      { customerId: 'a', date: '2024-01-05', amount: 1 },
      { customerId: 'b', date: '2024-01-06', amount: 1 },
      { customerId: 'a', date: '2024-06-05', amount: 1 },
    ];
    const unbounded = Cohort.from(data).mode('unbounded').asOf('2024-06-30');
    expect(unbounded.table().cohorts[0]?.cells.map((c) => c.customers)).toEqual([2, 1, 1, 1, 1, 1]);
    expect(unbounded.maxOffset(2).table().cohorts[0]?.cells.map((c) => c.customers)).toEqual([2, 1, 1]);
    expect(Cohort.from(data).maxOffset(2).asOf('2024-06-30').table().cohorts[0]?.cells.map((c) => c.customers)).toEqual([2, 0, 0]);
  });

  test('brackets', () => {
    const table = base.brackets([[0], [1, 2], [3, 5]]).table();
    expect(table.mode).toBe('bracket');
    expect(table.cohorts[0]?.cells.map((c) => [c.label, c.customers, c.orders, c.complete])).toEqual([
      ['0', 3, 3, true],
      ['1–2', 2, 2, true],
      ['3–5', 1, 1, false],
    ]);
    expect(table.cohorts[1]?.cells.map((c) => c.label)).toEqual(['0', '1–2']);
    expect(table.cohorts[2]?.cells.map((c) => c.label)).toEqual(['0']);
  });

  test('average curve: weighted by size over complete cells only', () => {
    const table = base.table();
    expect(table.average.map((a) => [a.offset, a.cohorts, a.size, a.customers])).toEqual([
      [0, 2, 4, 4], // April's offset 0 is incomplete
      [1, 2, 4, 1],
      [2, 1, 3, 1], // February's offset 2 (April) is incomplete
      [3, 0, 0, 0],
    ]);
    expect(table.average[1]?.rate).toBe(0.25);
    expect(table.average[3]?.rate).toBeNull();
    expect(table.average[0]?.cumulativeRevenuePerCustomer?.toFixed(2)).toBe('8.75');
  });

  test('weekly measurement of monthly cohorts counts weeks from each customer’s first week', () => {
    const table = base.every('week').maxOffset(3).table();
    expect(grid(table)['2024-01']).toEqual([3, 0, 0, 0]);
    expect(table.cohorts[0]?.cells).toHaveLength(4);
  });

  test('fixed spans: elapsed 30-day windows from each first order', () => {
    const table = base.every({ days: 30 }).table();
    // a: Jan 3 → Feb 11 (39 d: span 1) → Apr 20 (108 d: span 3); b: Jan 9 → Mar 2 (53 d: span 1)
    expect(grid(table)['2024-01']?.slice(0, 4)).toEqual([3, 2, 0, 1]);
  });

  test('segments split every cohort', () => {
    const table = base.segmentBy((c) => (c.firstOrderAmount.greaterThanOrEqualTo(10) ? 'big' : 'small')).table();
    expect(table.cohorts.map((c) => [c.segment, c.key, c.size])).toEqual([
      ['big', '2024-01', 2],
      ['small', '2024-01', 1],
      ['small', '2024-02', 1],
      ['small', '2024-04', 1],
    ]);
  });

  test('cohortKey: caller-defined cohorts', () => {
    const table = base.cohortKey((c) => (String(c.customerId) < 'c' ? 'early' : 'late')).table();
    expect(table.cohorts.map((c) => [c.key, c.size, c.start.toISOString().slice(0, 10)])).toEqual([
      ['early', 2, '2024-01-03'],
      ['late', 3, '2024-01-20'],
    ]);
  });

  test('between selects customers by first order; asOf cuts later events', () => {
    expect(base.between('2024-02-01', '2024-05-01').table().cohorts.map((c) => c.key)).toEqual(['2024-02', '2024-04']);
    const early = Cohort.from(orders).asOf('2024-02-11T12:00:00Z').table();
    expect(grid(early)).toEqual({ '2024-01': [3, 1] });
    expect(early.cohorts[0]?.cells[1]?.complete).toBe(false);
  });

  test('time zone: a first order at 23:30 UTC on Jan 31 is a February customer in Berlin', () => {
    const data = [{ customerId: 1, date: '2024-01-31T23:30:00Z', amount: 1 }];
    expect(Cohort.from(data).table().cohorts[0]?.key).toBe('2024-01');
    expect(Cohort.from(data).timeZone('Europe/Berlin').table().cohorts[0]?.key).toBe('2024-02');
    expect(Cohort.from(ledger(data, { timeZone: 'Europe/Berlin' })).table().cohorts[0]?.key).toBe('2024-02');
  });

  test('immutability: every call returns a new builder', () => {
    const weekly = base.by('week');
    expect(weekly).not.toBe(base);
    expect(base.table().cohorts[0]?.key).toBe('2024-01');
    expect(weekly.table().cohorts[0]?.key).toBe('2024-W01');
  });

  test('empty data gives an empty table', () => {
    const table = Cohort.from([]).table();
    expect(table.cohorts).toEqual([]);
    expect(table.average).toEqual([]);
    expect(table.toRows()).toEqual([]);
  });

  test('toRows and toJSON', () => {
    const rows = base.table().toRows();
    expect(rows).toHaveLength(8);
    expect(rows[1]).toMatchObject({ cohort: '2024-01', offset: 1, customers: 1, netRevenue: '-5', complete: true });
    const json = JSON.parse(JSON.stringify(base.table())) as { cohorts: { cells: { grossRevenue: string }[] }[] };
    expect(json.cohorts[0]?.cells[0]?.grossRevenue).toBe('30');
  });

  test('a cell is a frozen object of plain fields, its per-customer revenue among them', () => {
    const cell = base.table().cohorts[0]?.cells[1];
    expect(cell).toBeDefined();
    if (cell === undefined) return;
    expect(Object.keys(cell)).toEqual([
      'offset', 'label', 'customers', 'rate', 'previousRate', 'orders', 'grossRevenue', 'netRevenue',
      'revenuePerCustomer', 'cumulativeRevenuePerCustomer', 'complete',
    ]);
    expect(Object.getOwnPropertySymbols(cell)).toEqual([]);
    expect(Object.values(Object.getOwnPropertyDescriptors(cell)).every((field) => 'value' in field)).toBe(true);
    expect(Object.isFrozen(cell)).toBe(true);
    // -5 over the cohort's 3 customers; 30 - 5 over 3 for the cumulative value.
    expect(cell.revenuePerCustomer.toString()).toBe('-1.6666666666666666667');
    expect(cell.cumulativeRevenuePerCustomer.toString()).toBe('8.3333333333333333333');
    expect(() => {
      (cell as { revenuePerCustomer: unknown }).revenuePerCustomer = 0;
    }).toThrow(TypeError);
  });

  test('misuse is an InvalidOptionError', () => {
    expect(() => base.by({ days: 7 } as unknown as 'week')).toThrow(InvalidOptionError);
    expect(() => base.mode('bracket' as 'classic')).toThrow(InvalidOptionError);
    expect(() => base.brackets([])).toThrow(InvalidOptionError);
    expect(() => base.brackets([[2], [1]])).toThrow('brackets[1]: brackets must be in ascending order and must not overlap');
    expect(() => base.brackets([[3, 1]])).toThrow(InvalidOptionError);
    expect(() => base.maxOffset(-1)).toThrow(InvalidOptionError);
    expect(() => base.timeZone('Mars/Base')).toThrow(InvalidOptionError);
    expect(() => base.every({ days: 0 })).toThrow(InvalidOptionError);
    expect(() => base.segmentBy(42 as unknown as () => string)).toThrow(InvalidOptionError);
    expect(() => base.cohortKey(() => ({}) as unknown as string).table()).toThrow(InvalidOptionError);
    expect(() => base.asOf('soon').table()).toThrow(InvalidOptionError);
  });
});

// An independent, naive implementation: sets and Date arithmetic, UTC months.
function naive(rows: { customerId: number; date: number; amount: number }[]) {
  const month = (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
  const first = new Map<number, number>();
  for (const r of rows) if (r.amount >= 0) first.set(r.customerId, Math.min(first.get(r.customerId) ?? Number.POSITIVE_INFINITY, r.date));
  const asOf = Math.max(...rows.map((r) => r.date));
  const cells = new Map<string, { customers: Set<number>; orders: number; net: number }>();
  const sizes = new Map<number, number>();
  for (const [, t] of first) sizes.set(month(t), (sizes.get(month(t)) ?? 0) + 1);
  for (const r of rows) {
    const f = first.get(r.customerId);
    if (f === undefined) continue;
    const c = month(f);
    const k = month(r.date) - c;
    if (k < 0) continue;
    const key = `${c}/${k}`;
    const cell = cells.get(key) ?? { customers: new Set<number>(), orders: 0, net: 0 };
    cell.net += r.amount;
    if (r.amount >= 0) {
      cell.orders++;
      cell.customers.add(r.customerId);
    }
    cells.set(key, cell);
  }
  const out: Record<string, number[][]> = {};
  for (const [c, size] of [...sizes].sort((x, y) => x[0] - y[0])) {
    const list: number[][] = [];
    for (let k = 0; k <= month(asOf) - c; k++) {
      const cell = cells.get(`${c}/${k}`);
      list.push([size, cell?.customers.size ?? 0, cell?.orders ?? 0, cell?.net ?? 0]);
    }
    out[`${Math.floor(c / 12)}-${String((c % 12) + 1).padStart(2, '0')}`] = list;
  }
  return out;
}

const rowArb = fc.record({
  customerId: fc.integer({ min: 0, max: 12 }),
  date: fc.integer({ min: 0, max: 400 }).map((d) => Date.UTC(2023, 0, 1) + d * 86_400_000 + 7_200_000),
  amount: fc.integer({ min: -50, max: 100 }),
});

// Customers decades apart: far more calendar periods than customers, so the table is built by finding
// each customer's group first (rather than in one pass with a row for every period).
const sparseRowArb = fc.record({
  customerId: fc.integer({ min: 0, max: 12 }),
  date: fc.integer({ min: 0, max: 60 * 365 }).map((d) => Date.UTC(1970, 0, 1) + d * 86_400_000 + 7_200_000),
  amount: fc.integer({ min: -50, max: 100 }),
});

describe('Cohort properties', () => {
  fcTest.prop([fc.array(fc.oneof(rowArb, sparseRowArb), { minLength: 1, maxLength: 60 })], { numRuns: 150 })('equals a naive implementation', (rows) => {
    const table = Cohort.from(rows).table();
    const ours = Object.fromEntries(
      table.cohorts.map((c) => [c.key, c.cells.map((cell) => [c.size, cell.customers, cell.orders, cell.netRevenue.toNumber()])]),
    );
    expect(ours).toEqual(naive(rows));
  });

  fcTest.prop([fc.array(fc.oneof(rowArb, sparseRowArb), { maxLength: 60 }), fc.constantFrom('day', 'week', 'month', 'quarter'), fc.boolean()], { numRuns: 150 })(
    'invariants: unbounded non-increasing, classic offset 0 = 1, sizes add up, order-free',
    (rows, unit, weekly) => {
      let builder = Cohort.from(rows).by(unit as 'month');
      if (weekly) builder = builder.every({ days: 7 });
      const classic = builder.table();
      const unbounded = builder.mode('unbounded').table();
      const customers = new Set(rows.filter((r) => r.amount >= 0).map((r) => r.customerId)).size;
      expect(classic.cohorts.reduce((n, c) => n + c.size, 0)).toBe(customers);
      for (const c of classic.cohorts) expect(c.cells[0]?.rate).toBe(1);
      for (const c of unbounded.cohorts) {
        for (let k = 1; k < c.cells.length; k++) expect(c.cells[k]?.customers).toBeLessThanOrEqual(c.cells[k - 1]?.customers ?? 0);
        for (const cell of c.cells) expect(cell.rate).toBeLessThanOrEqual(1);
      }
      const reversed = Cohort.from([...rows].reverse()).by(unit as 'month');
      const again = (weekly ? reversed.every({ days: 7 }) : reversed).table();
      expect(JSON.stringify(again)).toBe(JSON.stringify(classic));
    },
  );
});

describe('Cohort over thousands of customers', () => {
  // 3,000 customers, each with one to six events
  // over two years, refunds among them (some before the first order's month); as of mid-2024, with a
  // cap on offsets, so that events after `asOf` and orders beyond the last offset both occur.
  const rows: { customerId: string; date: number; amount: number }[] = [];
  let seed = 12_345;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  for (let c = 0; c < 3000; c++) {
    const events = 1 + next(6);
    for (let e = 0; e < events; e++) {
      const day = next(730);
      const amount = next(10) === 0 ? -(1 + next(500)) : next(5000);
      rows.push({ customerId: `c${c}`, date: Date.UTC(2023, 0, 1) + day * 86_400_000 + next(86_400_000), amount });
    }
  }
  const asOf = Date.UTC(2024, 5, 15);
  const maxOffset = 8;
  const month = (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
  const key = (m: number) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  // Naive: every customer's first order, then the offset of each event as of `asOf`.
  const first = new Map<string, number>();
  for (const r of rows) if (r.amount >= 0) first.set(r.customerId, Math.min(first.get(r.customerId) ?? Number.POSITIVE_INFINITY, r.date));
  const offsetsOf = (cohort: number) => Math.min(month(asOf) - cohort, maxOffset) + 1;
  const expected = new Map<string, { size: number; active: Set<string>[]; orders: number[]; net: number[]; reach: Map<string, number> }>();
  for (const t0 of first.values()) {
    if (t0 > asOf) continue;
    const k0 = key(month(t0));
    const offsets = offsetsOf(month(t0));
    const cohort = expected.get(k0) ?? { size: 0, active: [], orders: [], net: [], reach: new Map<string, number>() };
    for (let k = cohort.active.length; k < offsets; k++) cohort.active.push(new Set()), cohort.orders.push(0), cohort.net.push(0);
    cohort.size++;
    expected.set(k0, cohort);
  }
  for (const r of rows) {
    const t0 = first.get(r.customerId);
    if (t0 === undefined || t0 > asOf || r.date > asOf) continue;
    const cohort = expected.get(key(month(t0)));
    const k = month(r.date) - month(t0);
    if (cohort === undefined || k < 0) continue;
    const offsets = offsetsOf(month(t0));
    if (r.amount >= 0) cohort.reach.set(r.customerId, Math.max(cohort.reach.get(r.customerId) ?? -1, Math.min(k, offsets - 1)));
    if (k >= offsets) continue;
    cohort.net[k] = (cohort.net[k] ?? 0) + r.amount;
    if (r.amount < 0) continue;
    cohort.orders[k] = (cohort.orders[k] ?? 0) + 1;
    cohort.active[k]?.add(r.customerId);
  }
  const builder = Cohort.from(rows).asOf(new Date(asOf)).maxOffset(maxOffset);

  test('classic cells equal a naive count', () => {
    const table = builder.table();
    expect(table.cohorts.map((c) => c.key)).toEqual([...expected.keys()].sort());
    for (const c of table.cohorts) {
      const want = expected.get(c.key);
      expect(c.size).toBe(want?.size);
      expect(c.cells.map((cell) => [cell.customers, cell.orders, cell.netRevenue.toNumber()])).toEqual(
        want?.active.map((set, k) => [set.size, want.orders[k], want.net[k]]),
      );
    }
  });

  test('unbounded cells count each customer up to their last active offset', () => {
    for (const c of builder.mode('unbounded').table().cohorts) {
      const reach = [...(expected.get(c.key)?.reach.values() ?? [])];
      expect(c.cells.map((cell) => cell.customers)).toEqual(c.cells.map((_, k) => reach.filter((last) => last >= k).length));
    }
  });

  const cells = (table: CohortTable) =>
    Object.fromEntries(table.cohorts.map((c) => [`${c.segment ?? ''}/${c.key}`, [c.size, ...c.cells.map((cell) => [cell.customers, cell.orders, cell.netRevenue.toNumber()])]]));

  test('segments: the cells of each segment are those of its own customers alone', () => {
    const parity = (id: string) => (Number(id.slice(1)) % 2 === 0 ? 'even' : 'odd');
    const segmented = cells(builder.segmentBy((c) => parity(String(c.customerId))).table());
    const alone = ['even', 'odd'].map((segment) =>
      Object.entries(cells(Cohort.from(rows.filter((r) => parity(r.customerId) === segment)).asOf(new Date(asOf)).maxOffset(maxOffset).table()))
        .map(([key, value]) => [`${segment}${key}`, value]),
    );
    expect(segmented).toEqual(Object.fromEntries(alone.flat()));
  });

  test('a fixed-offset zone equals UTC over instants moved by that offset', () => {
    const shift = 5.5 * 3_600_000;
    const moved = rows.map((r) => ({ ...r, date: r.date + shift }));
    const local = builder.timeZone('+05:30').table();
    const utc = Cohort.from(moved).asOf(new Date(asOf + shift)).maxOffset(maxOffset).table();
    expect(cells(local)).toEqual(cells(utc));
  });

  test('elapsed 30-day windows from each first order equal a naive count', () => {
    const span = 30 * 86_400_000;
    const minFirst = new Map<string, number>();
    for (const t0 of first.values()) if (t0 <= asOf) minFirst.set(key(month(t0)), Math.min(minFirst.get(key(month(t0))) ?? t0, t0));
    const want = new Map<string, { active: Set<string>[]; orders: number[]; net: number[] }>();
    for (const [k0, t] of minFirst) {
      const offsets = Math.min(Math.floor((asOf - t) / span), maxOffset) + 1;
      want.set(k0, { active: Array.from({ length: offsets }, () => new Set<string>()), orders: new Array<number>(offsets).fill(0), net: new Array<number>(offsets).fill(0) });
    }
    for (const r of rows) {
      const t0 = first.get(r.customerId);
      if (t0 === undefined || t0 > asOf || r.date > asOf) continue;
      const cohort = want.get(key(month(t0)));
      const k = Math.floor((r.date - t0) / span);
      if (cohort === undefined || k < 0 || k >= cohort.active.length) continue;
      cohort.net[k] = (cohort.net[k] ?? 0) + r.amount;
      if (r.amount < 0) continue;
      cohort.orders[k] = (cohort.orders[k] ?? 0) + 1;
      cohort.active[k]?.add(r.customerId);
    }
    for (const c of builder.every({ days: 30 }).table().cohorts) {
      const w = want.get(c.key);
      expect(c.cells.map((cell) => [cell.customers, cell.orders, cell.netRevenue.toNumber()])).toEqual(
        w?.active.map((set, k) => [set.size, w.orders[k], w.net[k]]),
      );
    }
  });

  test('bracket cells count distinct customers per bracket', () => {
    const brackets: [number, number][] = [[0, 0], [1, 2], [3, 8]];
    for (const c of builder.brackets(brackets).table().cohorts) {
      const want = expected.get(c.key);
      const active = brackets
        .filter(([from]) => from < (want?.active.length ?? 0))
        .map(([from, to]) => new Set(want?.active.slice(from, to + 1).flatMap((set) => [...set])).size);
      expect(c.cells.map((cell) => cell.customers)).toEqual(active);
    }
  });
});
