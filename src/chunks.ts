/**
 * How the hot loops over millions of accounts are run: a kernel function called once per chunk.
 *
 * An engine that optimizes a function while it is still inside its first long loop (on-stack
 * replacement) runs that loop slower than the code it compiles for the function's later calls. A
 * kernel called once per chunk of {@link CHUNK} accounts gets its regular optimized code after a few
 * calls, so even the first report over a big ledger runs at full speed. The kernels take the typed arrays as parameters and keep their running sums in locals, which is what
 * lets the compiler keep them in registers.
 *
 * The same holds for a function that runs several long passes one after the other (the ledger
 * builders): the code after a loop compiled while it ran has no type feedback yet, so reaching it
 * throws the optimized code away, and the next pass starts over in the interpreter. Each pass is a
 * kernel as well, and a kernel's own loop ends with nothing after it that has not run before.
 *
 * @module
 * @internal
 */

/**
 * Items per kernel call: small enough that no single call runs long, large enough that calls cost
 * little. A kernel's first calls run before its optimized code exists; with smaller chunks fewer of
 * them are long enough to be compiled a second time while they run. The size was chosen by
 * measurement on the reference workload (bench/JOURNAL.md).
 */
export const CHUNK = 256;

/**
 * Running sums in place over `counts[lo … hi − 1]`, `counts[lo − 1]` being final already: called for
 * chunks `1 … length − 1` in order, it turns counts into cumulative counts.
 */
export function prefixSums(counts: Uint32Array, lo: number, hi: number): void {
  let sum = counts[lo - 1] ?? 0;
  for (let k = lo; k < hi; k++) {
    sum += counts[k] ?? 0;
    counts[k] = sum;
  }
}
