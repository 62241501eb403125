import { describe, expect, test } from 'vitest';
import { Scratch, allocateEventColumns } from '../../src/input/event-columns.ts';

describe('Scratch', () => {
  test('hands out zero-filled, 8-byte aligned arrays from its memory, one after another', () => {
    const memory = new ArrayBuffer(64);
    new Uint8Array(memory).fill(0xff); // whatever was there before
    const scratch = new Scratch(memory);
    const a = scratch.uint32(3); // bytes 0–11
    const b = scratch.float64(2); // aligned to 16: bytes 16–31
    const c = scratch.int32(8); // bytes 32–63
    expect([a.buffer, b.buffer, c.buffer]).toEqual([memory, memory, memory]);
    expect([a.byteOffset, b.byteOffset, c.byteOffset]).toEqual([0, 16, 32]);
    expect([...a, ...b, ...c].every((v) => v === 0)).toBe(true);
  });

  test('allocates afresh what no longer fits, and starts over after reset', () => {
    const memory = new ArrayBuffer(32);
    const scratch = new Scratch(memory);
    scratch.float64(3);
    const fresh = scratch.float64(2);
    expect(fresh.buffer).not.toBe(memory);
    expect(fresh.length).toBe(2);
    scratch.reset();
    const again = scratch.float64(4);
    expect(again.buffer).toBe(memory);
    expect(again.byteOffset).toBe(0);
  });

  test('the ledger columns of n events give room for 16 bytes per event', () => {
    const columns = allocateEventColumns(10);
    const scratch = new Scratch(columns.time.buffer);
    expect(scratch.int32(40).buffer).toBe(columns.time.buffer);
    expect(scratch.int32(1).buffer).not.toBe(columns.time.buffer);
  });
});
