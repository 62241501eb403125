/**
 * The keyed hash that places ids in the keyed id table (`keyed-id-table.ts`).
 *
 * The table puts an id in the slot its hash names and walks on past taken slots. With a hash anyone
 * can compute, ids can be chosen — sign-up emails, usernames, any id an end user picks — so that all
 * of them name slots in one run, and numbering n of them then takes n²/2 comparisons: a few thousand
 * such ids cost seconds. So the hash is a pseudorandom function of the id under a secret key, drawn
 * at random once per process: without the key, no choice of ids does better than random ids, whose
 * runs stay short.
 *
 * The function is HalfSipHash-1-3: SipHash (Aumasson and Bernstein, "SipHash: a fast short-input
 * PRF", INDOCRYPT 2012, §2) on 32-bit words with a 64-bit key and a 32-bit result, in the variant of
 * the authors' reference implementation, with one compression round per word and three finalization
 * rounds — the reduced rounds hash tables use (SipHash-1-3 is what Rust's `HashMap` uses, HalfSipHash-1-3
 * what Linux's `hsiphash` uses on 32-bit machines). Its input is a byte string read as little-endian
 * 32-bit words; the last word carries the length in its top byte.
 *
 * @module
 * @internal
 */

/** @internal The secret key: two 32-bit words. */
export interface HashSeed {
  readonly k0: number;
  readonly k1: number;
}

/** The key's first use draws it; every table of the process shares it. */
let processSeed: HashSeed | null = null;

/**
 * @internal The key of this process's id tables, drawn from the platform's cryptographic random
 * source (`crypto.getRandomValues`, in every runtime the library supports) on first use, or from
 * `Math.random` where there is none.
 *
 * @returns the key
 */
export function processHashSeed(): HashSeed {
  processSeed ??= randomSeed();
  return processSeed;
}

/** A key drawn at random. */
function randomSeed(): HashSeed {
  const words = new Int32Array(2);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Int32Array) => Int32Array } }).crypto;
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(words);
  else for (let i = 0; i < words.length; i++) words[i] = Math.floor(Math.random() * 2 ** 32);
  return { k0: words[0], k1: words[1] };
}

// The initial state is the key XOR these words ("somepseudorandomlygeneratedbytes", as in SipHash).
const INIT_2 = 0x6c796765;
const INIT_3 = 0x74656462;
/** Finalization rounds (after the one compression round each word gets). */
const FINAL_ROUNDS = 3;

/**
 * @internal The hash of a string: HalfSipHash-1-3 of its UTF-16 code units as little-endian bytes,
 * two code units to a word.
 *
 * @param text - any string
 * @param seed - the key
 * @returns a 32-bit hash (a signed integer)
 */
export function hashString(text: string, seed: HashSeed): number {
  const n = text.length;
  const words = n >>> 1;
  let v0 = seed.k0;
  let v1 = seed.k1;
  let v2 = seed.k0 ^ INIT_2;
  let v3 = seed.k1 ^ INIT_3;
  // Words first, then the last block (the byte length 2n mod 256 in its top byte, a last odd code unit
  // below it), then the finalization rounds, which take no input (a word of 0 changes nothing).
  for (let i = 0; i <= words + FINAL_ROUNDS; i++) {
    const m =
      i < words
        ? text.charCodeAt(2 * i) | (text.charCodeAt(2 * i + 1) << 16)
        : i === words
          ? (n << 25) | ((n & 1) === 1 ? text.charCodeAt(n - 1) : 0)
          : 0;
    v3 ^= m;
    v0 = (v0 + v1) | 0;
    v1 = (v1 << 5) | (v1 >>> 27);
    v1 ^= v0;
    v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0;
    v3 = (v3 << 8) | (v3 >>> 24);
    v3 ^= v2;
    v0 = (v0 + v3) | 0;
    v3 = (v3 << 7) | (v3 >>> 25);
    v3 ^= v0;
    v2 = (v2 + v1) | 0;
    v1 = (v1 << 13) | (v1 >>> 19);
    v1 ^= v2;
    v2 = (v2 << 16) | (v2 >>> 16);
    v0 ^= m;
    if (i === words) v2 ^= 0xff;
  }
  return v1 ^ v3;
}

/**
 * @internal The hash of two words and a tag (a number id's 64 bits, see `keyed-id-table.ts`):
 * HalfSipHash-1-3 of 9 bytes — `low` and `high` little-endian, then the tag (0–255).
 *
 * The round is written out here as in {@link hashString} rather than shared, so that its state is
 * four local variables in both.
 *
 * @param tag - a tag, 0–255
 * @param low - the first word
 * @param high - the second word
 * @param seed - the key
 * @returns a 32-bit hash (a signed integer)
 */
export function hashKey(tag: number, low: number, high: number, seed: HashSeed): number {
  let v0 = seed.k0;
  let v1 = seed.k1;
  let v2 = seed.k0 ^ INIT_2;
  let v3 = seed.k1 ^ INIT_3;
  // Two words, the last block (length 9 in the top byte, the tag in the lowest), the finalization rounds.
  for (let i = 0; i <= 2 + FINAL_ROUNDS; i++) {
    const m = i === 0 ? low : i === 1 ? high : i === 2 ? (9 << 24) | tag : 0;
    v3 ^= m;
    v0 = (v0 + v1) | 0;
    v1 = (v1 << 5) | (v1 >>> 27);
    v1 ^= v0;
    v0 = (v0 << 16) | (v0 >>> 16);
    v2 = (v2 + v3) | 0;
    v3 = (v3 << 8) | (v3 >>> 24);
    v3 ^= v2;
    v0 = (v0 + v3) | 0;
    v3 = (v3 << 7) | (v3 >>> 25);
    v3 ^= v0;
    v2 = (v2 + v1) | 0;
    v1 = (v1 << 13) | (v1 >>> 19);
    v1 ^= v2;
    v2 = (v2 << 16) | (v2 >>> 16);
    v0 ^= m;
    if (i === 2) v2 ^= 0xff;
  }
  return v1 ^ v3;
}
