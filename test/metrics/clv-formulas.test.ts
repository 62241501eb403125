import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { marginClv, simpleClv } from '../../src/metrics/clv-formulas.ts';
import { optionError } from '../helpers/option-error.ts';

/** The InvalidOptionError thrown by `run`, or fail. */
describe('simpleClv', () => {
  test('AOV × frequency × lifespan × margin', () => {
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 0.3 }).toString()).toBe('180');
  });

  test('margin defaults to 1 (lifetime revenue)', () => {
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3 }).toString()).toBe('600');
  });

  test('money as string and Decimal, exact (no binary rounding)', () => {
    // 19.99 × 3 × 0.1 = 5.997 exactly
    expect(simpleClv({ averageOrderValue: '19.99', purchaseFrequency: 3, lifespan: 0.1 }).toString()).toBe('5.997');
    expect(simpleClv({ averageOrderValue: new Decimal('0.1'), purchaseFrequency: 3, lifespan: 1 }).toString()).toBe('0.3');
    // lifespan 1 ÷ churn 0.25 = 4 periods
    expect(simpleClv({ averageOrderValue: 25, purchaseFrequency: 2, lifespan: 1 / 0.25, margin: 0.5 }).toString()).toBe('100');
  });

  test('returns a Decimal', () => {
    const value = simpleClv({ averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1 });
    expect(Decimal.isDecimal(value)).toBe(true);
    expect(value).toBeInstanceOf(Decimal);
  });

  test('zero inputs give zero; a negative margin gives a loss', () => {
    expect(simpleClv({ averageOrderValue: 0, purchaseFrequency: 4, lifespan: 3 }).toString()).toBe('0');
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 0, lifespan: 3 }).toString()).toBe('0');
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 4, lifespan: 0 }).toString()).toBe('0');
    expect(simpleClv({ averageOrderValue: 50, purchaseFrequency: 2, lifespan: 1, margin: -0.1 }).toString()).toBe('-10');
  });

  test.each([
    ['averageOrderValue', { averageOrderValue: Number.NaN, purchaseFrequency: 1, lifespan: 1 }],
    ['averageOrderValue', { averageOrderValue: '12,50', purchaseFrequency: 1, lifespan: 1 }],
    ['averageOrderValue', { averageOrderValue: -1, purchaseFrequency: 1, lifespan: 1 }],
    ['averageOrderValue', { averageOrderValue: new Decimal(Infinity), purchaseFrequency: 1, lifespan: 1 }],
    ['purchaseFrequency', { averageOrderValue: 1, purchaseFrequency: -1, lifespan: 1 }],
    ['purchaseFrequency', { averageOrderValue: 1, purchaseFrequency: Number.NaN, lifespan: 1 }],
    ['lifespan', { averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1 / 0 }],
    ['lifespan', { averageOrderValue: 1, purchaseFrequency: 1, lifespan: -2 }],
    ['margin', { averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1, margin: 1.5 }],
    ['margin', { averageOrderValue: 1, purchaseFrequency: 1, lifespan: 1, margin: Number.NaN }],
  ] as const)('rejects a bad %s', (option, options) => {
    const error = optionError(() => simpleClv(options));
    expect(error.option).toBe(option);
    expect(error.message.startsWith(`${option}: `)).toBe(true);
  });
});

