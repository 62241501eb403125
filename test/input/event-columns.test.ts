import { describe, expect, test } from 'vitest';
import { allocateEventColumns, allocateStagingColumns } from '../../src/input/event-columns.ts';

describe('event columns', () => {
  test('the ledger columns of n events share one buffer of 16 bytes per event, zero-filled and apart', () => {
    const { time, minor } = allocateEventColumns(10);
    expect(time.buffer).toBe(minor.buffer);
    expect(time.buffer.byteLength).toBe(160);
    expect([time.length, minor.length]).toEqual([10, 10]);
    time.fill(1);
    expect(Array.from(minor)).toEqual(new Array(10).fill(0));
  });

  test('the staging columns of n events share one buffer of 20 bytes per event, zero-filled and apart', () => {
    const { time, minor, account } = allocateStagingColumns(10);
    expect(time.buffer).toBe(account.buffer);
    expect(time.buffer.byteLength).toBe(200);
    time.fill(1);
    minor.fill(2);
    expect(Array.from(account)).toEqual(new Array(10).fill(0));
  });
});
