import { describe, expect, test } from 'vitest';
import { InvalidOptionError } from '../../src/errors.ts';
import { unknownValueError } from '../../src/segments/unknown-value.ts';

describe('unknownValueError', () => {
  test('names the argument, the closest value and the values in the order given, null among them', () => {
    const error = unknownValueError('value', 'Ads', 'value', '`channel`', ['ads', 'mail', null]);
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect([error.option, error.message]).toEqual(['value', 'value: "Ads" is not a value of `channel` (did you mean `ads`?); its values are "ads", "mail", null']);
  });

  test('a long list shows its first 12 values and how many there are', () => {
    const known = Array.from({ length: 20 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    expect(unknownValueError('value', 'x', 'value', '`code`', known).message).toBe(
      'value: "x" is not a value of `code`; its values are "v00", "v01", "v02", "v03", "v04", "v05", "v06", "v07", "v08", "v09", "v10", "v11", … (20 in all)',
    );
  });

  test('no hint for something that is not a string, and an empty list said as such', () => {
    expect(unknownValueError('segment', 5, 'segment', 'the report', ['a']).message).toBe('segment: 5 is not a segment of the report; its segments are "a"');
    expect(unknownValueError('segment', 'a', 'segment', 'the report', []).message).toBe('segment: "a" is not a segment of the report; it has no segments');
  });
});
