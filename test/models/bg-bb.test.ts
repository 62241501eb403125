import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, InvalidOptionError } from '../../src/errors.ts';
import { bgBbModel, fitBgBb } from '../../src/models/bg-bb.ts';
import { betaVariate, expectWithinSamplingError, prng } from './helpers.ts';

const donations = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Number of distinct sequences with x transactions, the last at tx: C(tx−1, x−1). */
function sequences(x: number, tx: number): number {
  if (x === 0) return 1;
  let c = 1;
  for (let i = 0; i < x - 1; i++) c = (c * (tx - 1 - i)) / (i + 1);
  return c;
}

describe('bgBbModel', () => {
  fcTest.prop([positive(0.2, 5), positive(0.2, 5), positive(0.2, 5), positive(0.2, 5), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 })])(
    'pattern probabilities add up; P(alive) and conditional expectations agree with the unconditional ones',
    (alpha, beta, gamma, delta, n, nStar) => {
      const m = bgBbModel({ alpha, beta, gamma, delta });
      let total = 0;
      let alive = 0;
      let future = 0;
      for (let x = 0; x <= n; x++) {
        for (let tx = x === 0 ? 0 : x; tx <= (x === 0 ? 0 : n); tx++) {
          const weight = sequences(x, tx) * m.likelihood(x, tx, n);
          const pa = m.pAlive(x, tx, n);
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1 + 1e-12);
          total += weight;
          alive += weight * pa;
          future += weight * m.conditionalExpectedTransactions(nStar, x, tx, n);
        }
      }
      expect(total).toBeCloseTo(1, 10);
      // P(alive at n+1) = B(γ, δ+n+1)/B(γ, δ) = Π_{k=0..n} (δ+k)/(γ+δ+k)
      let survive = 1;
      for (let k = 0; k <= n; k++) survive *= (delta + k) / (gamma + delta + k);
      expect(alive).toBeCloseTo(survive, 10);
      expect(future).toBeCloseTo(m.expectedTransactions(n + nStar) - m.expectedTransactions(n), 8);
    },
  );

  test('γ = 1 is continuous with its neighbours', () => {
    const at = (gamma: number) => bgBbModel({ ...donations, gamma });
    expect(at(1).expectedTransactions(6)).toBeCloseTo(at(1 + 1e-3).expectedTransactions(6), 2);
    expect(at(1).expectedTransactions(6)).toBeCloseTo((at(1 - 1e-3).expectedTransactions(6) + at(1 + 1e-3).expectedTransactions(6)) / 2, 5);
  });

  test('bad patterns are rejected; toJSON round-trips', () => {
    const m = bgBbModel(donations);
    expect(() => m.pAlive(3, 2, 6)).toThrow(InvalidOptionError);
    expect(() => m.pAlive(0, 2, 6)).toThrow(InvalidOptionError);
    expect(() => m.pAlive(7, 7, 6)).toThrow(InvalidOptionError);
    const again = bgBbModel(JSON.parse(JSON.stringify(m)) as Parameters<typeof bgBbModel>[0]);
    expect(again.pAlive(2, 4, 6)).toBe(m.pAlive(2, 4, 6));
  });
});

describe('fitBgBb', () => {
  test('recovers simulated parameters within sampling error', () => {
    const u = prng(2010);
    const truth = { alpha: 1.2, beta: 0.8, gamma: 0.7, delta: 2.5 };
    const n = 6;
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const p = betaVariate(u, truth.alpha, truth.beta);
      const theta = betaVariate(u, truth.gamma, truth.delta);
      let x = 0;
      let tx = 0;
      for (let t = 1; t <= n; t++) {
        if (u() < theta) break;
        if (u() < p) {
          x++;
          tx = t;
        }
      }
      const key = `${x},${tx}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const keys = [...counts.keys()].map((k) => k.split(',').map(Number));
    const fit = fitBgBb({
      frequency: keys.map((k) => k[0]),
      recency: keys.map((k) => k[1]),
      periods: keys.map(() => n),
      weight: [...counts.values()],
    });
    expectWithinSamplingError(fit, truth);
  });

  test('invalid patterns are InvalidInputErrors', () => {
    expect(() => fitBgBb({ frequency: [], recency: [], periods: [] })).toThrow(/empty/);
    expect(() => fitBgBb({ frequency: [1], recency: [0], periods: [6] })).toThrow(InvalidInputError);
    expect(() => fitBgBb({ frequency: [2], recency: [7], periods: [6] })).toThrow(/recency = 7/);
    expect(() => fitBgBb({ frequency: [1, 2], recency: [1], periods: [6, 6] })).toThrow(/same length/);
    expect(() => fitBgBb({ frequency: [1], recency: [1], periods: [0] })).toThrow(/periods = 0/);
  });
});

describe('fitBgBb limits', () => {
  test('a row with more than 100,000 opportunities is an input error naming the limit', () => {
    const summary = { frequency: [1, 0], recency: [5, 0], periods: [6, 100_001] };
    expect(() => fitBgBb(summary)).toThrow('summary[1]: periods = 100001 must be an integer from 1 to 100000');
  });
});
