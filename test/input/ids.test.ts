import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  craftedIds,
  craftedNumberIds,
  craftedShortIds,
  craftedSmallIntegers,
  fnv1a,
  packedNumberMix,
  packedStringMix,
  v8SmallIntegerHash,
} from '../../bench/crafted-ids.ts';
import { numberIdColumn } from '../../src/input/id-column.ts';
import { IdInterner, KEY_WORDS } from '../../src/input/ids.ts';
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

/** Number `ids` the staged way: every key first, then one numbering pass. */
function numberStaged(ids: readonly CustomerId[]): { numbers: number[]; interner: IdInterner } {
  const interner = new IdInterner();
  const hashes = new Uint32Array(ids.length);
  const keys = new Int32Array(KEY_WORDS * ids.length);
  ids.forEach((id, k) => interner.stage(id, k, hashes, keys));
  interner.numberStaged(hashes, keys, ids.length);
  return { numbers: Array.from(hashes), interner };
}

describe('IdInterner', () => {
  test('numbers ids by first sight; strings and numbers differ; -0 is 0; any string is an ordinary id', () => {
    const interner = new IdInterner();
    const input: CustomerId[] = ['b', 1, '1', '__proto__', 'constructor', '', -0, 0, 'b', '1', 1, '__proto__', ''];
    expect(input.map((id) => interner.intern(id))).toEqual([0, 1, 2, 3, 4, 5, 6, 6, 0, 2, 1, 3, 5]);
    expect(interner.ids).toEqual(['b', 1, '1', '__proto__', 'constructor', '', 0]);
    expect(Object.is(interner.ids[6], 0)).toBe(true);
  });

  test('keeps every id apart through many table growths, hash collisions included', () => {
    const interner = new IdInterner();
    const count = 50_000; // the table doubles from 1,024 slots many times
    const ids = Array.from({ length: count }, (_, i) => `c${i.toString(36)}`);
    // 'Aa' and 'BB' share Java's string hash; long shared prefixes stress the probe sequence.
    ids.push('Aa', 'BB', 'x'.repeat(1000), `${'x'.repeat(999)}y`, '\u{1F600}', '\uD83D');
    // Ids stored whole in their slot (≤ 8 characters below U+0100) and their near neighbours.
    ids.push('a', 'a\0', '\0', '\0\0', 'ÿÿÿÿÿÿÿÿ', 'ÿÿÿÿÿÿÿÿÿ', 'ÿÿÿÿÿÿÿĀ', 'Āa', '12345678', '123456789', '1234567');
    const first = ids.map((id) => interner.intern(id));
    const again = ids.map((id) => interner.intern(id.slice(0)));
    expect(first).toEqual(ids.map((_, i) => i));
    expect(again).toEqual(first);
    expect(interner.ids).toEqual(ids);
  });

  fcTest.prop([
    fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('a', 'a\0', 'ÿÿÿÿÿÿÿÿ', 'ÿÿÿÿÿÿÿÿÿ'), fc.integer({ min: -5, max: 5 }), fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true })), {
      maxLength: 400,
    }),
  ])('agrees with a Map-based numbering', (ids) => {
    const interner = new IdInterner();
    const numbers = ids.map((id) => interner.intern(id));
    const reference = referenceNumbers(ids);
    expect(numbers).toEqual(reference.numbers);
    expect(interner.ids).toEqual(reference.distinct);
  });

  const mixedIds = fc.array(
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
      fc.constantFrom('a', 'a\0', 'ÿÿÿÿÿÿÿÿ', 'ÿÿÿÿÿÿÿÿÿ', '12345678', '123456789'),
      fc.integer({ min: -5, max: 5 }),
      fc.constant(-0),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    ),
    { maxLength: 3000 },
  );

  fcTest.prop([mixedIds])('staged numbering agrees with a Map-based numbering', (ids) => {
    const { numbers, interner } = numberStaged(ids);
    const reference = referenceNumbers(ids);
    expect(numbers).toEqual(reference.numbers);
    expect(interner.ids).toEqual(reference.distinct);
  });

  test('staged numbering: ids rebuilt from their keys are the same values, among thousands of repeats', () => {
    const ids: CustomerId[] = [];
    for (let i = 0; i < 20_000; i++) ids.push(`c${String(i % 7_000).padStart(7, '0')}`, i % 5_000, -(i % 3) * 0.25, `long-id-${i % 900}`);
    ids.push(-0, '', 'ÿ', 2 ** 53 - 1, -1e-300, Number.MAX_VALUE);
    const { numbers, interner } = numberStaged(ids);
    const reference = referenceNumbers(ids);
    expect(numbers).toEqual(reference.numbers);
    expect(interner.ids).toEqual(reference.distinct);
    expect(interner.ids.some((id) => Object.is(id, -0))).toBe(false);
  });
});