describe('marginClv, infinite horizon', () => {
  test("'end': m · r ÷ (1 + d − r)", () => {
    // 100 · 0.9 ÷ 0.2
    expect(marginClv({ margin: 100, retentionRate: 0.9, discountRate: 0.1 }).toString()).toBe('450');
    // 100 · 0.8 ÷ 0.3 = 266.666…
    expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing: 'end' }).toString()).toBe(
      '266.66666666666666667',
    );
  });

  test("'start': m · (1 + d) ÷ (1 + d − r) = m + 'end'", () => {
    expect(marginClv({ margin: 100, retentionRate: 0.9, discountRate: 0.1, timing: 'start' }).toString()).toBe('550');
    expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing: 'start' }).toString()).toBe(
      '366.66666666666666667',
    );
  });

  test('r = 0: nothing after the first margin', () => {
    expect(marginClv({ margin: 100, retentionRate: 0, discountRate: 0.1 }).toString()).toBe('0');
    expect(marginClv({ margin: 100, retentionRate: 0, discountRate: 0.1, timing: 'start' }).toString()).toBe('100');
  });

  test('d = 0: m · r ÷ (1 − r) and m ÷ (1 − r)', () => {
    expect(marginClv({ margin: 100, retentionRate: 0.75, discountRate: 0 }).toString()).toBe('300');
    expect(marginClv({ margin: 100, retentionRate: 0.75, discountRate: 0, timing: 'start' }).toString()).toBe('400');
  });

  test('r = 1 converges with a positive discount rate: m ÷ d', () => {
    expect(marginClv({ margin: 100, retentionRate: 1, discountRate: 0.25 }).toString()).toBe('400');
    expect(marginClv({ margin: 100, retentionRate: 1, discountRate: 0.25, timing: 'start' }).toString()).toBe('500');
  });

  test('money as string, Decimal or a Decimal of another configuration; negative margin', () => {
    expect(marginClv({ margin: '100.00', retentionRate: 0.9, discountRate: 0.1 }).toString()).toBe('450');
    expect(marginClv({ margin: new Decimal(100), retentionRate: 0.9, discountRate: 0.1 }).toString()).toBe('450');
    const Other = Decimal.clone({ precision: 5 });
    expect(marginClv({ margin: new Other(100), retentionRate: 0.9, discountRate: 0.1 }).toString()).toBe('450');
    expect(marginClv({ margin: -100, retentionRate: 0.9, discountRate: 0.1 }).toString()).toBe('-450');
  });

  test("the caller's global Decimal settings do not change results", () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 5 });
    try {
      expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }).toString()).toBe('266.66666666666666667');
    } finally {
      Decimal.set({ precision: saved });
    }
  });

  test('r ≥ 1 + d diverges and is rejected, pointing to `periods`', () => {
    for (const [r, d] of [
      [1, 0],
      [0.6, -0.5],
      [0.5, -0.5],
    ] as const) {
      const error = optionError(() => marginClv({ margin: 1, retentionRate: r, discountRate: d }));
      expect(error.option).toBe('retentionRate');
      expect(error.value).toBe(r);
      expect(error.message).toContain('periods');
    }
  });
});

describe('marginClv, finite horizon', () => {
  test('periods = 1', () => {
    // 'start': only today's margin, undiscounted
    expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 1, timing: 'start' }).toString()).toBe('100');
    // 'end': next period's margin, kept with probability 0.8 and discounted once: 80 ÷ 1.1
    expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 1 }).toString()).toBe(
      '72.727272727272727273',
    );
  });

  test('periods = 2 and 3 by hand', () => {
    // 100 + 80/1.1 = 172.7272…
    expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 2, timing: 'start' }).toFixed(6)).toBe('172.727273');
    // 80/1.1 + 64/1.21 = 72.727273 + 52.892562
    expect(marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, periods: 2 }).toFixed(6)).toBe('125.619835');
    // d = 0: 100 + 50 + 25 and 50 + 25 + 12.5
    expect(marginClv({ margin: 100, retentionRate: 0.5, discountRate: 0, periods: 3, timing: 'start' }).toString()).toBe('175');
    expect(marginClv({ margin: 100, retentionRate: 0.5, discountRate: 0, periods: 3 }).toString()).toBe('87.5');
  });

  test('r = 0', () => {
    expect(marginClv({ margin: 100, retentionRate: 0, discountRate: 0.1, periods: 5, timing: 'start' }).toString()).toBe('100');
    expect(marginClv({ margin: 100, retentionRate: 0, discountRate: 0.1, periods: 5 }).toString()).toBe('0');
  });

  test('q = r ÷ (1 + d) = 1: m · T in both timings', () => {
    expect(marginClv({ margin: 100, retentionRate: 1, discountRate: 0, periods: 5 }).toString()).toBe('500');
    expect(marginClv({ margin: 100, retentionRate: 1, discountRate: 0, periods: 5, timing: 'start' }).toString()).toBe('500');
  });

  test('finite sums are fine where the infinite one diverges (q > 1)', () => {
    // q = 1 ÷ 0.5 = 2: 100 · (1 + 2 + 4) and 100 · (2 + 4 + 8)
    expect(marginClv({ margin: 100, retentionRate: 1, discountRate: -0.5, periods: 3, timing: 'start' }).toString()).toBe('700');
    expect(marginClv({ margin: 100, retentionRate: 1, discountRate: -0.5, periods: 3 }).toString()).toBe('1400');
  });

  test('both timings approach their infinite values as T grows', () => {
    for (const timing of ['end', 'start'] as const) {
      const infinite = marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing });
      const at = (periods: number): Decimal => marginClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing, periods });
      expect(infinite.minus(at(10)).toNumber()).toBeGreaterThan(1);
      expect(infinite.minus(at(100)).abs().toNumber()).toBeLessThan(1e-10);
      expect(at(5000).toString()).toBe(infinite.toString());
    }
  });

  test.each([
    ['margin', { margin: 'abc', retentionRate: 0.5, discountRate: 0 }],
    ['margin', { margin: Number.POSITIVE_INFINITY, retentionRate: 0.5, discountRate: 0 }],
    ['margin', { margin: Number.NaN, retentionRate: 0.5, discountRate: 0 }],
    ['retentionRate', { margin: 1, retentionRate: -0.1, discountRate: 0 }],
    ['retentionRate', { margin: 1, retentionRate: 1.1, discountRate: 0, periods: 3 }],
    ['retentionRate', { margin: 1, retentionRate: Number.NaN, discountRate: 0 }],
    ['discountRate', { margin: 1, retentionRate: 0.5, discountRate: -1 }],
    ['discountRate', { margin: 1, retentionRate: 0.5, discountRate: Number.POSITIVE_INFINITY }],
    ['periods', { margin: 1, retentionRate: 0.5, discountRate: 0, periods: 0 }],
    ['periods', { margin: 1, retentionRate: 0.5, discountRate: 0, periods: 1.5 }],
    ['periods', { margin: 1, retentionRate: 0.5, discountRate: 0, periods: -1 }],
    ['periods', { margin: 1, retentionRate: 0.5, discountRate: 0, periods: Number.POSITIVE_INFINITY }],
    ['timing', { margin: 1, retentionRate: 0.5, discountRate: 0, timing: 'middle' }],
  ] as const)('rejects a bad %s', (option, options) => {
    const error = optionError(() => marginClv(options as unknown as Parameters<typeof marginClv>[0]));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error.option).toBe(option);
  });
});

