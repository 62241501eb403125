import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { type HashSeed, hashKey, hashString, processHashSeed } from '../../src/input/id-hash.ts';

/** A little-endian 32-bit word of `bytes` at `at` (unsigned). */
function readWord(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/** Rotate a 32-bit word left (unsigned result). */
function rotl(x: number, bits: number): number {
  return ((x << bits) | (x >>> (32 - bits))) >>> 0;
}

/**
 * The reference: HalfSipHash-c-d with a 32-bit result over bytes, written from the description in
 * the authors' reference implementation, with its state in an array of unsigned words.
 */
function referenceHalfSipHash(message: Uint8Array, key: Uint8Array, c: number, d: number): number {
  const k0 = readWord(key, 0);
  const k1 = readWord(key, 4);
  const v = [k0, k1, (0x6c796765 ^ k0) >>> 0, (0x74656462 ^ k1) >>> 0];
  const round = (): void => {
    v[0] = ((v[0] ?? 0) + (v[1] ?? 0)) >>> 0;
    v[1] = (rotl(v[1] ?? 0, 5) ^ (v[0] ?? 0)) >>> 0;
    v[0] = rotl(v[0] ?? 0, 16);
    v[2] = ((v[2] ?? 0) + (v[3] ?? 0)) >>> 0;
    v[3] = (rotl(v[3] ?? 0, 8) ^ (v[2] ?? 0)) >>> 0;
    v[0] = ((v[0] ?? 0) + (v[3] ?? 0)) >>> 0;
    v[3] = (rotl(v[3] ?? 0, 7) ^ (v[0] ?? 0)) >>> 0;
    v[2] = ((v[2] ?? 0) + (v[1] ?? 0)) >>> 0;
    v[1] = (rotl(v[1] ?? 0, 13) ^ (v[2] ?? 0)) >>> 0;
    v[2] = rotl(v[2] ?? 0, 16);
  };
  const absorb = (m: number): void => {
    v[3] = ((v[3] ?? 0) ^ m) >>> 0;
    for (let r = 0; r < c; r++) round();
    v[0] = ((v[0] ?? 0) ^ m) >>> 0;
  };
  const whole = message.length - (message.length % 4);
  for (let at = 0; at < whole; at += 4) absorb(readWord(message, at));
  let last = (message.length & 0xff) << 24;
  for (let j = 0; j < message.length % 4; j++) last |= (message[whole + j] ?? 0) << (8 * j);
  absorb(last >>> 0);
  v[2] = ((v[2] ?? 0) ^ 0xff) >>> 0;
  for (let r = 0; r < d; r++) round();
  return ((v[1] ?? 0) ^ (v[3] ?? 0)) >>> 0;
}

/** The key bytes of a seed: k0, then k1, little-endian. */
function keyBytes(seed: HashSeed): Uint8Array {
  return new Uint8Array(Int32Array.of(seed.k0, seed.k1).buffer);
}

/** A string's UTF-16 code units as little-endian bytes. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 * text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >>> 8;
  }
  return bytes;
}

const seeds = fc.record({ k0: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), k1: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) });

describe('the keyed id hash', () => {
  test('the reference HalfSipHash-2-4 reproduces the published 32-bit test vectors', () => {
    // Key bytes 00 … 07, message bytes 00 … (length − 1); the vectors' bytes read little-endian.
    const published = [
      0x5b9f35a9, 0xb85a4727, 0x03a662fa, 0x04e7fe8a, 0x89466e2a, 0x69b6fac5, 0x23fc6358, 0xc563cf8b,
      0x8f84b8d0, 0x79e706f8, 0x3479b094, 0x50300808, 0x2f87f057, 0xff63e677, 0x7cf8ffd6, 0x972bfe74,
    ];
    const key = Uint8Array.from({ length: 8 }, (_, i) => i);
    const message = Uint8Array.from({ length: published.length }, (_, i) => i);
    expect(published.map((_, length) => referenceHalfSipHash(message.subarray(0, length), key, 2, 4))).toEqual(published);
  });

  fcTest.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 300 })), seeds])(
    'a string hashes as HalfSipHash-1-3 of its UTF-16 code units, little-endian',
    (text, seed) => {
      expect(hashString(text, seed) >>> 0).toBe(referenceHalfSipHash(utf16le(text), keyBytes(seed), 1, 3));
    },
  );

  fcTest.prop([fc.integer({ min: 0, max: 15 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), seeds])(
    'a packed key hashes as HalfSipHash-1-3 of its two words, little-endian, then its tag byte',
    (tag, low, high, seed) => {
      const message = new Uint8Array(9);
      new DataView(message.buffer).setInt32(0, low, true);
      new DataView(message.buffer).setInt32(4, high, true);
      message[8] = tag;
      expect(hashKey(tag, low, high, seed) >>> 0).toBe(referenceHalfSipHash(message, keyBytes(seed), 1, 3));
    },
  );

  test('the process key is drawn once and shared', () => {
    const seed = processHashSeed();
    expect(processHashSeed()).toBe(seed);
    expect(Number.isInteger(seed.k0) && Number.isInteger(seed.k1)).toBe(true);
  });
});
