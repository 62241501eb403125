/**
 * UTC offsets of IANA time zones, cached so that a lookup costs a couple of comparisons.
 *
 * The offsets come from the runtime's time-zone database through `Intl.DateTimeFormat` (the same source
 * `@date-fns/tz` reads). `Intl` is slow (about a microsecond a call), so each zone keeps a cache:
 *
 * - the time line is cut into blocks of {@link BLOCK_DAYS} UTC days; the first lookup in a block samples
 *   the offset at every UTC midnight of the block and, between two samples that differ, bisects to the
 *   millisecond to find each transition. The block then holds its transitions as two short arrays;
 * - the zone also remembers the interval of constant offset that answered the last lookup, so sorted
 *   input (the common case: a ledger sorted by time) is answered by two comparisons.
 *
 * Assumption (true of every zone in the IANA database): two transitions that cancel each other out never
 * fall within the same 24 hours, so sampling once a day misses none.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';

/** Milliseconds in a 24-hour day. */
export const DAY_MS = 86_400_000;
/** Number of UTC days in one cache block. */
export const BLOCK_DAYS = 64;
const BLOCK_MS = BLOCK_DAYS * DAY_MS;
/** The range of instants a JavaScript `Date` can hold. */
export const MAX_EPOCH_MS = 8.64e15;

/** A fixed UTC offset written `±HH:MM`, `±HHMM` or `±HH` (hours 00–23, minutes 00–59). */
const FIXED_OFFSET = /^([+-])([01]\d|2[0-3])(?::?([0-5]\d))?$/;

/**
 * The offset in ms of a fixed-offset zone name such as `+05:30`, or `undefined` if `timeZone` is not one.
 *
 * @internal
 */
export function parseFixedOffset(timeZone: string): number | undefined {
  const match = FIXED_OFFSET.exec(timeZone);
  if (match === null) return undefined;
  // The minutes are optional (`±HH`): an unmatched group is `undefined`, read as 0 minutes.
  const minutes = match[3] === undefined ? 0 : Number(match[3]);
  const size = (Number(match[2]) * 60 + minutes) * 60_000;
  return match[1] === '-' ? -size : size;
}

/** Transitions of one block: `offsets[k]` holds from `times[k - 1]` (or the block start) to `times[k]`. */
interface Block {
  readonly times: number[];
  readonly offsets: number[];
}

/**
 * Offset cache of one zone. `lo`, `hi`, `off` describe the last interval found (`off` holds on
 * `[lo, hi)`); {@link ZoneCache.lookup} answers anything else and moves the interval.
 *
 * @internal
 */
export class ZoneCache {
  lo = 0;
  hi = 0;
  off = 0;
  private readonly blocks = new Map<number, Block>();
  private readonly format: ((date: number) => string) | undefined;

  constructor(
    readonly timeZone: string,
    fixed: number | undefined,
  ) {
    if (fixed === undefined) {
      this.format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).format;
    } else {
      this.format = undefined;
      this.lo = -MAX_EPOCH_MS;
      this.hi = MAX_EPOCH_MS + 1;
      this.off = fixed;
    }
  }

  /** Offset at `ms` (any instant a `Date` can hold); also makes its interval the current one. */
  lookup(ms: number): number {
    if (!(ms >= -MAX_EPOCH_MS && ms <= MAX_EPOCH_MS)) {
      throw new InvalidOptionError('epochMs', ms, `${describeValue(ms)} is not an instant a Date can hold`);
    }
    if (this.format === undefined) return this.off;
    const index = Math.floor(ms / BLOCK_MS);
    let block = this.blocks.get(index);
    if (block === undefined) {
      block = this.fill(index);
      this.blocks.set(index, block);
    }
    const { times, offsets } = block;
    let k = 0;
    while (k < times.length && times[k] <= ms) k++;
    this.lo = k === 0 ? index * BLOCK_MS : times[k - 1];
    this.hi = k === times.length ? (index + 1) * BLOCK_MS : times[k];
    // `offsets` has one entry more than `times` (the offset before the first transition), so `k` is in range.
    this.off = offsets[k];
    return this.off;
  }

  /** Offset straight from `Intl` (no cache). */
  exact(ms: number): number {
    if (this.format === undefined) return this.off;
    const text = this.format(Math.min(MAX_EPOCH_MS, Math.max(-MAX_EPOCH_MS, ms)));
    const at = text.lastIndexOf('GMT');
    const rest = text.slice(at + 3);
    if (rest === '') return 0;
    const sign = rest.charCodeAt(0) === 45 || rest.charCodeAt(0) === 0x2212 ? -1 : 1;
    const [h = '0', m = '0', s = '0'] = rest.slice(1).split(':');
    return sign * ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000;
  }

  private fill(index: number): Block {
    const times: number[] = [];
    const start = index * BLOCK_MS;
    let previous = this.exact(start);
    const offsets: number[] = [previous];
    for (let day = 1; day <= BLOCK_DAYS; day++) {
      const at = start + day * DAY_MS;
      const offset = this.exact(at);
      // Between two samples that differ, find each transition (usually one) to the millisecond.
      let from = at - DAY_MS;
      while (offset !== previous && from < at) {
        let lo = from;
        let hi = at;
        while (hi - lo > 1) {
          const mid = lo + Math.floor((hi - lo) / 2);
          if (this.exact(mid) === previous) lo = mid;
          else hi = mid;
        }
        if (day < BLOCK_DAYS || hi < at) {
          times.push(hi);
          previous = this.exact(hi);
          offsets.push(previous);
        } else {
          previous = offset; // the transition is at the next block's first instant
        }
        from = hi;
      }
    }
    return { times, offsets };
  }
}