describe('marginClv properties', () => {
  const margin = fc.integer({ min: 1, max: 100_000 });
  const retention = fc.integer({ min: 0, max: 99 }).map((n) => n / 100);
  const discount = fc.integer({ min: 0, max: 50 }).map((n) => n / 100);
  const periods = fc.integer({ min: 1, max: 300 });
  const timing = fc.constantFrom('end' as const, 'start' as const);

  test.prop([margin, retention, discount, periods, timing])(
    'the finite sum never decreases with T and stays below the infinite value',
    (m, r, d, T, when) => {
      const options = { margin: m, retentionRate: r, discountRate: d, timing: when };
      const now = marginClv({ ...options, periods: T });
      const next = marginClv({ ...options, periods: T + 1 });
      const infinite = marginClv(options);
      expect(next.greaterThanOrEqualTo(now)).toBe(true);
      expect(infinite.greaterThanOrEqualTo(next)).toBe(true);
    },
  );

  test.prop([margin, retention, discount, timing])('the finite sum converges to the infinite value', (m, r, d, when) => {
    const options = { margin: m, retentionRate: r, discountRate: d, timing: when };
    const infinite = marginClv(options);
    const far = marginClv({ ...options, periods: 10_000 });
    expect(infinite.minus(far).abs().lessThanOrEqualTo(infinite.abs().times(1e-15))).toBe(true);
  });

  test.prop([margin, retention, discount, fc.option(periods, { nil: undefined })])(
    "'start' and 'end' agree: infinite 'start' = m + 'end', finite 'end' = q · 'start'",
    (m, r, d, T) => {
      const base = { margin: m, retentionRate: r, discountRate: d };
      const start = marginClv(T === undefined ? { ...base, timing: 'start' } : { ...base, periods: T, timing: 'start' });
      const end = marginClv(T === undefined ? base : { ...base, periods: T });
      const expected = T === undefined ? end.plus(m) : start.times(r).dividedBy(new Decimal(d).plus(1));
      const actual = T === undefined ? start : end;
      expect(actual.minus(expected).abs().lessThanOrEqualTo(actual.abs().times(1e-17).plus(1e-12))).toBe(true);
    },
  );

  test.prop([
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
    fc.double({ noNaN: true, min: 0, max: 1 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -0.999, max: 10 }),
    fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
  ])('never returns NaN or Infinity (it throws instead)', (m, r, d, T) => {
    try {
      const value = marginClv(T === undefined ? { margin: m, retentionRate: r, discountRate: d } : { margin: m, retentionRate: r, discountRate: d, periods: T });
      expect(value.isFinite()).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOptionError);
    }
  });
});
