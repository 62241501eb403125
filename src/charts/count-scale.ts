/**
 * The binned colour scale of counts (customers per cell), shared by the grids of counts.
 *
 * @module
 * @internal
 */
import { integerTicks } from './format.ts';

/** @internal A threshold colour scale of counts and how to colour a cell's label on it. */
export interface CountScale {
  /** The bins' lower edges after the first (whole numbers, ascending). */
  readonly thresholds: number[];
  /** Whether a cell of this count is dark (its label drawn in white). */
  readonly dark: (value: number) => boolean;
}

/**
 * @internal Bins of round whole-number widths from 0 to the largest count, about five of them.
 *
 * @param max - the largest count
 * @returns the scale
 */
export function countScale(max: number): CountScale {
  const ticks = integerTicks(0, Math.max(max, 1), 5);
  const thresholds = ticks.slice(1, -1).length > 0 ? ticks.slice(1, -1) : [ticks[ticks.length - 1]];
  const bins = thresholds.length + 1;
  return { thresholds, dark: (value) => thresholds.filter((t) => t <= value).length >= bins / 2 };
}