const caches = new Map<string, ZoneCache>();
let lastZone = '';
let lastCache: ZoneCache | undefined;

/**
 * The cache of `timeZone`, created on first use.
 *
 * @internal
 * @throws {@link InvalidOptionError} if `timeZone` is not a zone the runtime knows
 */
export function zoneCache(timeZone: string): ZoneCache {
  if (timeZone === lastZone && lastCache !== undefined) return lastCache;
  let cache = caches.get(timeZone);
  if (cache === undefined) {
    const fixed = typeof timeZone === 'string' ? parseFixedOffset(timeZone) : undefined;
    try {
      cache = new ZoneCache(timeZone, fixed);
    } catch {
      throw new InvalidOptionError('timeZone', timeZone, `${describeValue(timeZone)} is not an IANA time zone`);
    }
    caches.set(timeZone, cache);
  }
  lastZone = timeZone;
  lastCache = cache;
  return cache;
}

/**
 * The UTC offset of `timeZone` at an instant, in milliseconds: local wall-clock ms = `epochMs` + offset.
 *
 * Agrees with `tzOffset(timeZone, date) * 60_000` from `@date-fns/tz` (both read the runtime's
 * `Intl` data), including offsets with seconds (local mean time before 1900). `'UTC'` costs nothing;
 * other zones are answered from a per-zone cache (see the module notes), so calling this once per row
 * over millions of rows is cheap, fastest when the rows come in time order.
 *
 * @param timeZone - IANA zone (`'Europe/Berlin'`), `'UTC'`, or a fixed offset (`'+05:30'`)
 * @param epochMs - the instant, in ms since 1970-01-01T00:00:00Z
 * @returns the offset in ms (east of Greenwich positive)
 * @throws {@link InvalidOptionError} if `timeZone` is unknown or `epochMs` is not an instant a `Date` can hold
 *
 * @example
 * ```ts
 * import { zoneOffsetMs } from './offset.ts';
 * zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 0, 15)); // => 3600000
 * zoneOffsetMs('Europe/Berlin', Date.UTC(2024, 6, 15)); // => 7200000
 * zoneOffsetMs('Pacific/Chatham', Date.UTC(2024, 0, 15)) / 60_000; // => 825
 * zoneOffsetMs('UTC', 0); // => 0
 * ```
 */
export function zoneOffsetMs(timeZone: string, epochMs: number): number {
  if (typeof epochMs !== 'number' || !(epochMs >= -MAX_EPOCH_MS && epochMs <= MAX_EPOCH_MS)) {
    throw new InvalidOptionError('epochMs', epochMs, `${describeValue(epochMs)} is not an instant a Date can hold (epoch milliseconds)`);
  }
  if (timeZone === 'UTC') return 0;
  const cache = timeZone === lastZone && lastCache !== undefined ? lastCache : zoneCache(timeZone);
  return epochMs >= cache.lo && epochMs < cache.hi ? cache.off : cache.lookup(epochMs);
}
