import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { Cohort } from '../../src/cohort/builder.ts';
import type { CohortTable } from '../../src/cohort/types.ts';

// Two monthly cohorts, complete through April:
//   2024-01: a (Jan, Feb, Mar), b (Jan, Mar), c (Jan)  → customers 3, 1, 2, 0, then May (incomplete)
//   2024-02: d (Feb, Mar), e (Feb)                     → customers 2, 1, 0, then May (incomplete)
const orders = [
  { customerId: 'a', date: '2024-01-05', amount: 10 },
  { customerId: 'b', date: '2024-01-06', amount: 10 },
  { customerId: 'c', date: '2024-01-07', amount: 10 },
  { customerId: 'a', date: '2024-02-05', amount: 10 },
  { customerId: 'd', date: '2024-02-06', amount: 10 },
  { customerId: 'e', date: '2024-02-07', amount: 10 },
  { customerId: 'a', date: '2024-03-05', amount: 10 },
  { customerId: 'b', date: '2024-03-06', amount: 10 },
  { customerId: 'd', date: '2024-03-07', amount: 10 },
];
const table = Cohort.from(orders).asOf('2024-05-01T00:00:00Z').table();

describe('retention relative to the previous period', () => {
  test("a cell's previousRate is its customers over the cell before's, null first and after an empty cell", () => {
    expect(table.cohorts.map((c) => c.cells.map((cell) => cell.previousRate))).toEqual([
      [null, 1 / 3, 2, 0, null],
      [null, 1 / 2, 0, null],
    ]);
  });

  test('toRows carries previousRate', () => {
    expect(table.toRows().map((row) => row.previousRate)).toEqual([null, 1 / 3, 2, 0, null, null, 1 / 2, 0, null]);
  });
});

describe('the average curve, weighted and simple', () => {
  test('weighted by size and simple, relative to the start and to the cell before', () => {
    expect(table.average.map(({ cohorts, rate, simpleRate, previousRate, simplePreviousRate }) => ({ cohorts, rate, simpleRate, previousRate, simplePreviousRate }))).toEqual([
      { cohorts: 2, rate: 1, simpleRate: 1, previousRate: null, simplePreviousRate: null },
      { cohorts: 2, rate: 2 / 5, simpleRate: (1 / 3 + 1 / 2) / 2, previousRate: 2 / 5, simplePreviousRate: (1 / 3 + 1 / 2) / 2 },
      { cohorts: 2, rate: 2 / 5, simpleRate: (2 / 3 + 0) / 2, previousRate: 1, simplePreviousRate: (2 + 0) / 2 },
      { cohorts: 1, rate: 0, simpleRate: 0, previousRate: 0, simplePreviousRate: 0 },
      { cohorts: 0, rate: null, simpleRate: null, previousRate: null, simplePreviousRate: null },
    ]);
  });
});

const rowArb = fc.record({
  customerId: fc.integer({ min: 0, max: 30 }),
  date: fc.integer({ min: 0, max: 500 }).map((d) => Date.UTC(2023, 0, 1) + d * 86_400_000),
  amount: fc.integer({ min: 1, max: 100 }),
});

/** The averages recomputed from the table's own cells, the definitions read literally. */
function naiveAverages(t: CohortTable): { rate: number | null; simpleRate: number | null; previousRate: number | null; simplePreviousRate: number | null }[] {
  return t.average.map((_, i) => {
    const complete = t.cohorts.filter((c) => c.cells[i]?.complete === true);
    const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const customers = sum(complete.map((c) => c.cells[i].customers));
    const before = i === 0 ? [] : complete.map((c) => c.cells[i - 1].customers);
    return {
      rate: complete.length === 0 ? null : customers / sum(complete.map((c) => c.size)),
      simpleRate: mean(complete.map((c) => c.cells[i].customers / c.size)),
      previousRate: sum(before) === 0 ? null : customers / sum(before),
      simplePreviousRate: mean(i === 0 ? [] : complete.filter((c) => c.cells[i - 1].customers > 0).map((c) => c.cells[i].customers / c.cells[i - 1].customers)),
    };
  });
}

describe('averages against the definitions', () => {
  fcTest.prop([fc.array(rowArb, { minLength: 1, maxLength: 80 }), fc.constantFrom('classic' as const, 'unbounded' as const)])(
    'every average equals its definition over the complete cells',
    (rows, mode) => {
      const t = Cohort.from(rows).mode(mode).asOf(Date.UTC(2024, 5, 1)).table();
      const got = t.average.map(({ rate, simpleRate, previousRate, simplePreviousRate }) => ({ rate, simpleRate, previousRate, simplePreviousRate }));
      const want = naiveAverages(t);
      expect(got.length).toBe(want.length);
      got.forEach((cell, i) => {
        for (const key of ['rate', 'simpleRate', 'previousRate', 'simplePreviousRate'] as const) {
          const w = want[i][key];
          if (w === null) expect(cell[key]).toBeNull();
          else expect(cell[key]).toBeCloseTo(w, 12);
        }
      });
    },
  );
});
