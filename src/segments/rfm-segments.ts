/**
 * Named RFM segments: maps from a customer's R, F and M scores to a segment name, the default map, and
 * a builder for your own.
 *
 * @module
 */
import { InvalidOptionError, describeValue } from '../errors.ts';
import { checkOptionKeys, optionKeys } from '../option-keys.ts';
import { assertBins } from './rank-scores.ts';

/** A customer's RFM scores, as a segment map sees them. */
export interface RfmScores {
  /** Recency score, 1…bins (bins = most recent). */
  readonly r: number;
  /** Frequency score, 1…bins. */
  readonly f: number;
  /** Monetary score, 1…bins. */
  readonly m: number;
  /** (F + M) ÷ 2: a half-integer score of the customer's value. */
  readonly fm: number;
}

/** A map from scores to segment names, written for a number of bins. */
export interface RfmSegmentMap {
  /** The map's name (shown in reports). */
  readonly name: string;
  /** The number of score bins the map is written for; `rfm` refuses a map with other bins. */
  readonly bins: number;
  /** Every segment name the map can give, in display order. */
  readonly segments: readonly string[];
  /** The segment of one customer. */
  readonly segmentOf: (scores: RfmScores) => string;
}

/** An inclusive score range `[low, high]`. */
export type ScoreRange = readonly [number, number];

/**
 * One rule of a segment map: a customer matches when every range given contains their score, or when
 * their three-digit code `${r}${f}${m}` is listed in `codes`. The first matching rule wins.
 */
export interface RfmSegmentRule {
  /** The segment's name. */
  readonly name: string;
  /** Range of R. */
  readonly r?: ScoreRange;
  /** Range of F. */
  readonly f?: ScoreRange;
  /** Range of M. */
  readonly m?: ScoreRange;
  /** Range of FM = (F + M) ÷ 2. */
  readonly fm?: ScoreRange;
  /** Three-digit codes `RFM` (e.g. `'443'`); only for bins ≤ 9. */
  readonly codes?: readonly string[];
}

/** Options of {@link rfmSegmentMap}. */
export interface RfmSegmentMapOptions {
  /** The number of score bins the map is written for (default 5). */
  bins?: number;
  /** The segment of customers matching no rule (default `'Other'`). */
  fallback?: string;
}

const MAP_KEYS = optionKeys<RfmSegmentMapOptions>({ bins: true, fallback: true });
const RULE_KEYS = optionKeys<RfmSegmentRule>({ name: true, r: true, f: true, m: true, fm: true, codes: true });

function assertRange(option: string, value: unknown, bins: number): ScoreRange | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'number' ||
    !(value[0] >= 1 && value[0] <= value[1] && value[1] <= bins)
  ) {
    throw new InvalidOptionError(option, value, `must be a score range [low, high] with 1 ≤ low ≤ high ≤ ${bins}`);
  }
  return [value[0], value[1]];
}

/**
 * Build a segment map from rules, first match wins; customers matching no rule get `fallback`.
 *
 * @param name - the map's name
 * @param rules - the rules, in priority order
 * @param options - `bins` the map is written for (default 5), `fallback` name (default `'Other'`)
 * @returns a map for `rfm`'s `segments` option
 * @throws {@link InvalidOptionError} for an unknown option or rule key, an empty name, a range outside
 *   1…bins, or a malformed code
 *
 * @example
 * ```ts
 * import { rfmSegmentMap } from 'retention-metrics';
 * const map = rfmSegmentMap('two groups', [{ name: 'Recent', r: [4, 5] }], { fallback: 'Older' });
 * map.segmentOf({ r: 5, f: 1, m: 1, fm: 1 }); // => 'Recent'
 * map.segmentOf({ r: 2, f: 5, m: 5, fm: 5 }); // => 'Older'
 * map.segments; // => ['Recent', 'Older']
 * ```
 */
