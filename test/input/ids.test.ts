import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { craftedIds, craftedNumberIds, craftedSmallIntegers, fnv1a, packedNumberMix, v8SmallIntegerHash } from '../../bench/crafted-ids.ts';
import { DenseIdTable, denseSlots } from '../../src/input/dense-ids.ts';
import { numberIdColumn } from '../../src/input/id-column.ts';
import { IdNumbering, MAX_MAP_STRING_LENGTH } from '../../src/input/ids.ts';
import { KeyedIdTable } from '../../src/input/keyed-id-table.ts';
import type { CustomerId } from '../../src/input/types.ts';

/** The reference: a Map from id to its first-sight number. */
function referenceNumbers(ids: readonly CustomerId[]): { numbers: number[]; distinct: CustomerId[] } {
  const seen = new Map<CustomerId, number>();
  const distinct: CustomerId[] = [];
  const numbers = ids.map((id) => {
    const key = id === 0 ? 0 : id;
    let k = seen.get(key);
    if (k === undefined) {
      k = distinct.length;
      seen.set(key, k);
      distinct.push(key);
    }
    return k;
  });
  return { numbers, distinct };
}

const mixedIds = fc.array(
  fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.constantFrom('a', 'a\0', '12345678', '123456789', '1', '__proto__', ''),
    fc.integer({ min: -5, max: 5 }),
    fc.constant(-0),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  ),
  { maxLength: 3000 },
);

describe('IdNumbering', () => {
  test('numbers ids by first sight; strings and numbers differ; -0 is 0; any string is an ordinary id', () => {
    const numbering = new IdNumbering(13);
    const input: CustomerId[] = ['b', 1, '1', '__proto__', 'constructor', '', -0, 0, 'b', '1', 1, '__proto__', ''];
    expect(input.map((id) => numbering.accountOf(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 6, 0, 2, 1, 3, 5]);
    expect(numbering.ids).toEqual(['b', 1, '1', '__proto__', 'constructor', '', 0]);
    expect(Object.is(numbering.ids[6], 0)).toBe(true);
  });

  fcTest.prop([mixedIds])('agrees with a Map-based numbering', (ids) => {
    const numbering = new IdNumbering(ids.length);
    const reference = referenceNumbers(ids);
    expect(ids.map((id) => numbering.accountOf(id))).toEqual(reference.numbers);
    expect(numbering.ids).toEqual(reference.distinct);
  });

  test('numbers and strings longer than the Map takes go through the keyed table, beside short strings', () => {
    const long = 'x'.repeat(MAX_MAP_STRING_LENGTH + 1);
    const ids: CustomerId[] = ['a', long, 7, `${long}y`, 'a', 7, long, 'x'.repeat(MAX_MAP_STRING_LENGTH)];
    const numbering = new IdNumbering(ids.length);
    expect(ids.map((id) => numbering.accountOf(id))).toEqual([0, 1, 2, 3, 0, 2, 1, 4]);
    expect(numbering.keyedProbeLength()).toBeGreaterThanOrEqual(3); // the two long strings and the number
  });
});

describe('IdNumbering: sequential ids', () => {
  /** Ids of one shape — a prefix, then `width` digits, or integers — with values below `range`, now and then replaced by `odd`. */
  const sequentialIds = fc
    .record({
      prefix: fc.constantFrom('', 'c', 'C-', 'u_1x', 'ÿ', null),
      width: fc.integer({ min: 1, max: 9 }),
      range: fc.integer({ min: 1, max: 5000 }),
      count: fc.integer({ min: 1, max: 1500 }),
      odd: fc.option(
        fc.record({
          at: fc.nat(),
          id: fc.oneof(fc.constantFrom('c1', 'C-01', '', 'x', '0', 'c00000000', -1, -0, 0.5, 2 ** 31, 7, '7'), fc.string({ maxLength: 8 })),
        }),
        { nil: undefined },
      ),
      seed: fc.integer(),
    })
    .map(({ prefix, width, range, count, odd, seed }) => {
      const cap = Math.min(range, 10 ** width);
      let state = seed | 0;
      const ids: CustomerId[] = [];
      for (let i = 0; i < count; i++) {
        state = (Math.imul(state, 1103515245) + 12345) | 0;
        const value = (state >>> 8) % cap;
        ids.push(prefix === null ? value : `${prefix}${String(value).padStart(width, '0')}`);
      }
      if (odd !== undefined) ids[odd.at % count] = odd.id;
      return ids;
    });

  fcTest.prop([sequentialIds])('the same numbers and ids as a Map-based numbering, misfits and hand-over included', (ids) => {
    const numbering = new IdNumbering(ids.length);
    const reference = referenceNumbers(ids);
    expect(ids.map((id) => numbering.accountOf(id))).toEqual(reference.numbers);
    expect(numbering.ids).toEqual(reference.distinct);
    expect(numbering.ids.some((id) => Object.is(id, -0))).toBe(false);
  });

  test('one width keeps ids of different widths apart; values beyond the table hand over', () => {
    const numbering = new IdNumbering(4);
    const ids: CustomerId[] = ['c007', 'c07', 'c7', 'c007', 'c999999', 'c07'];
    expect(ids.map((id) => numbering.accountOf(id))).toEqual([0, 1, 2, 0, 3, 1]);
    expect(numbering.ids).toEqual(['c007', 'c07', 'c7', 'c999999']);
  });
});

describe('KeyedIdTable', () => {
  const keyedIds = fc.array(
    fc.oneof(fc.string({ maxLength: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)), fc.integer({ min: -50, max: 50 })),
    { maxLength: 3000 },
  );
  const keys = fc.record({ k0: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), k1: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) });

  fcTest.prop([keyedIds, keys])('numbers ids as a Map-based numbering does, under any key', (ids, seed) => {
    const table = new KeyedIdTable(seed);
    const numbered: CustomerId[] = [];
    const reference = referenceNumbers(ids);
    expect(ids.map((id) => table.accountOf(id, numbered))).toEqual(reference.numbers);
    expect(numbered).toEqual(reference.distinct);
  });

  test('keeps every id apart through many table growths', () => {
    const table = new KeyedIdTable();
    const ids: CustomerId[] = [];
    const input = Array.from({ length: 50_000 }, (_, i): CustomerId => (i % 2 === 0 ? i * 0.5 : `c${i.toString(36)}`));
    expect(input.map((id) => table.accountOf(id, ids))).toEqual(input.map((_, i) => i));
    expect(input.map((id) => table.accountOf(id, ids))).toEqual(input.map((_, i) => i));
    expect(ids).toEqual(input);
  });
});

