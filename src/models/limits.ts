/**
 * Caps on the model inputs whose size would otherwise set the time or memory of a call by itself
 * (a fit allocates per distinct value of `x` up to the largest; a holdout report has one row per
 * frequency group; an sBG fit one term per period). Values past them are refused with an error that
 * names the cap, instead of running until the engine gives up.
 *
 * @module
 */

/**
 * Largest number of repeat transactions `x` of one customer in a model summary or history: 1,000,000
 * (a purchase every day for 2,700 years; the summaries of `rfmSummary` count purchase days).
 */
export const MAX_TRANSACTIONS = 1_000_000;

/** Largest `maxFrequency` of `evaluateHoldout`: 10,000 frequency groups. */
export const MAX_FREQUENCY_GROUPS = 10_000;

/** Most periods an sBG fit accepts (survivor counts after the cohort size, or table offsets): 10,000. */
export const MAX_SBG_PERIODS = 10_000;

/**
 * Longest span of an `rfmSummary`, from the earliest first purchase to the holdout end (or the
 * calibration end): 36,525 days (100 years). A "no end" sentinel such as `'9999-12-31'` is refused
 * here instead of sizing the per-period series and the holdout tracking rows.
 */
export const MAX_SUMMARY_DAYS = 36_525;

/** Most rows of a column (the longest JavaScript array): 2³² − 1. */
export const MAX_ROWS = 2 ** 32 - 1;
