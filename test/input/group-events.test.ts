import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { allocateEventColumns } from '../../src/input/event-columns.ts';
import { countAccounts } from '../../src/input/group-events.ts';
import type { StagedEvents } from '../../src/input/staged-events.ts';

/** Staged events of the given ids and instants, accounts numbered in order of first sight. */
function staged(ids: readonly number[], instants: readonly number[], ordered: boolean): StagedEvents {
  const numberOf = new Map<number, number>();
  const account = Uint32Array.from(ids, (id) => {
    const known = numberOf.get(id);
    if (known !== undefined) return known;
    numberOf.set(id, numberOf.size);
    return numberOf.size - 1;
  });
  return {
    n: ids.length,
    account,
    ids: [...numberOf.keys()],
    time: Float64Array.from(instants),
    minor: new Float64Array(ids.length),
    index: null,
    orderId: null,
    ordered,
    absTotal: 0,
    output: allocateEventColumns(ids.length),
    attributes: [],
  };
}

describe('countAccounts', () => {
  const events = fc.array(fc.record({ id: fc.integer({ min: 0, max: 12 }), time: fc.integer({ min: 0, max: 30 }) }), { maxLength: 80 });

  fcTest.prop([events])('time-ordered events with none dead: the counts and first instants of the general count', (list) => {
    const sorted = [...list].sort((x, y) => x.time - y.time);
    const ids = sorted.map((e) => e.id);
    const instants = sorted.map((e) => e.time);
    const general = countAccounts(staged(ids, instants, false), new Uint8Array(ids.length));
    const inOrder = countAccounts(staged(ids, instants, true), null);
    expect(Array.from(inOrder.events)).toEqual(Array.from(general.events));
    expect(Array.from(inOrder.first)).toEqual(Array.from(general.first));
  });
});