describe('DenseIdTable', () => {
  const denseColumns = fc.array(fc.integer({ min: -50, max: 3000 }), { minLength: 1, maxLength: 2000 });

  fcTest.prop([denseColumns])('numbers a typed column of integers as a Map-based numbering does', (values) => {
    const column = Float64Array.from(values);
    const table = DenseIdTable.forColumn(column, column.length);
    if (table === null) return; // a range much wider than the column: numbered by an IdNumbering
    const reference = referenceNumbers(values);
    expect(values.map((id) => table.accountOf(id))).toEqual(reference.numbers);
    expect(table.idsByAccount()).toEqual(reference.distinct);
  });

  fcTest.prop([denseColumns, fc.nat({ max: 20 })])('numberColumn numbers a column as accountOf does, one id at a time', (values, before) => {
    const column = Float64Array.from(values);
    const table = DenseIdTable.forColumn(column, column.length);
    const plain = DenseIdTable.forColumn(column, column.length);
    if (table === null || plain === null) return;
    // Some ids numbered one at a time first: the column's new ids follow them.
    const head = values.slice(0, before);
    expect(head.map((id) => table.accountOf(id))).toEqual(head.map((id) => plain.accountOf(id)));
    expect(Array.from(table.numberColumn(column, column.length))).toEqual(values.map((id) => plain.accountOf(id)));
    expect(table.idsByAccount()).toEqual(plain.idsByAccount());
  });

  test('numberColumn numbers a new id met twice among entries read together once', () => {
    const column = Float64Array.of(5, 5, 6, 5, 7, 7, 7, 6, 8);
    const table = DenseIdTable.forColumn(column, column.length);
    expect(Array.from(table?.numberColumn(column, column.length) ?? [])).toEqual([0, 0, 1, 0, 2, 2, 2, 1, 3]);
    expect(table?.idsByAccount()).toEqual([5, 6, 7, 8]);
  });

  test('numberColumn lists -0 as the id 0', () => {
    const table = DenseIdTable.forColumn(Float64Array.of(-0, 1, 0), 3);
    expect(table).not.toBeNull();
    expect(Array.from(table?.numberColumn(Float64Array.of(-0, 1, 0), 3) ?? [])).toEqual([0, 1, 0]);
    expect(Object.is(table?.idsByAccount()[0], 0)).toBe(true);
  });

  test('only for a typed array of integers in a range not much wider than the column', () => {
    expect(DenseIdTable.forColumn([1, 2, 3], 3)).toBeNull();
    expect(DenseIdTable.forColumn(Float64Array.of(1, 2.5), 2)).toBeNull();
    expect(DenseIdTable.forColumn(Float64Array.of(0, denseSlots(2) - 1), 2)).not.toBeNull();
    expect(DenseIdTable.forColumn(Float64Array.of(0, denseSlots(2)), 2)).toBeNull();
    expect(DenseIdTable.forColumn(new Uint32Array(0), 0)).toBeNull();
  });
});