export function rfmSegmentMap(name: string, rules: readonly RfmSegmentRule[], options?: RfmSegmentMapOptions): RfmSegmentMap {
  const opts = checkOptionKeys(options, MAP_KEYS);
  const bins = assertBins(opts.bins ?? 5, 'bins');
  const fallback = opts.fallback ?? 'Other';
  if (typeof fallback !== 'string' || fallback === '') throw new InvalidOptionError('fallback', fallback, 'must be a non-empty string');
  if (!Array.isArray(rules)) throw new InvalidOptionError('rules', rules, 'must be an array of segment rules');
  const checked = rules.map((rule: RfmSegmentRule, i) => {
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) throw new InvalidOptionError(`rules[${i}]`, rule, 'must be a segment rule { name, r?, f?, m?, fm?, codes? }');
    checkOptionKeys(rule, RULE_KEYS, `rules[${i}].`);
    if (typeof rule.name !== 'string' || rule.name === '') {
      throw new InvalidOptionError(`rules[${i}].name`, rule.name, 'must be a non-empty string');
    }
    if (rule.codes !== undefined && !Array.isArray(rule.codes)) {
      throw new InvalidOptionError(`rules[${i}].codes`, rule.codes, 'must be an array of three-digit codes');
    }
    const codes = rule.codes === undefined ? undefined : new Set(rule.codes);
    for (const code of codes ?? []) {
      if (typeof code !== 'string' || !/^[1-9]{3}$/.test(code) || [...code].some((c) => Number(c) > bins)) {
        throw new InvalidOptionError(`rules[${i}].codes`, code, `${describeValue(code)} is not a three-digit code of scores 1…${bins}`);
      }
    }
    return {
      name: rule.name,
      r: assertRange(`rules[${i}].r`, rule.r, bins),
      f: assertRange(`rules[${i}].f`, rule.f, bins),
      m: assertRange(`rules[${i}].m`, rule.m, bins),
      fm: assertRange(`rules[${i}].fm`, rule.fm, bins),
      codes,
    };
  });
  const inside = (range: ScoreRange | undefined, v: number) => range === undefined || (v >= range[0] && v <= range[1]);
  const match = (s: RfmScores): string | undefined => {
    for (const rule of checked) {
      if (rule.codes !== undefined && !rule.codes.has(`${s.r}${s.f}${s.m}`)) continue;
      if (inside(rule.r, s.r) && inside(rule.f, s.f) && inside(rule.m, s.m) && inside(rule.fm, s.fm)) return rule.name;
    }
    return undefined;
  };
  const segments = [...new Set(checked.map((r) => r.name))];
  // List the fallback only when some combination of scores reaches it (bins³ checks, at most 10⁶).
  if (!coversAll(bins, match)) segments.push(fallback);
  return Object.freeze({
    name,
    bins,
    segments: Object.freeze(segments),
    segmentOf: (s: RfmScores) => match(s) ?? fallback,
  });
}

function coversAll(bins: number, match: (s: RfmScores) => string | undefined): boolean {
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) if (match({ r, f, m, fm: (f + m) / 2 }) === undefined) return false;
    }
  }
  return true;
}

/**
 * The default segment map: 11 segments on the R score and FM = (F + M) ÷ 2, 5 bins. Rows R, columns FM:
 *
 * | R \ FM | 1–1.5 | 2–2.5 | 3–3.5 | 4–4.5 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | New Customers | Potential Loyalists | Potential Loyalists | Champions | Champions |
 * | 4 | Promising | Potential Loyalists | Loyal Customers | Champions | Champions |
 * | 3 | About to Sleep | Need Attention | Need Attention | Loyal Customers | Loyal Customers |
 * | 2 | Hibernating | Hibernating | At Risk | At Risk | Can't Lose Them |
 * | 1 | Lost | Lost | At Risk | Can't Lose Them | Can't Lose Them |
 *
 * @example
 * ```ts
 * import { RFM_SEGMENTS } from 'retention-metrics';
 * RFM_SEGMENTS.segmentOf({ r: 5, f: 4, m: 5, fm: 4.5 }); // => 'Champions'
 * RFM_SEGMENTS.segmentOf({ r: 1, f: 5, m: 4, fm: 4.5 }); // => "Can't Lose Them"
 * ```
 */
export const RFM_SEGMENTS: RfmSegmentMap = rfmSegmentMap(
  'default',
  [
    { name: 'Champions', r: [4, 5], fm: [4, 5] },
    { name: 'Loyal Customers', r: [3, 3], fm: [4, 5] },
    { name: 'Loyal Customers', r: [4, 4], fm: [3, 3.5] },
    { name: 'Potential Loyalists', r: [4, 5], fm: [2, 3.5] },
    { name: 'New Customers', r: [5, 5], fm: [1, 1.5] },
    { name: 'Promising', r: [4, 4], fm: [1, 1.5] },
    { name: 'Need Attention', r: [3, 3], fm: [2, 3.5] },
    { name: 'About to Sleep', r: [3, 3], fm: [1, 1.5] },
    { name: 'At Risk', r: [2, 2], fm: [3, 4.5] },
    { name: 'At Risk', r: [1, 1], fm: [3, 3.5] },
    { name: "Can't Lose Them", r: [2, 2], fm: [5, 5] },
    { name: "Can't Lose Them", r: [1, 1], fm: [4, 5] },
    { name: 'Hibernating', r: [2, 2], fm: [1, 2.5] },
    { name: 'Lost', r: [1, 1], fm: [1, 2.5] },
  ],
  { bins: 5, fallback: 'Other' },
);
