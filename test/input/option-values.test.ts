import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import {
  Exact,
  countOption,
  discountOption,
  marginOption,
  moneyOption,
  periodsOption,
  rateOption,
  ratio,
  toCount,
  toMoney,
} from '../../src/input/option-values.ts';
import { Money } from '../../src/input/exact.ts';
import { optionError } from '../helpers/option-error.ts';

describe('toMoney', () => {
  test('hands back a Decimal with decimal.js defaults, 20 significant digits', () => {
    const third = toMoney(new Exact(1).dividedBy(3));
    expect(third).toBeInstanceOf(Decimal);
    expect(third.constructor).toBe(Money);
    expect(third.toString()).toBe('0.33333333333333333333');
    expect(toMoney(new Exact('19.99')).toString()).toBe('19.99');
  });

  test('computes at 40 digits whatever the global Decimal precision', () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 3 });
    try {
      expect(toMoney(new Exact(2).dividedBy(3)).toString()).toBe('0.66666666666666666667');
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});

describe('toCount', () => {
  test('nearest number, never -0', () => {
    expect(toCount(new Exact('1948.7171'))).toBe(1948.7171);
    expect(Object.is(toCount(new Exact('-0')), 0)).toBe(true);
  });
});

describe('moneyOption', () => {
  test.each([
    [19.99, '19.99'],
    ['19.99', '19.99'],
    [' 5 ', '5'],
    ['1e3', '1000'],
    [0, '0'],
    [-0, '0'],
  ] as const)('%j is %s', (input, expected) => {
    expect(moneyOption('x', input).toString()).toBe(expected);
  });

  test('accepts a Decimal of any configuration', () => {
    expect(moneyOption('x', new Decimal('2.50')).toString()).toBe('2.5');
    const Other = Decimal.clone();
    expect(moneyOption('x', new Other('7')).toString()).toBe('7');
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY, '12,50', '', 'abc', undefined, null, {}, -1, '-0.01', new Decimal(Number.NaN)])(
    'rejects %j',
    (input) => {
      const error = optionError(() => moneyOption('revenuePerCustomer', input));
      expect(error.option).toBe('revenuePerCustomer');
      expect(error.value).toBe(input);
    },
  );
});

describe('number options', () => {
  test('rateOption: [0, 1]', () => {
    expect(rateOption('r', 0)).toBe(0);
    expect(rateOption('r', 1)).toBe(1);
    for (const bad of [-0.01, 1.01, Number.NaN, '0.5', undefined]) expect(optionError(() => rateOption('r', bad)).option).toBe('r');
  });

  test('countOption: finite ≥ 0, fractions allowed', () => {
    expect(countOption('c', 2.5)).toBe(2.5);
    expect(countOption('c', 0)).toBe(0);
    for (const bad of [-1, Number.POSITIVE_INFINITY, Number.NaN, '3']) expect(optionError(() => countOption('c', bad)).option).toBe('c');
  });

  test('periodsOption: positive integer', () => {
    expect(periodsOption('p', 1)).toBe(1);
    for (const bad of [0, -1, 1.5, Number.POSITIVE_INFINITY, '2']) expect(optionError(() => periodsOption('p', bad)).option).toBe('p');
  });

  test('discountOption: > −1', () => {
    expect(discountOption('d', 0)).toBe(0);
    expect(discountOption('d', -0.5)).toBe(-0.5);
    for (const bad of [-1, -2, Number.NaN, Number.POSITIVE_INFINITY]) expect(optionError(() => discountOption('d', bad)).option).toBe('d');
  });

  test('marginOption: at most 1, negative allowed', () => {
    expect(marginOption('m', 1)).toBe(1);
    expect(marginOption('m', -0.2)).toBe(-0.2);
    for (const bad of [1.01, Number.NaN, Number.NEGATIVE_INFINITY]) expect(optionError(() => marginOption('m', bad)).option).toBe('m');
  });
});

describe('ratio', () => {
  test('quotient as a number, null on a zero base', () => {
    expect(ratio(new Decimal(3), new Decimal(2))).toBe(1.5);
    expect(ratio(new Decimal(-3), new Decimal(2))).toBe(-1.5);
    expect(ratio(new Decimal(3), new Decimal(0))).toBeNull();
  });
});
