/**
 * The display of a breakdown: the report over everyone, then the report of each segment, each as its
 * own sections with the segment named in the titles.
 *
 * @module
 * @internal
 */
import type { Breakdown } from '../../input/breakdown.ts';
import { formatCount } from '../format.ts';
import type { Section } from '../section.ts';

/**
 * @internal The sections of a breakdown.
 *
 * @param breakdown - the breakdown
 * @param sections - the sections of one report of it
 * @returns the total's sections, then each segment's, titles ending with the segment (`channel = ads`)
 */
export function breakdownSections<T>(breakdown: Breakdown<T>, sections: (result: T) => Section[]): Section[] {
  const titled = (list: Section[], suffix: string): Section[] => list.map((s) => ({ ...s, title: `${s.title} — ${suffix}` }));
  return [
    ...titled(sections(breakdown.total), 'all customers'),
    ...breakdown.segments.flatMap((segment) =>
      titled(sections(segment.result), `${breakdown.by} = ${segment.value ?? '(none)'} (${formatCount(segment.customers)} customers)`),
    ),
  ];
}
