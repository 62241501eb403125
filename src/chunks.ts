/**
 * How the hot loops over millions of accounts are run: a kernel function called once per chunk.
 *
 * V8 optimizes a function that is still inside its first long loop by on-stack replacement, and that
 * code runs such a loop up to three times slower than the code it compiles for the function's later
 * calls (measured on a 10 M-event ledger: a scan took 110–180 ms on the first call, 52 ms after). A
 * kernel called once per chunk of {@link CHUNK} accounts gets its regular optimized code after a few
 * calls, so even the first report over a big ledger runs at full speed (60–65 ms for that scan). The
 * kernels take the typed arrays as parameters and keep their running sums in locals, which is what
 * lets the compiler keep them in registers.
 *
 * @module
 * @internal
 */

/** Accounts per kernel call: small enough that no single call runs long, large enough that calls cost nothing. */
export const CHUNK = 1024;
