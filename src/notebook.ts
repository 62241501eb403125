/**
 * The library for Jupyter notebooks (Deno's kernel): everything the root entry exports, with the
 * reports, fitted models and cohort tables of the functions below carrying a display — the last
 * expression of a cell shows as an HTML table with its chart (and as plain text in a terminal). The
 * results are the root entry's data: the display method is not enumerable, so equality, spreads and
 * JSON see the same fields. `display(value)` adds it to a result got elsewhere.
 *
 * @module retention-metrics/notebook
 */
// Public API of retention-metrics/notebook. Exports only: no logic lives here. The names below shadow
// the root entry's of the same name (an explicit export takes precedence over `export *`).
export * from './index.ts';
export { JUPYTER_DISPLAY, type Displayable, type Displayed, type MimeBundle } from './notebook/displayed.ts';
export { display, type DisplayOptions } from './notebook/display.ts';
export { summarize, periodRetention, periodLifecycle, mrrReport } from './notebook/reports.ts';
export { rfm, dormancy } from './notebook/segment-reports.ts';
export { fitBgNbd, fitParetoNbd, fitGammaGamma } from './notebook/fits.ts';
export { Cohort, type SubscriptionCohort } from './notebook/cohort.ts';
