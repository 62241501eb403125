import { fc, test as fcTest } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { Money } from '../../src/input/exact.ts';
import { explainAmount } from '../../src/input/amount-messages.ts';
import { fromMinorUnits, minorPer } from '../../src/input/minor-decimal.ts';
import { MAX_EXACT_MINOR, assertCurrencyDigits, assertRounding, toMinorUnits } from '../../src/input/money.ts';

describe('toMinorUnits', () => {
  test.each([
    ['19.99', 2, 1999],
    ['0.10', 2, 10],
    ['-5.00', 2, -500],
    ['+3.5', 2, 350],
    ['.5', 2, 50],
    ['7.', 2, 700],
    [' 12.50 ', 2, 1250],
    ['100', 0, 100],
    ['1.234', 3, 1234],
    ['1.2300', 2, 123],
    ['1e3', 2, 100000],
    ['1.5E-1', 2, 15],
  ] as const)('%j with %d digits is %d', (input, digits, expected) => {
    expect(Object.is(toMinorUnits(input, digits), expected)).toBe(true);
  });

  test('numbers are read as their shortest decimal form', () => {
    expect(toMinorUnits(19.99, 2)).toBe(1999);
    expect(toMinorUnits(0.1 + 0.2, 2)).toBeNaN(); // 0.30000000000000004 has 17 decimals
    expect(toMinorUnits(1e-7, 2, 'halfUp')).toBe(0);
    expect(toMinorUnits(1234, 2)).toBe(123400);
  });

  test('a negative zero is neither an order nor a refund', () => {
    for (const value of ['-0.00', '-0', -0, new Decimal('-0')]) expect(toMinorUnits(value, 2)).toBeNaN();
    expect(toMinorUnits('-0.001', 2, 'halfUp')).toBeNaN();
    expect(explainAmount('-0.00', 2)).toBe('is a negative zero: neither an order nor a refund (use 0 for a zero-value order, or leave the record out)');
    expect(explainAmount(-0, 2)).toContain('negative zero');
    expect(explainAmount('-0.001', 2)).toContain('has more than 2 decimals');
    expect(explainAmount('-0.001', 2, 'halfUp')).toBe('"-0.001" rounds to a negative zero, which is neither an order nor a refund');
    expect(toMinorUnits('0.00', 2)).toBe(0);
  });

  test('bigints are whole major units, exact within 2^53 − 1 minor units', () => {
    expect(toMinorUnits(10n, 2)).toBe(1000);
    expect(toMinorUnits(-3n, 0)).toBe(-3);
    expect(toMinorUnits(90071992547409n, 2)).toBe(9007199254740900);
    expect(toMinorUnits(90071992547410n, 2)).toBeNaN();
    expect(explainAmount(90071992547410n, 2)).toBe('90071992547410 is out of range (at most 90071992547409.91 in absolute value)');
  });

  test('an object with decimal.js\'s tag but not its fields is refused, not a crash', () => {
    const fake = { toStringTag: '[object Decimal]' };
    expect(toMinorUnits(fake, 2)).toBeNaN();
    expect(explainAmount(fake, 2)).toBe('is not a well-formed Decimal (an object that only carries decimal.js\'s tag)');
    const throwing = { toStringTag: '[object Decimal]', get d(): never { throw new Error('boom'); } };
    expect(toMinorUnits(throwing, 2)).toBeNaN();
    expect(explainAmount(throwing, 2)).toContain('not a well-formed Decimal');
  });

  test.each([
    ['$12.50', '12.50'],
    ['-$12.50', '-12.50'],
    ['12.50 €', '12.50'],
    ['USD 12.50', '12.50'],
    ['£7', '7'],
  ])('%j suggests removing the currency', (input, bare) => {
    expect(toMinorUnits(input, 2)).toBeNaN();
    expect(explainAmount(input, 2)).toBe(`${JSON.stringify(input)} is not a number (remove the currency: "${bare}")`);
  });

  test('Decimals are exact', () => {
    expect(toMinorUnits(new Decimal('0.10'), 2)).toBe(10);
    expect(toMinorUnits(new Decimal('0.105'), 2)).toBeNaN();
    expect(toMinorUnits(new Decimal('0.105'), 2, 'halfEven')).toBe(10);
    expect(toMinorUnits(new Decimal('0.115'), 2, 'halfEven')).toBe(12);
    expect(toMinorUnits(new Decimal(Number.NaN), 2)).toBeNaN();
  });

  test('rounding modes', () => {
    expect(toMinorUnits('2.345', 2, 'halfUp')).toBe(235);
    expect(toMinorUnits('2.345', 2, 'halfEven')).toBe(234);
    expect(toMinorUnits('2.345', 2, 'halfDown')).toBe(234);
    expect(toMinorUnits('2.341', 2, 'up')).toBe(235);
    expect(toMinorUnits('-2.341', 2, 'up')).toBe(-235);
    expect(toMinorUnits('-2.349', 2, 'down')).toBe(-234);
    expect(toMinorUnits('-2.341', 2, 'floor')).toBe(-235);
    expect(toMinorUnits('-2.349', 2, 'ceil')).toBe(-234);
    expect(toMinorUnits(2.345, 2, 'halfUp')).toBe(235);
  });

  test.each([
    'abc', '12,50', '1,234.50', '', ' ', '1e999', '--1', '1.2.3', '0x10', 'Infinity', 'NaN', '1_000',
  ])('%j is rejected', (input) => {
    expect(toMinorUnits(input, 2)).toBeNaN();
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, undefined, true, {}, []])(
    '%s is rejected',
    (input) => {
      expect(toMinorUnits(input, 2)).toBeNaN();
    },
  );

  test('the exact range ends at 2^53 − 1 minor units', () => {
    expect(toMinorUnits('90071992547409.91', 2)).toBe(MAX_EXACT_MINOR);
    expect(toMinorUnits('-90071992547409.91', 2)).toBe(-MAX_EXACT_MINOR);
    expect(toMinorUnits('90071992547409.92', 2)).toBeNaN();
    expect(toMinorUnits(9007199254740992, 0)).toBeNaN();
  });
});

