// Ids crafted to collide in the unkeyed hashes that placed customer and order ids before those took a
// secret random key: each set below lands in one run of slots (or one bucket), so numbering n of its
// ids cost n²/2 comparisons. Whoever chooses ids (sign-up emails, usernames) needed nothing more than
// this file. No dependencies, no randomness: the same count gives the same ids.
//
// - craftedIds: email-like ids longer than 8 characters, hashed with FNV-1a (32-bit, over UTF-16 code
//   units); all share the low 28 bits of their hash, which indexed the slots.
// - craftedShortIds, craftedNumberIds: ids held whole in their slot (strings of 8 one-byte characters,
//   numbers), hashed by a fixed mix of their two 32-bit key words; all share the low 28 bits of it.
// - craftedSmallIntegers: integers that V8's `Map` (which numbered order ids) puts in one bucket: V8
//   hashes small-integer keys with a fixed mix and no seed.
//
// Long ids: FNV-1a's step `h ← (h ⊕ c) · p mod 2^32` is invertible (p is odd), and the low k bits of `h`
// after a step depend only on the low k bits before it and of `c`; so states that agree in their low 28
// bits still agree after any common suffix. Each id is `head + block + "@example.com"`, where the
// 4-character `block` steers the head's state onto a fixed 28-bit target. The states from which some
// block reaches the target are marked in a bit set (2^28 bits) by running the step backwards; a head
// whose state is marked gets its block by meeting in the middle (two characters forward from the head,
// two backward from the target).

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** The inverse of the FNV prime modulo 2^32. */
const FNV_PRIME_INVERSE = 0x359c449b;
const LOW_28 = 0x0fffffff;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const DOMAIN = '@example.com';
const NAMES = ['anna', 'ben', 'chloe', 'david', 'emma', 'felix', 'grace', 'hugo'];