describe('IdInterner: ids numbered through a direct table', () => {
  /** Ids of one shape — a prefix, then `width` digits — with values below `range`, now and then replaced by `odd`. */
  const shapedIds = fc
    .record({
      prefix: fc.constantFrom('', 'c', 'C-', 'u_1x', 'ÿ'),
      width: fc.integer({ min: 1, max: 7 }),
      range: fc.integer({ min: 1, max: 3000 }),
      count: fc.integer({ min: 1, max: 1500 }),
      odd: fc.option(
        fc.record({
          at: fc.nat(),
          id: fc.oneof(fc.constantFrom('c1', 'C-01', '', 'x', '0', 'c00000000', -1, 0.5, 2 ** 31, 7), fc.string({ maxLength: 8 })),
        }),
        { nil: undefined },
      ),
      seed: fc.integer(),
    })
    .map(({ prefix, width, range, count, odd, seed }) => {
      const cap = Math.min(range, 10 ** Math.min(width, 7));
      let state = seed | 0;
      const ids: CustomerId[] = [];
      for (let i = 0; i < count; i++) {
        state = (Math.imul(state, 1103515245) + 12345) | 0;
        ids.push(`${prefix}${String((state >>> 8) % cap).padStart(width, '0')}`.slice(0, prefix.length + width));
      }
      if (odd !== undefined) ids[odd.at % count] = odd.id;
      return ids;
    });

  fcTest.prop([shapedIds])('prefixed fixed-width digit ids: the same numbers and ids as a Map-based numbering', (ids) => {
    const { numbers, interner } = numberStaged(ids);
    const reference = referenceNumbers(ids);
    expect(numbers).toEqual(reference.numbers);
    expect(interner.ids).toEqual(reference.distinct);
  });

  const numberIds = fc.array(fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2 ** 31 - 50, max: 2 ** 31 + 50 }), fc.constantFrom(-0, -1, 0.5, 1e15)), {
    minLength: 1,
    maxLength: 1500,
  });

  fcTest.prop([numberIds])('number ids: the same numbers and ids as a Map-based numbering', (ids) => {
    const { numbers, interner } = numberStaged(ids);
    const reference = referenceNumbers(ids);
    expect(numbers).toEqual(reference.numbers);
    expect(interner.ids).toEqual(reference.distinct);
    expect(interner.ids.some((id) => Object.is(id, -0))).toBe(false);
  });

  test('zero-padded, prefixed and plain digit strings keep their exact text; a late misfit falls back whole', () => {
    const shaped = Array.from({ length: 5000 }, (_, i) => `c${String((i * 37) % 2600).padStart(7, '0')}`);
    const direct = numberStaged(shaped);
    expect(direct.interner.ids).toEqual(referenceNumbers(shaped).distinct);
    expect(direct.interner.ids[0]).toBe('c0000000');
    // The same ids, then one of another length at the very end: every word is restored and hashed instead.
    const misfit = [...shaped, 'c000000'];
    const fallback = numberStaged(misfit);
    expect(fallback.numbers).toEqual(referenceNumbers(misfit).numbers);
    expect(fallback.interner.ids.at(-1)).toBe('c000000');
    // Values spread wider than 2n + 1024 slots are hashed too, with the same result.
    const sparse = Array.from({ length: 100 }, (_, i) => String(10_000_000 + i * 50_000));
    expect(numberStaged(sparse).interner.ids).toEqual(sparse);
    // A value far out in a later chunk: found wide there, every word before it restored.
    const farLate = Array.from({ length: 5000 }, (_, i): CustomerId => (i === 3500 ? 2 ** 30 : i % 1800));
    const wide = numberStaged(farLate);
    expect(wide.numbers).toEqual(referenceNumbers(farLate).numbers);
    expect(wide.interner.ids).toEqual(referenceNumbers(farLate).distinct);
    const digitsOnly = ['00', '07', '70', '07', '00'];
    expect(numberStaged(digitsOnly)).toMatchObject({ numbers: [0, 1, 2, 1, 0] });
    expect(numberStaged(digitsOnly).interner.ids).toEqual(['00', '07', '70']);
  });

  /** Ids of one prefix and digits of varying widths without leading zeros, now and then replaced by `odd`. */
  const unpaddedIds = fc
    .record({
      prefix: fc.constantFrom('', 'c', 'id-', 'x9y', '\0'),
      range: fc.integer({ min: 1, max: 100_000 }),
      count: fc.integer({ min: 1, max: 1500 }),
      odd: fc.option(
        fc.record({ at: fc.nat(), id: fc.constantFrom('c07', '07', 'id-00', 'c', 'id-1x', '0', 'x9y0', 7, '\x001') }),
        { nil: undefined },
      ),
      seed: fc.integer(),
    })
    .map(({ prefix, range, count, odd, seed }) => {
      let state = seed | 0;
      const ids: CustomerId[] = [];
      for (let i = 0; i < count; i++) {
        state = (Math.imul(state, 1103515245) + 12345) | 0;
        ids.push(`${prefix}${(state >>> 8) % Math.min(range, 10 ** (8 - prefix.length))}`);
      }
      if (odd !== undefined) ids[odd.at % count] = odd.id;
      return ids;
    });

  fcTest.prop([unpaddedIds])('prefixed digit ids of varying widths: the same numbers and ids as a Map-based numbering', (ids) => {
    const { numbers, interner } = numberStaged(ids);
    const reference = referenceNumbers(ids);
    expect(numbers).toEqual(reference.numbers);
    expect(interner.ids).toEqual(reference.distinct);
  });

  test('digits of varying widths go through the table unless a leading zero makes two widths ambiguous', () => {
    const plain = ['7', '12', '0', '7', '345', '12'];
    const direct = numberStaged(plain);
    expect(direct.numbers).toEqual([0, 1, 2, 0, 3, 1]);
    expect(direct.interner.ids).toEqual(['7', '12', '0', '345']);
    expect(() => direct.interner.intern('8')).toThrow(/direct table/); // numbered through the table
    // '07' beside '7': both widths and a leading zero, so they are hashed — and stay two customers.
    const ambiguous = ['7', '12', '07', '7'];
    const hashed = numberStaged(ambiguous);
    expect(hashed.numbers).toEqual([0, 1, 2, 0]);
    expect(hashed.interner.ids).toEqual(['7', '12', '07']);
    expect(hashed.interner.intern('07')).toBe(2); // the hash table holds them
    // One width with leading zeros is one shape, whatever the order.
    expect(numberStaged(['0042', '1000', '0042']).interner.ids).toEqual(['0042', '1000']);
  });

  test('an interner that numbered through a direct table takes no more ids', () => {
    const { interner } = numberStaged(['a1', 'a2', 'a1']);
    expect(interner.ids).toEqual(['a1', 'a2']);
    expect(() => interner.intern('a3')).toThrow(/direct table/);
    expect(() => interner.numberStaged(new Uint32Array(0), new Int32Array(0), 0)).toThrow(/direct table/);
  });
});

