import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import type { TransactionRecord } from '../../src/input/types.ts';
import { bgNbdModel } from '../../src/models/bg-nbd.ts';
import { evaluateHoldout } from '../../src/models/holdout.ts';
import { rfmSummary } from '../../src/models/rfm-summary.ts';

const m = bgNbdModel({ r: 0.5, alpha: 3, a: 0.8, b: 2.5 });
const r = (customerId: string, date: string): TransactionRecord => ({ customerId, date, amount: '10.00' });
const data = [
  r('a', '2024-01-01'),
  r('a', '2024-01-03'),
  r('a', '2024-01-12'),
  r('b', '2024-01-02'),
  r('b', '2024-01-08'),
  r('b', '2024-01-09'),
  r('b', '2024-01-09'),
  r('c', '2024-01-05'),
  r('c', '2024-01-16'),
];

describe('evaluateHoldout', () => {
  const s = rfmSummary(data, { calibrationEnd: '2024-01-07', holdoutEnd: '2024-01-17', unit: { days: 2 } });
  const e = evaluateHoldout(m, s, { maxFrequency: 1 });

  test('per customer predicted = E[Y(h) | x, tx, T], actual = holdout days', () => {
    expect(e.holdoutLength).toBe(5);
    expect(e.customers.map((c) => [c.customerId, c.x, c.actual])).toEqual([
      ['a', 1, 1],
      ['b', 0, 2],
      ['c', 0, 1],
    ]);
    expect(e.customers[0]?.predicted).toBe(m.conditionalExpectedTransactions(5, 1, 1, 3));
    expect(e.actualTotal).toBe(4);
    expect(e.aggregateError).toBeCloseTo((e.predictedTotal - 4) / 4, 12);
    const errors = e.customers.map((c) => c.predicted - c.actual);
    expect(e.mae).toBeCloseTo(errors.reduce((a, b) => a + Math.abs(b), 0) / 3, 12);
    expect(e.rmse).toBeCloseTo(Math.sqrt(errors.reduce((a, b) => a + b * b, 0) / 3), 12);
  });

  test('groups by frequency with a last open group', () => {
    expect(e.byFrequency.map((g) => [g.frequency, g.customers, g.meanActual])).toEqual([
      ['0', 2, 1.5],
      ['1+', 1, 1],
    ]);
  });

  test('tracking: cumulative expected from each first day, actual repeat days per 2-day period', () => {
    // periods from 2024-01-01: [1,2] [3,4] [5,6] [7,8] [9,10] [11,12] [13,14] [15,16] [17]
    expect(e.tracking.map((t) => t.actual)).toEqual([0, 1, 0, 1, 1, 1, 0, 1, 0]);
    expect(e.tracking.map((t) => t.lastDay)).toEqual([
      '2024-01-02', '2024-01-04', '2024-01-06', '2024-01-08', '2024-01-10', '2024-01-12', '2024-01-14', '2024-01-16', '2024-01-17',
    ]);
    expect(e.tracking.map((t) => t.holdout)).toEqual([false, false, false, true, true, true, true, true, true]);
    const second = e.tracking[1];
    // on 2024-01-04: a is 3 days old, b 2 days, c not yet a customer
    expect(second?.expectedCumulative).toBeCloseTo(m.expectedTransactions(3 / 2) + m.expectedTransactions(2 / 2), 12);
    const last = e.tracking.at(-1);
    expect(last?.actualCumulative).toBe(5);
    expect(last?.expectedCumulative).toBeCloseTo(m.expectedTransactions(16 / 2) + m.expectedTransactions(15 / 2) + m.expectedTransactions(12 / 2), 12);
  });

  test('a holdout count that is missing or not a count names its row', () => {
    const holdout = [...(s.holdout ?? [])];
    holdout[1] = undefined as never;
    const error = (() => {
      try {
        evaluateHoldout(m, { ...s, holdout } as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect((error as InvalidOptionError).option).toBe('summary.holdout[1]');
  });

  test('needs a holdout', () => {
    expect(() => evaluateHoldout(m, rfmSummary(data, { calibrationEnd: '2024-01-07' }))).toThrow(InvalidOptionError);
    expect(() => evaluateHoldout(m, s, { maxFrequency: 0 })).toThrow(InvalidOptionError);
  });
});
