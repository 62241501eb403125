// The Base64 VLQ code of a source map's `mappings` (Source Map Revision 3): lines are separated by
// `;`, segments by `,`; a segment is a list of integers, each written as base-64 digits of 5 bits,
// lowest first, bit 32 of a digit saying another follows, the sign in the lowest bit of the first.
// Each field is relative to the same field of the previous segment (the generated column only within
// a line).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The integers of one segment.
 *
 * @param {string} text - a segment, e.g. `AAgBC`
 * @returns {number[]}
 */
export function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`source map: ${JSON.stringify(char)} is not a base-64 digit (segment ${text})`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * One segment of integers.
 *
 * @param {readonly number[]} values - safe integers
 * @returns {string}
 */
export function encodeSegment(values) {
  let text = '';
  for (const v of values) {
    let rest = v < 0 ? -v * 2 + 1 : v * 2;
    do {
      const digit = rest % 32;
      rest = (rest - digit) / 32;
      text += BASE64[rest > 0 ? digit | 32 : digit];
    } while (rest > 0);
  }
  return text;
}

/**
 * The segments of `mappings` per generated line, each with absolute fields: `[generatedColumn]` or
 * `[generatedColumn, source, originalLine, originalColumn]`, and `name` as a fifth where given.
 *
 * @param {string} mappings - the `mappings` of a source map
 * @returns {number[][][]}
 */
export function decodeMappings(mappings) {
  const state = [0, 0, 0, 0, 0];
  return mappings.split(';').map((line) => {
    state[0] = 0;
    return (line === '' ? [] : line.split(',')).map((segment) => {
      const fields = decodeSegment(segment);
      return fields.map((delta, i) => (state[i] += delta));
    });
  });
}
