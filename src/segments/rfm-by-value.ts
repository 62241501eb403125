/**
 * The segment summary of an RFM report per value of a customer attribute (option `by`).
 *
 * @module
 * @internal
 */
import type { CustomerScan } from '../input/customer-scan.ts';
import { type SummaryByValue, type ValueGroups, cellSums } from './by-value.ts';
import { type SegmentSums, type SummaryInput, meanSums, segmentSummaries } from './rfm-sums.ts';
import type { RfmColumns, RfmValueSummary } from './rfm-types.ts';

/**
 * @internal The segment summary of each value's customers, from the scores and segments the report
 * gave everyone: a customer's segment is the same in the summary of their value as in the report's.
 *
 * @param scan - the customers
 * @param columns - the report's per-customer numbers (recency and segment are read)
 * @param input - the segment names and money settings (`sums` and `monetarySum` are the report's, not read)
 * @param groups - the customers' values
 * @returns the summary per value
 */
export function rfmByValue(scan: CustomerScan, columns: RfmColumns, input: Omit<SummaryInput, 'sums' | 'monetarySum'>, groups: ValueGroups): SummaryByValue<RfmValueSummary> {
  const segments = input.names.length;
  const { segment } = columns;
  const sums: SegmentSums = {
    count: cellSums(groups, segment, segments),
    recencySum: cellSums(groups, segment, segments, columns.recency),
    frequencySum: cellSums(groups, segment, segments, scan.orders),
    grossSum: cellSums(groups, segment, segments, scan.grossMinor),
  };
  let monetarySum: ReturnType<typeof meanSums> = [];
  if (input.monetary === 'mean') {
    // Cell g · segments + k; a customer without a segment (no map) is in none.
    const cells = groups.values.length * segments;
    const cellOf = new Uint32Array(segment.length);
    for (let i = 0; i < cellOf.length; i++) cellOf[i] = segment[i] < segments ? groups.groupOf[i] * segments + segment[i] : cells;
    monetarySum = meanSums(scan, cellOf, cells);
  }
  const summary = { ...input, sums, monetarySum };
  return {
    attribute: groups.attribute,
    values: groups.values.map((value, g) => ({ value, customers: groups.customers[g], segments: segmentSummaries(summary, g * segments, groups.customers[g]) })),
  };
}