describe('ids chosen to collide', () => {
  // Sets that an unkeyed hash puts in one run of slots or one bucket: long ids sharing the low 28 bits
  // of their FNV-1a hash, numbers sharing the low 28 bits of a fixed mix of their 64 bits, and integers
  // sharing the low 14 bits of V8's hash of a Map key. Numbering n of them there took about n²/2 probes.
  const count = 4096;
  const crafted: [string, CustomerId[]][] = [
    ['long strings', craftedIds(count)],
    ['numbers', craftedNumberIds(count)],
    ['small integers', craftedSmallIntegers(count)],
  ];
  const seeds = fc.record({ k0: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), k1: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) });

  test('the crafted sets collide under the unkeyed hashes', () => {
    const [long, numbers, integers] = crafted.map(([, ids]) => ids);
    expect(new Set(long?.map((id) => fnv1a(String(id)) & 0x0fffffff)).size).toBe(1);
    expect(new Set(numbers?.map((id) => packedNumberMix(Number(id)))).size).toBe(1);
    expect(new Set(integers?.map((id) => v8SmallIntegerHash(Number(id)) & 0x3fff)).size).toBe(1);
    for (const [, ids] of crafted) expect(new Set(ids).size).toBe(count);
  });

  fcTest.prop([seeds], { numRuns: 8 })('under a random key, crafted ids take a few probes each in the keyed table', (seed) => {
    for (const [, ids] of crafted) {
      const table = new KeyedIdTable(seed);
      const numbered: CustomerId[] = [];
      expect(ids.map((id) => table.accountOf(id, numbered))).toEqual(ids.map((_, i) => i));
      // At the table's load, hashes that spread the ids average under 2.5 probes a look-up.
      expect(table.probeLength()).toBeLessThanOrEqual(3 * count);
    }
  });
});

describe('numberIdColumn', () => {
  const column = fc.array(
    fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('o1', 'o2', '1', 'o00000001'), fc.integer({ min: -3, max: 3 }), fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true })), {
      nil: undefined,
    }),
    { maxLength: 2000 },
  );

  fcTest.prop([column])('numbers each entry by its id in order of first sight, as a Map would; no id is −1', (ids) => {
    const seen = new Map<CustomerId, number>();
    const expected = ids.map((id) => {
      if (id === undefined) return -1;
      if (!seen.has(id)) seen.set(id, seen.size);
      return seen.get(id) ?? -1;
    });
    const { numbers, count } = numberIdColumn(ids, ids.length);
    expect(Array.from(numbers)).toEqual(expected);
    expect(count).toBe(seen.size);
  });
});
