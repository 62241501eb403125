/**
 * The number of distinct ids among staged ones, estimated from their hashes (to size a table once).
 *
 * @module
 * @internal
 */
import { HASH_BITS } from './id-keys.ts';

/** Registers of {@link distinctEstimate}: 2^12, for a standard error of about 1.6 %. */
const REGISTER_BITS = 12;

/**
 * @internal The number of distinct ids among the first `n` staged, from their hashes, estimated with
 * HyperLogLog (Flajolet et al., 2007; linear counting below 2.5 × the number of registers). Only sizes
 * a table: an estimate off by a few percent costs a growth step or some unused slots, never a wrong
 * number.
 *
 * @param words - staged words with 28 bits of hash below the tag
 * @param n - how many
 * @returns the estimate
 */
export function distinctEstimate(words: Uint32Array, n: number): number {
  const m = 1 << REGISTER_BITS;
  const registers = new Uint8Array(m);
  const rest = 28 - REGISTER_BITS;
  for (let k = 0; k < n; k++) {
    const h = (words[k] ?? 0) & HASH_BITS;
    const register = h >>> rest;
    // Position of the first 1 bit in the remaining bits (a sentinel bit caps it).
    const rank = Math.clz32((h << (32 - rest)) | (1 << (31 - rest))) + 1;
    if (rank > (registers[register] ?? 0)) registers[register] = rank;
  }
  let sum = 0;
  let zeros = 0;
  for (let r = 0; r < m; r++) {
    const rank = registers[r] ?? 0;
    sum += 2 ** -rank;
    if (rank === 0) zeros++;
  }
  const estimate = ((0.7213 / (1 + 1.079 / m)) * m * m) / sum;
  return estimate <= 2.5 * m && zeros > 0 ? m * Math.log(m / zeros) : estimate;
}
