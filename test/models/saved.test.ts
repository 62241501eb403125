import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { checkCustomer } from '../../src/models/saved.ts';

describe('checkCustomer', () => {
  test('accepts possible histories and rejects impossible ones', () => {
    expect(() => checkCustomer(0, 0, 1)).not.toThrow();
    expect(() => checkCustomer(3, 2, 2)).not.toThrow();
    expect(() => checkCustomer(1.5, 1, 2)).toThrow(InvalidOptionError);
    expect(() => checkCustomer(1, 3, 2)).toThrow(/tx: must be ≤ T/);
    expect(() => checkCustomer(1, 0, 0)).toThrow(/T: must be > 0/);
    expect(() => checkCustomer(1, -1, 2)).toThrow(InvalidOptionError);
  });
});
