/**
 * The colours of a chart's series (one curve per cohort) drawn beside one summary line (an average or
 * pooled curve): a colour of the palette each, or, with more series than colours, all in one grey, so
 * that only the summary line stands out.
 *
 * @module
 * @internal
 */
import type { Swatch } from './frame.ts';
import { CATEGORY_COLORS } from './plot.ts';

/** @internal The summary line's colour, near black (it is also drawn thicker). */
export const SUMMARY_COLOR = '#111';

/** The one colour of every series when there are more of them than colours. */
const MANY_COLOR = '#9aa4b1';

/** @internal How the series are coloured, and their entries in the legend. */
export interface SeriesColors {
  /** One colour per series, in their order (the range of Plot's ordinal colour scale). */
  readonly range: readonly string[];
  /** The series' stroke opacity: lighter when they are all grey. */
  readonly opacity: number;
  /** Their legend: a swatch per series, or one for all of them. */
  readonly swatches: readonly Swatch[];
}

/**
 * @internal Colour the series.
 *
 * @param names - the series, in the order they are listed
 * @param label - a series' entry in the legend
 * @param all - the one legend entry for all of them when they are grey
 * @returns their colours, opacity and legend
 */
export function seriesColors(names: readonly string[], label: (name: string) => string, all: string): SeriesColors {
  if (names.length <= CATEGORY_COLORS.length) {
    return { range: CATEGORY_COLORS.slice(0, names.length), opacity: 1, swatches: names.map((name, i) => ({ label: label(name), color: CATEGORY_COLORS[i], line: true })) };
  }
  return { range: names.map(() => MANY_COLOR), opacity: 0.6, swatches: [{ label: all, color: MANY_COLOR, line: true }] };
}