/** The 32-bit FNV-1a state after `text`, starting from `state`. */
export function fnv1a(text: string, state = FNV_OFFSET): number {
  let hash = state;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** The state before character `c` that leads to `after` (low 28 bits). */
function stepBack(after: number, c: number): number {
  return ((Math.imul(after, FNV_PRIME_INVERSE) ^ c) & LOW_28) >>> 0;
}

/**
 * `count` distinct email-like ids whose FNV-1a hashes all agree in their low 28 bits.
 *
 * @param count - how many ids
 * @returns the ids, e.g. `"anna.1k3x9q@example.com"`
 */
export function craftedIds(count: number): string[] {
  const codes = Array.from(ALPHABET, (c) => c.charCodeAt(0));
  // The target state after head + block: any fixed value will do.
  const target = fnv1a('target') & LOW_28;
  // States two characters before the target, with the characters that lead there.
  const twoBack = new Map<number, [number, number]>();
  for (const c3 of codes) for (const c4 of codes) twoBack.set(stepBack(stepBack(target, c4), c3), [c3, c4]);
  // States four characters before the target.
  const fourBack = new StateSet();
  for (const state of twoBack.keys()) {
    for (const c2 of codes) {
      const one = stepBack(state, c2);
      for (const c1 of codes) fourBack.add(stepBack(one, c1));
    }
  }
  const twoBackStates = new StateSet();
  for (const state of twoBack.keys()) twoBackStates.add(state);
  const ids: string[] = [];
  for (let n = 0; ids.length < count; n++) {
    const head = `${NAMES[n % NAMES.length] ?? ''}.${Math.floor(n / NAMES.length).toString(36)}`;
    const state = fnv1a(head);
    if (!fourBack.has(state & LOW_28)) continue;
    const block = blockFrom(state, codes, twoBack, twoBackStates);
    if (block !== null) ids.push(`${head}${block}${DOMAIN}`);
  }
  return ids;
}

/** A set of 28-bit states: one bit each. */
class StateSet {
  private readonly bits = new Uint32Array(1 << 23);

  add(state: number): void {
    this.bits[state >>> 5] = (this.bits[state >>> 5] ?? 0) | (1 << (state & 31));
  }

  has(state: number): boolean {
    return ((this.bits[state >>> 5] ?? 0) & (1 << (state & 31))) !== 0;
  }
}

/** Four characters that take `state` to the target: two forward, then two found in `twoBack`. */
function blockFrom(state: number, codes: readonly number[], twoBack: ReadonlyMap<number, [number, number]>, twoBackStates: StateSet): string | null {
  for (const c1 of codes) {
    const one = Math.imul(state ^ c1, FNV_PRIME);
    for (const c2 of codes) {
      const two = (Math.imul(one ^ c2, FNV_PRIME) & LOW_28) >>> 0;
      const last = twoBackStates.has(two) ? twoBack.get(two) : undefined;
      if (last !== undefined) return String.fromCharCode(c1, c2, last[0], last[1]);
    }
  }
  return null;
}

/**
 * `count` distinct email-like ids of the same form and lengths as {@link craftedIds}, not crafted.
 *
 * @param count - how many ids
 * @returns the ids
 */
export function ordinaryEmailIds(count: number): string[] {
  return Array.from({ length: count }, (_, n) => `${NAMES[n % NAMES.length] ?? ''}.${Math.floor(n / NAMES.length).toString(36)}x${(n * 2654435761 >>> 0).toString(36).slice(0, 3)}${DOMAIN}`);
}

/** The fixed mix of a packed key (tag, two words) the table used: murmur-like multiply and shift steps. */
function packedMix(tag: number, low: number, high: number): number {
  let h = Math.imul(low ^ (low >>> 16), MIX_1) ^ high;
  h = Math.imul(h ^ (h >>> 13), MIX_2) ^ tag;
  h = Math.imul(h ^ (h >>> 16), MIX_1);
  return h ^ (h >>> 13);
}
const MIX_1 = 0x85ebca6b;
const MIX_2 = 0xc2b2ae35;

/** The inverse of an odd number modulo 2^32 (Newton's iteration: each step doubles the correct bits). */
function inverse(odd: number): number {
  let x = odd;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x;
}

/** The `x` with `x ^ (x >>> shift) = y`. */
function undoShiftXor(y: number, shift: number): number {
  let x = y;
  for (let i = 0; i < 32; i += shift) x = y ^ (x >>> shift);
  return x | 0;
}

/**
 * The high key word that, with `low`, gives a packed key whose mix is `mix`: every step of the mix
 * after the high word enters is invertible, so it is run backwards from `mix`.
 */
function highFor(mix: number, tag: number, low: number): number {
  const afterSecond = undoShiftXor(Math.imul(undoShiftXor(mix, 13), inverse(MIX_1)), 16);
  const afterHigh = undoShiftXor(Math.imul(afterSecond ^ tag, inverse(MIX_2)), 13);
  return afterHigh ^ Math.imul(low ^ (low >>> 16), MIX_1);
}

/** The tag of a number id and of an 8-character string in the packed keys. */
const NUMBER_TAG = 9;
const STRING_8_TAG = 8;
/** The low 28 bits every crafted packed key's mix shares (any value will do). */
const SHARED_LOW_BITS = 0x0123456;

/**
 * `count` distinct 8-character ids of letters, digits and a few signs whose packed keys all mix to
 * the same low 28 bits: the first four characters run through base-36 numbers, the last four are
 * solved for (one of the 16 possible top nibbles usually gives printable characters).
 *
 * @param count - how many ids
 * @returns the ids, e.g. `"0002X<he"`
 */
export function craftedShortIds(count: number): string[] {
  const ids: string[] = [];
  for (let n = 0; ids.length < count; n++) {
    const head = n.toString(36).padStart(4, '0');
    if (head.length > 4) throw new Error('craftedShortIds: too many ids asked for');
    let low = 0;
    for (let i = 0; i < 4; i++) low |= head.charCodeAt(i) << (8 * i);
    for (let top = 0; top < 16 && ids.length < count; top++) {
      const high = highFor((top << 28) | SHARED_LOW_BITS, STRING_8_TAG, low);
      const tail = [0, 1, 2, 3].map((i) => (high >>> (8 * i)) & 0xff);
      if (tail.every((c) => c >= 0x30 && c <= 0x7a)) ids.push(head + String.fromCharCode(...tail));
    }
  }
  return ids;
}

/**
 * `count` distinct finite numbers whose packed keys (their 64 bits) all mix to the same low 28 bits:
 * the low word counts up, the high word is solved for.
 *
 * @param count - how many ids
 * @returns the ids (large and tiny doubles of both signs)
 */
export function craftedNumberIds(count: number): number[] {
  const bits = new Float64Array(1);
  const words = new Int32Array(bits.buffer);
  const ids: number[] = [];
  for (let low = 1; ids.length < count; low++) {
    words[0] = low;
    words[1] = highFor(SHARED_LOW_BITS, NUMBER_TAG, low);
    const value = bits[0] ?? 0;
    if (Number.isFinite(value) && value !== 0) ids.push(value);
  }
  return ids;
}

/** The low 28 bits of the packed-key mix of an 8-character one-byte string, as the table computed it. */
export function packedStringMix(id: string): number {
  let low = 0;
  let high = 0;
  for (let i = 0; i < 4; i++) {
    low |= id.charCodeAt(i) << (8 * i);
    high |= id.charCodeAt(i + 4) << (8 * i);
  }
  return packedMix(STRING_8_TAG, low, high) & LOW_28;
}

/** The low 28 bits of the packed-key mix of a number, as the table computed it. */
export function packedNumberMix(id: number): number {
  const bits = Float64Array.of(id);
  const words = new Int32Array(bits.buffer);
  return packedMix(NUMBER_TAG, words[0] ?? 0, words[1] ?? 0) & LOW_28;
}

/** V8's hash of a small integer (a number key of a `Map`): a fixed, unseeded integer mix, cut to 30 bits. */
export function v8SmallIntegerHash(key: number): number {
  let hash = key >>> 0;
  hash = (~hash + (hash << 15)) >>> 0;
  hash = (hash ^ (hash >>> 12)) >>> 0;
  hash = (hash + (hash << 2)) >>> 0;
  hash = (hash ^ (hash >>> 4)) >>> 0;
  hash = Math.imul(hash, 2057) >>> 0;
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return hash & 0x3fffffff;
}

/** The low bits that every crafted small integer's V8 hash shares: one bucket for a `Map` of up to 2^15 keys. */
const V8_SHARED_BITS = 14;
/** Their value (any value will do). */
const V8_SHARED_VALUE = 0x1234;

/**
 * `count` distinct integers from 0 to 2^30 − 1 whose V8 `Map` hashes share their low 14 bits, so that a
 * `Map` of up to 2^15 of them (2^14 buckets) holds them all in one chain, and a larger one in a few:
 * every step of V8's mix is invertible, so it is run backwards from hashes with those low bits.
 *
 * @param count - how many ids (at most about 65,000)
 * @returns the ids
 */
export function craftedSmallIntegers(count: number): number[] {
  const ids: number[] = [];
  for (let high = 0; ids.length < count; high++) {
    if (high >= 2 ** (32 - V8_SHARED_BITS)) throw new Error('craftedSmallIntegers: too many ids asked for');
    // Undo: h ^= h >>> 16; h *= 2057; h ^= h >>> 4; h += h << 2; h ^= h >>> 12; h = ~h + (h << 15).
    let h = undoShiftXor((high << V8_SHARED_BITS) | V8_SHARED_VALUE, 16);
    h = undoShiftXor(Math.imul(h, inverse(2057)), 4);
    h = undoShiftXor(Math.imul(h, inverse(5)), 12);
    const key = Math.imul(h + 1, inverse(32767)) >>> 0;
    if (key < 2 ** 30) ids.push(key);
  }
  return ids;
}
