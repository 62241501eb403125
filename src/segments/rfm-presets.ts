/**
 * Segment maps beside the default: a Shopify-style map and PyMC-Marketing's quartile map.
 *
 * @module
 */
import { type RfmSegmentMap, rfmSegmentMap } from './rfm-segments.ts';

/**
 * A Shopify-style map: Shopify's RFM groups from R and FM = (F + M) ÷ 2, 5 bins. Shopify publishes its
 * grid only as a picture and one-line descriptions, so these boundaries are this library's reading of
 * them. Rows R, columns FM:
 *
 * | R \ FM | 1–1.5 | 2–2.5 | 3–3.5 | 4–4.5 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | New | New | Active | Champions | Champions |
 * | 4 | Promising | Promising | Active | Loyal | Loyal |
 * | 3 | Almost lost | Needs attention | Needs attention | Loyal | Loyal |
 * | 2 | Almost lost | Almost lost | At risk | At risk | Previously loyal |
 * | 1 | Dormant | Dormant | At risk | Previously loyal | Previously loyal |
 *
 * Shopify's eleventh group, Prospects (no orders yet), never appears: every scored customer has an order.
 *
 * @example
 * ```ts
 * import { RFM_SEGMENTS_SHOPIFY } from 'retention-metrics';
 * RFM_SEGMENTS_SHOPIFY.segmentOf({ r: 4, f: 3, m: 4, fm: 3.5 }); // => 'Active'
 * RFM_SEGMENTS_SHOPIFY.segments.length; // => 10
 * ```
 */
export const RFM_SEGMENTS_SHOPIFY: RfmSegmentMap = rfmSegmentMap(
  'shopify',
  [
    { name: 'Champions', r: [5, 5], fm: [4, 5] },
    { name: 'Loyal', r: [3, 4], fm: [4, 5] },
    { name: 'Active', r: [4, 5], fm: [3, 3.5] },
    { name: 'Needs attention', r: [3, 3], fm: [2, 3.5] },
    { name: 'Promising', r: [4, 4], fm: [1, 2.5] },
    { name: 'New', r: [5, 5], fm: [1, 2.5] },
    { name: 'At risk', r: [2, 2], fm: [3, 4.5] },
    { name: 'At risk', r: [1, 1], fm: [3, 3.5] },
    { name: 'Previously loyal', r: [2, 2], fm: [5, 5] },
    { name: 'Previously loyal', r: [1, 1], fm: [4, 5] },
    { name: 'Almost lost', r: [3, 3], fm: [1, 1.5] },
    { name: 'Almost lost', r: [2, 2], fm: [1, 2.5] },
    { name: 'Dormant', r: [1, 1], fm: [1, 2.5] },
  ],
  { bins: 5, fallback: 'Prospects' },
);

/**
 * PyMC-Marketing's default `rfm_segments` map: quartile scores (use it with `bins: 4`) and lists of
 * three-digit `RFM` codes; every other code is `Other`. The code lists are PyMC-Marketing's; the scores
 * are this library's (R from days since the last order, 4 = most recent; ranks with ties sharing a score rather
 * than `pandas.qcut`), so a customer's label can differ from PyMC-Marketing's own where its quartile
 * edges or its recency column (first to last purchase) differ.
 *
 * @example
 * ```ts
 * import { RFM_SEGMENTS_PYMC } from 'retention-metrics';
 * RFM_SEGMENTS_PYMC.bins; // => 4
 * RFM_SEGMENTS_PYMC.segmentOf({ r: 4, f: 4, m: 3, fm: 3.5 }); // => 'Premium Customer'
 * RFM_SEGMENTS_PYMC.segmentOf({ r: 4, f: 2, m: 1, fm: 1.5 }); // => 'Other'
 * ```
 */
export const RFM_SEGMENTS_PYMC: RfmSegmentMap = rfmSegmentMap(
  'pymc-marketing',
  [
    { name: 'Premium Customer', codes: ['334', '443', '444', '344', '434', '433', '343', '333'] },
    { name: 'Repeat Customer', codes: ['244', '234', '232', '332', '143', '233', '243'] },
    {
      name: 'Top Spender',
      codes: ['424', '414', '144', '314', '324', '124', '224', '423', '413', '133', '323', '313', '134'],
    },
    { name: 'At Risk Customer', codes: ['422', '223', '212', '122', '222', '132', '322', '312', '412', '123', '214'] },
    { name: 'Inactive Customer', codes: ['411', '111', '113', '114', '112', '211', '311'] },
  ],
  { bins: 4, fallback: 'Other' },
);