describe('explainAmount', () => {
  test.each([
    ['12,50', '"12,50" is not a number (use "12.50")'],
    ['1,234.50', '"1,234.50" is not a number (remove the thousands separators: "1234.50")'],
    ['1e999', '"1e999" is out of range (at most 90071992547409.91 in absolute value)'],
    ['1.234', '"1.234" has more than 2 decimals (pass a `rounding` option to round it)'],
    ['', 'is an empty string, not an amount'],
    ['abc', '"abc" is not a number'],
  ])('%j', (input, message) => {
    expect(explainAmount(input, 2)).toBe(message);
  });
  test('non-strings', () => {
    expect(explainAmount(Number.NaN, 2)).toBe('is NaN, not an amount');
    expect(explainAmount(Number.POSITIVE_INFINITY, 2)).toBe('Infinity is not a finite amount');
    expect(explainAmount(null, 2)).toMatch(/is missing/);
    expect(explainAmount(true, 2)).toMatch(/boolean true is not an amount/);
    expect(explainAmount(1.5, 0)).toBe('1.5 has more than 0 decimals (pass a `rounding` option to round it)');
  });
});

describe('boundaries', () => {
  test('fromMinorUnits and minorPer', () => {
    expect(fromMinorUnits(1999, 2).toString()).toBe('19.99');
    expect(fromMinorUnits(-5, 0).toString()).toBe('-5');
    expect(minorPer(1000, 3, 2)?.toFixed(4)).toBe('3.3333');
    expect(minorPer(1000, 0, 2)).toBeNull();
  });
  /** The amount written out from its digits, the reference for `fromMinorUnits`. */
  const written = (minor: number, digits: number): string => {
    const text = String(Math.abs(minor)).padStart(digits + 1, '0');
    const point = text.length - digits;
    const sign = minor < 0 ? '-' : '';
    return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, point)}.${text.slice(point)}`;
  };
  fcTest.prop([
    fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger(),
      fc.integer({ min: 999_999_999_999_000, max: 1_000_000_000_001_000 }),
      // Multiples of powers of ten: whole words of zeros, before and after the point.
      fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 14 })).map(([a, k]) => a * 10 ** k),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 15 })).map(([a, k]) => a * 10 ** k - 1),
    ),
    fc.integer({ min: 0, max: 8 }),
  ], { numRuns: 500 })('fromMinorUnits is the exact decimal of every integer amount, built as decimal.js builds it', (minor, digits) => {
    const amount = fromMinorUnits(minor, digits);
    const parsed = new Decimal(written(minor, digits));
    // Field for field what decimal.js's own constructor makes of the digits.
    expect({ s: amount.s, e: amount.e, d: amount.d }).toEqual({ s: parsed.s, e: parsed.e, d: parsed.d });
    // The same own properties, constructor included (decimal.js makes its results through it).
    expect(Object.keys(amount)).toEqual(Object.keys(parsed));
    expect(amount.constructor).toBe(Money);
    expect(amount).toBeInstanceOf(Decimal);
    expect(Decimal.isDecimal(amount)).toBe(true);
    expect(amount.equals(parsed)).toBe(true);
    expect(amount.toString()).toBe(parsed.toString());
    expect(amount.plus(1).minus('0.5').toString()).toBe(parsed.plus(1).minus('0.5').toString());
  });
  test('fromMinorUnits at the edges: -0, word boundaries, 10^15 and the largest exact amount', () => {
    expect(fromMinorUnits(1_000_000_000, 2).d).toEqual([1]);
    expect(fromMinorUnits(1, 8).d).toEqual([1_000_000]);
    expect(fromMinorUnits(100_000_001, 8).toString()).toBe('1.00000001');
    expect(fromMinorUnits(-0, 2).toString()).toBe('0');
    expect(fromMinorUnits(999_999_999_999_999, 2).toFixed(2)).toBe('9999999999999.99');
    expect(fromMinorUnits(-1_000_000_000_000_000, 2).toFixed(2)).toBe('-10000000000000.00');
    expect(fromMinorUnits(MAX_EXACT_MINOR, 2).toFixed(2)).toBe('90071992547409.91');
    expect(fromMinorUnits(1, 8).toString()).toBe('1e-8');
  });
  /** Reference: the quotient to 80 significant digits, rounded once to 20, half-even. */
  const Wide = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_EVEN });
  const quotientReference = (minor: number, count: number, digits: number): Decimal =>
    new Decimal(new Wide(minor).dividedBy(count).dividedBy(10 ** digits).toSignificantDigits(20, Decimal.ROUND_HALF_EVEN).toString());
  fcTest.prop([
    fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.maxSafeInteger(),
      fc.integer({ min: -MAX_EXACT_MINOR, max: -MAX_EXACT_MINOR + 1000 }),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 15 })).map(([a, k]) => a * 10 ** k - 1),
    ),
    fc.oneof(
      fc.integer({ min: 1, max: 1000 }),
      fc.integer({ min: -1000, max: -1 }),
      fc.integer({ min: 1, max: 2 ** 49 }),
      // Powers of two and five end their quotients far out: ties at the 21st digit (1 / 2^30 has 21).
      fc.integer({ min: 0, max: 49 }).map((k) => 2 ** k),
      fc.integer({ min: 0, max: 21 }).map((k) => 5 ** k),
      // Past the long division's range: the decimal route.
      fc.integer({ min: 2 ** 49 + 1, max: Number.MAX_SAFE_INTEGER }),
    ),
    fc.integer({ min: 0, max: 8 }),
  ], { numRuns: 2000 })('minorPer is the quotient rounded half-even to 20 significant digits, as decimal.js builds it', (minor, count, digits) => {
    const value = minorPer(minor, count, digits);
    const expected = quotientReference(minor, count, digits);
    expect(value).not.toBeNull();
    expect({ s: value?.s, e: value?.e, d: value?.d }).toEqual({ s: expected.s, e: expected.e, d: expected.d });
  });
  test('minorPer at the edges: ties, carries into a new digit, zero, negative counts', () => {
    // 1 / 2^30 = 9.31322574615478515625e-10: 21 digits ending in 5, the 20th (2) even, so it rounds down.
    expect(minorPer(1, 2 ** 30, 0)?.toString()).toBe('9.3132257461547851562e-10');
    // 3 / 2^29 = 5.58793544769287109375e-9: 21 digits ending in 5, the 20th (7) odd, so the tie rounds up.
    expect(minorPer(3, 2 ** 29, 0)?.toString()).toBe('5.5879354476928710938e-9');
    // 3 / 2^30 has 22 digits: …55468|75 is past the half, up.
    expect(minorPer(3, 2 ** 30, 0)?.toString()).toBe('2.7939677238464355469e-9');
    // 2/3 rounds up; 763/2501 = 0.30507796881247500999|6… carries through three 9s (then drops the zeros).
    expect(minorPer(2, 3, 0)?.toString()).toBe('0.66666666666666666667');
    expect(minorPer(763, 2501, 0)?.toString()).toBe('0.30507796881247501');
    expect(minorPer(-2, 3, 2)?.toString()).toBe('-0.0066666666666666666667');
    expect(minorPer(2, -3, 0)?.toString()).toBe('-0.66666666666666666667');
    expect(minorPer(MAX_EXACT_MINOR, 7, 2)?.toString()).toBe('12867427506772.844286');
    expect(minorPer(0, 7, 2)?.toString()).toBe('0');
    expect(minorPer(1200, 1, 0)?.d).toEqual([1200]);
    expect(minorPer(1, 0, 2)).toBeNull();
  });
  test('option checks', () => {
    expect(assertCurrencyDigits(0)).toBe(0);
    expect(() => assertCurrencyDigits(2.5)).toThrow(InvalidOptionError);
    expect(() => assertCurrencyDigits(9)).toThrow(InvalidOptionError);
    expect(assertRounding(undefined)).toBeUndefined();
    expect(() => assertRounding('nearest')).toThrow(/must be one of halfUp/);
  });
});

describe('independent of the caller’s Decimal settings', () => {
  test('Decimal.set({ precision: 4 }) changes neither parsing nor money results', async () => {
    const { ledger } = await import('../../src/input/ledger.ts');
    const { summarize } = await import('../../src/metrics/summarize.ts');
    const saved = Decimal.clone();
    Decimal.set({ precision: 4, rounding: Decimal.ROUND_DOWN });
    try {
      expect(toMinorUnits('19.999', 2)).toBeNaN();
      expect(toMinorUnits(new Decimal('123.456'), 2)).toBeNaN();
      expect(toMinorUnits(new Decimal('123456.78'), 2)).toBe(12345678);
      const s = summarize(ledger([
        { customerId: 1, date: 0, amount: '123456.78' },
        { customerId: 1, date: 1, amount: '0.01' },
      ]));
      expect(s.grossRevenue.toString()).toBe('123456.79');
      expect(s.averageOrderValue?.toString()).toBe('61728.395');
      expect(fromMinorUnits(-5, 2).toString()).toBe('-0.05');
    } finally {
      Decimal.set({ precision: saved.precision, rounding: saved.rounding });
    }
  });

  test('a Decimal with more significant digits than the precision is not rounded into range', () => {
    expect(toMinorUnits(new Decimal('1.000000000000000000001'), 2)).toBeNaN();
    expect(toMinorUnits(new Decimal('1.000000000000000000001'), 2, 'halfUp')).toBe(100);
  });
});
