import { describe, expect, it } from 'vitest';
import { closestName } from '../src/closest-name.ts';
import { checkOptionKeys, optionKeys } from '../src/option-keys.ts';
import { optionError } from './helpers/option-error.ts';

const KNOWN = optionKeys<{ timeZone?: string; currencyDigits?: number; onInvalid?: string }>({
  timeZone: true,
  currencyDigits: true,
  onInvalid: true,
});

describe('checkOptionKeys', () => {
  it('accepts undefined and known keys', () => {
    expect(checkOptionKeys(undefined, KNOWN)).toEqual({});
    const options = { timeZone: 'UTC', onInvalid: 'skip' };
    expect(checkOptionKeys(options, KNOWN)).toBe(options);
  });

  it('names an unknown key and the closest valid one', () => {
    const error = optionError(() => checkOptionKeys({ timezone: 'Europe/Berlin' }, KNOWN));
    expect(error.option).toBe('timezone');
    expect(error.value).toBe('Europe/Berlin');
    expect(error.message).toBe('timezone: unknown option (did you mean `timeZone`?); the options are `timeZone`, `currencyDigits`, `onInvalid`');
  });

  it('rejects an unknown key whose value is undefined', () => {
    expect(optionError(() => checkOptionKeys({ timezone: undefined }, KNOWN)).option).toBe('timezone');
  });

  it('offers no suggestion for a name unlike every valid one', () => {
    expect(optionError(() => checkOptionKeys({ colour: 'red' }, KNOWN)).message).not.toContain('did you mean');
  });

  it('prefixes nested option names', () => {
    expect(optionError(() => checkOptionKeys({ customerID: 'id' }, ['customerId'], 'fields.')).option).toBe('fields.customerID');
  });

  it('rejects options that are not an object', () => {
    expect(optionError(() => checkOptionKeys('UTC' as unknown as object, KNOWN)).message).toBe('options: "UTC" is not an options object');
    expect(optionError(() => checkOptionKeys(null as unknown as object, KNOWN)).option).toBe('options');
  });
});

describe('closestName', () => {
  it('prefers a case-insensitive match', () => {
    expect(closestName('TIMEZONE', ['timeZone', 'timeZones'])).toBe('timeZone');
  });

  it('counts an adjacent swap as one edit', () => {
    expect(closestName('ammount', ['amount', 'orderId'])).toBe('amount');
    expect(closestName('amuont', ['amount', 'orderId'])).toBe('amount');
  });

  it('suggests nothing beyond a third of the name', () => {
    expect(closestName('asof', ['periods'])).toBeUndefined();
  });
});