describe('IdInterner: ids chosen to collide', () => {
  // Sets that an unkeyed hash puts in one run of slots or one bucket: long ids sharing the low 28 bits
  // of their FNV-1a hash, ids held whole in their slot (8-character strings, numbers) sharing the low
  // 28 bits of a fixed mix of their key words, and integers sharing the low 14 bits of V8's hash of a
  // Map key. Numbering n of them there took about n²/2 probes.
  const count = 4096;
  const crafted: [string, CustomerId[]][] = [
    ['long strings', craftedIds(count)],
    ['8-character strings', craftedShortIds(count)],
    ['numbers', craftedNumberIds(count)],
    ['small integers', craftedSmallIntegers(count)],
  ];
  const seeds = fc.record({ k0: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), k1: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) });

  test('the crafted sets collide under the unkeyed hashes', () => {
    const [long, short, numbers, integers] = crafted.map(([, ids]) => ids);
    expect(new Set(long?.map((id) => fnv1a(String(id)) & 0x0fffffff)).size).toBe(1);
    expect(new Set(short?.map((id) => packedStringMix(String(id)))).size).toBe(1);
    expect(new Set(numbers?.map((id) => packedNumberMix(Number(id)))).size).toBe(1);
    expect(new Set(integers?.map((id) => v8SmallIntegerHash(Number(id)) & 0x3fff)).size).toBe(1);
    for (const [, ids] of crafted) expect(new Set(ids).size).toBe(count);
  });

  fcTest.prop([seeds], { numRuns: 8 })('under a random key, crafted ids take a few probes each, numbered one by one or staged', (seed) => {
    for (const [, ids] of crafted) {
      const one = new IdInterner(seed);
      expect(ids.map((id) => one.intern(id))).toEqual(ids.map((_, i) => i));
      // At the table's load, hashes that spread the ids average under 2.5 probes a look-up.
      expect(one.probeLength()).toBeLessThanOrEqual(3 * count);
      const staged = new IdInterner(seed);
      const words = new Uint32Array(count);
      const keys = new Int32Array(KEY_WORDS * count);
      ids.forEach((id, k) => staged.stage(id, k, words, keys));
      staged.numberStaged(words, keys, count);
      expect(Array.from(words)).toEqual(ids.map((_, i) => i));
      expect(staged.probeLength()).toBeLessThanOrEqual(3 * count);
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
