import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { canonicalOrder, compareIds } from '../../src/input/account-order.ts';
import type { CustomerId } from '../../src/input/types.ts';

/** The canonical order written out: a sort of all accounts by first instant, ties by id. */
function sortedAccounts(ids: readonly CustomerId[], first: Float64Array): number[] {
  return ids.map((_, a) => a).sort((x, y) => first[x] - first[y] || compareIds(ids[x], ids[y]));
}

describe('canonicalOrder', () => {
  const accounts = fc.uniqueArray(fc.oneof(fc.integer({ min: -5, max: 40 }), fc.string({ maxLength: 3 })), { maxLength: 40 }).chain((ids) =>
    fc.record({ ids: fc.constant(ids), first: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: ids.length, maxLength: ids.length }) }),
  );

  fcTest.prop([accounts, fc.boolean()])('is the sort by first instant, ties by id; null when that is the numbering itself', ({ ids, first }, timeOrdered) => {
    const instants = Float64Array.from(timeOrdered ? [...first].sort((x, y) => x - y) : first);
    const order = canonicalOrder(ids, instants);
    const expected = sortedAccounts(ids, instants);
    if (order === null) expect(expected).toEqual(ids.map((_, a) => a));
    else expect(Array.from(order)).toEqual(expected);
  });

  test('null for accounts numbered in time order with ties in id order, an order otherwise', () => {
    expect(canonicalOrder([3, 5, 1], Float64Array.of(1, 1, 2))).toBeNull();
    expect(Array.from(canonicalOrder([5, 3, 1], Float64Array.of(1, 1, 2)) ?? [])).toEqual([1, 0, 2]);
    expect(Array.from(canonicalOrder([1, 2], Float64Array.of(2, 1)) ?? [])).toEqual([1, 0]);
  });
});
