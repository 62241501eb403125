import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { checkArg, readParams } from '../../src/models/params.ts';

describe('readParams', () => {
  test('accepts parameters or a saved model of the right kind', () => {
    expect(readParams('m', ['a', 'b'], { a: 1, b: 2, extra: 'ignored' })).toEqual({ a: 1, b: 2 });
    expect(readParams('m', ['a'], { model: 'm', params: { a: 3 } })).toEqual({ a: 3 });
  });

  test('rejects missing, non-positive, non-finite and foreign parameters', () => {
    expect(() => readParams('m', ['a'], {})).toThrow(/params\.a: must be a positive finite number/);
    expect(() => readParams('m', ['a'], { a: 0 })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { a: Number.POSITIVE_INFINITY })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { a: '1' })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { model: 'other', params: { a: 1 } })).toThrow(/expected a saved "m" model/);
    expect(() => readParams('m', ['a'], null)).toThrow(InvalidOptionError);
  });
});

describe('checkArg', () => {
  test('bounds and integrality', () => {
    expect(() => checkArg('t', 0, 0)).not.toThrow();
    expect(() => checkArg('t', -1, 0)).toThrow(/t: must be a finite number ≥ 0/);
    expect(() => checkArg('n', 1.5, 0, true)).toThrow(/n: must be an integer ≥ 0/);
    expect(() => checkArg('t', Number.NaN, 0)).toThrow(InvalidOptionError);
  });
});
