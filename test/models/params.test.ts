import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { PARAM_MAX, PARAM_MIN, checkArg, readParams } from '../../src/models/params.ts';

describe('readParams', () => {
  test('accepts parameters, a saved model of the right kind, or anything with a toJSON giving one', () => {
    expect(readParams('m', ['a', 'b'], { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(readParams('m', ['a'], { model: 'm', params: { a: 3 } })).toEqual({ a: 3 });
    expect(readParams('m', ['a'], { toJSON: () => ({ model: 'm', params: { a: 4 } }) })).toEqual({ a: 4 });
    expect(readParams('m', ['a'], { model: 'm', params: { a: 3 }, unit: 'week' }, ['unit'])).toEqual({ a: 3 });
  });

  test('rejects missing, non-finite and foreign parameters', () => {
    expect(() => readParams('m', ['a'], {})).toThrow(/params\.a: undefined is not a number in \[1e-6, 1e6\]/);
    expect(() => readParams('m', ['a'], { a: 0 })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { a: Number.POSITIVE_INFINITY })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { a: '1' })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { model: 'other', params: { a: 1 } })).toThrow(/expected a saved "m" model/);
    expect(() => readParams('m', ['a'], null)).toThrow(InvalidOptionError);
  });

  test('parameters outside [1e-6, 1e6] are refused, the ends are accepted', () => {
    for (const bad of [5e-324, 1e-7, 0.99e-6, 1.01e6, 1e300]) expect(() => readParams('m', ['a'], { a: bad })).toThrow(/params\.a: .* is not a number in \[1e-6, 1e6\]/);
    expect(readParams('m', ['a', 'b'], { a: PARAM_MIN, b: PARAM_MAX })).toEqual({ a: 1e-6, b: 1e6 });
  });

  test('unknown keys of the parameters or of the saved form are refused, with the closest name', () => {
    expect(() => readParams('m', ['alpha'], { alpa: 1 })).toThrow(/params\.alpa: unknown parameter \(did you mean `alpha`\?\)/);
    expect(() => readParams('m', ['a'], { a: 1, extra: 2 })).toThrow(InvalidOptionError);
    expect(() => readParams('m', ['a'], { model: 'm', params: { a: 1 }, unit: 'week' })).toThrow(/unit: unknown key of a saved model/);
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
