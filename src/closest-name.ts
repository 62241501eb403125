/**
 * The valid name most like a misspelt one, for "did you mean …?" in error messages.
 *
 * @module
 * @internal
 */

/**
 * @internal The candidate closest to `name`, or `undefined` when none is close enough to be a
 * plausible slip (an edit distance, ignoring case, of at most a third of the longer name, and at
 * least 1; a candidate equal but for case always qualifies).
 *
 * @param name - what the caller wrote
 * @param candidates - the valid names
 * @returns the valid name most like `name`, or `undefined`
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other === lower) return candidate;
    const limit = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
    if (Math.abs(other.length - lower.length) > limit) continue;
    const distance = editDistance(lower, other, limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps), stopping
 * early once every alignment exceeds `limit`. Names are short, so the quadratic table is small.
 */
function editDistance(a: string, b: string, limit: number): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? Infinity) + 1, (current[j - 1] ?? Infinity) + 1, (previous[j - 1] ?? Infinity) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] ?? Infinity) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return rowMin;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? Infinity;
}
