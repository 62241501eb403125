import { describe, expect, test } from 'vitest';
import { Scratch, allocateEventColumns } from '../../src/input/event-columns.ts';
import { allocateAccountTotals } from '../../src/input/account-totals.ts';

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

describe('allocateAccountTotals', () => {
  test('places the leading columns in spare memory when they fill at least half of it', () => {
    // 10 accounts: 80 bytes per column; 200 spare bytes hold two columns (160 ≥ 100).
    const spare = new ArrayBuffer(200);
    const totals = allocateAccountTotals(10, spare);
    expect(totals.firstOrder.buffer).toBe(spare);
    expect(totals.lastOrder.buffer).toBe(spare);
    expect(totals.lastOrder.byteOffset).toBe(80);
    expect(totals.grossMinor.buffer).not.toBe(spare);
    expect(totals.netMinor.buffer).toBe(totals.grossMinor.buffer);
    for (const column of Object.values(totals)) expect(column.length).toBe(10);
  });

  test('leaves spare memory alone when the columns would fill less than half of it, or none fits', () => {
    const large = new ArrayBuffer(1000);
    expect(Object.values(allocateAccountTotals(10, large)).some((column) => column.buffer === large)).toBe(false);
    const small = new ArrayBuffer(40);
    expect(Object.values(allocateAccountTotals(10, small)).some((column) => column.buffer === small)).toBe(false);
    const totals = allocateAccountTotals(3);
    expect(Array.from(totals.netMinor)).toEqual([0, 0, 0]);
    expect(allocateAccountTotals(0, new ArrayBuffer(16)).firstOrder.length).toBe(0);
  });
});
