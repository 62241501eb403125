/** Test helpers for the model tests: fixture loading and a tiny seeded generator. Not a test file. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type RfmSummary, rfmSummary } from '../../src/models/rfm-summary.ts';

/**
 * Each fitted parameter is within 4 of its standard errors of the truth the data were simulated
 * from (a miss has probability about 6e-5 per parameter for a well-behaved estimator), and every
 * standard error is known.
 */
export function expectWithinSamplingError<K extends string>(
  fit: { readonly params: Readonly<Record<K, number>>; readonly standardErrors: Readonly<Record<K, number | null>> },
  truth: Readonly<Record<K, number>>,
): void {
  for (const k of Object.keys(truth) as K[]) {
    const se = fit.standardErrors[k];
    expect(se, `standard error of ${k}`).not.toBeNull();
    if (se !== null) expect(Math.abs(fit.params[k] - truth[k]), k).toBeLessThan(4 * se);
  }
}

/** Rows of a CSV fixture in test/fixtures/models (header skipped), as numbers. */
export function readFixtureCsv(name: string): number[][] {
  const text = readFileSync(new URL(`../fixtures/models/${name}`, import.meta.url), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/**
 * Two customers in weeks with a holdout: ann buys on 2024-01-01 and 01-15, bob on 01-08; calibration
 * to 2024-02-11, holdout to 03-10.
 */
export function weeklyHoldoutSummary(): RfmSummary {
  return rfmSummary(
    [
      { customerId: 'ann', date: '2024-01-01', amount: '20.00' },
      { customerId: 'ann', date: '2024-01-15', amount: '30.00' },
      { customerId: 'bob', date: '2024-01-08', amount: '40.00' },
    ],
    { calibrationEnd: '2024-02-11', holdoutEnd: '2024-03-10', unit: 'week' },
  );
}

/** The CDNOW BG/NBD summary (weeks) as columns. */
export function cdnowSummary(): { x: number[]; tx: number[]; T: number[] } {
  const rows = readFixtureCsv('cdnow_customers_summary.csv');
  return { x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
}

/** Seeded uniform generator on (0, 1) (mulberry32). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return u === 0 ? 0.5 / 4294967296 : u;
  };
}

/** Standard normal by Box–Muller. */
export function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** Gamma(shape, rate) variate (Marsaglia–Tsang; boosted for shape < 1). */
export function gammaVariate(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaVariate(u, shape + 1, rate) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(u);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    if (Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Beta(a, b) variate from two gammas. */
export function betaVariate(u: () => number, a: number, b: number): number {
  const x = gammaVariate(u, a, 1);
  return x / (x + gammaVariate(u, b, 1));
}

/** Exponential(rate) variate. */
export function exponential(u: () => number, rate: number): number {
  return -Math.log(u()) / rate;
}

/** One simulated customer's traits, drawn after their observation length. */
export interface BuyerTraits {
  /** Purchase rate while alive. */
  lambda: number;
  /** Time of death (`Infinity` when death comes only through `dropAfterPurchase`). */
  death: number;
  /** Probability of dropping out right after each purchase (BG/NBD), or `null` for none (no draw). */
  dropAfterPurchase: number | null;
}

/**
 * Simulate `n` repeat buyers observed for T ∈ [20, 40]: Poisson purchases at rate `lambda` until death
 * or the end of observation. Returns the (x, tx, T) summary the count models are fitted to.
 */
export function simulateRepeatBuyers(seed: number, n: number, traits: (u: () => number) => BuyerTraits) {
  const u = prng(seed);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < n; i++) {
    const Ti = 20 + 20 * u();
    const { lambda, death, dropAfterPurchase } = traits(u);
    const end = Math.min(Ti, death);
    let t = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      t += exponential(u, lambda);
      if (t > end) break;
      count++;
      last = t;
      if (dropAfterPurchase !== null && u() < dropAfterPurchase) break;
    }
    x.push(count);
    tx.push(last);
    T.push(Ti);
  }
  return { x, tx, T };
}
