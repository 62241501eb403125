/**
 * The display protocol of Deno's Jupyter kernel: an object with a `Symbol.for('Jupyter.display')`
 * method is shown as the MIME bundle that method returns. A result gets the method as a copy of itself
 * with the method added, not enumerable, so equality, spreads and `JSON.stringify` see the same data.
 *
 * @module
 */

/**
 * The key Deno's Jupyter kernel looks for: `Symbol.for('Jupyter.display')`. The results of the notebook
 * entry have a method under it that returns their {@link MimeBundle}.
 *
 * @example
 * ```ts
 * import { JUPYTER_DISPLAY, summarize } from 'retention-metrics/notebook';
 * JUPYTER_DISPLAY === Symbol.for('Jupyter.display'); // => true
 * const summary = summarize([{ customerId: 'a', date: '2024-01-05', amount: 10 }]);
 * Object.keys(summary).includes('customers'); // => true
 * summary[JUPYTER_DISPLAY]()['text/plain'].split('\n')[0]; // => 'Summary'
 * ```
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as typeof JUPYTER_DISPLAY;

/** A MIME bundle: the same content as an HTML fragment and as plain text for a terminal. */
export interface MimeBundle {
  /** An HTML fragment: the tables and, where one applies, the chart's SVG markup. */
  readonly 'text/html': string;
  /** The tables as aligned plain text. */
  readonly 'text/plain': string;
}

/** What a notebook result carries besides its data: the method the Jupyter kernel calls to show it. */
export interface Displayable {
  /** The MIME bundle that shows this value in a notebook. */
  [JUPYTER_DISPLAY](): MimeBundle;
}

/** A result of the library with its notebook display. */
export type Displayed<T> = T & Displayable;

/**
 * @internal `value` with a display method: for an array a new array, for an object a new object with
 * the same prototype and own properties (getters and non-enumerable methods included), frozen when
 * `value` is. The method is not enumerable. `value` itself is left as it is (results are often frozen).
 *
 * @param value - a result of the library (an object or an array)
 * @param bundle - builds the MIME bundle of `value` when the kernel asks for it
 * @returns the copy with the display method
 */
export function withDisplay<T extends object>(value: T, bundle: (value: T) => MimeBundle): Displayed<T> {
  const copy: T = Array.isArray(value)
    ? (Object.defineProperties([], Object.getOwnPropertyDescriptors(value)) as T)
    : (Object.create(Object.getPrototypeOf(value) as object | null, Object.getOwnPropertyDescriptors(value)) as T);
  // The copy is shown as the original's data: its getters and methods are the original's closures.
  Object.defineProperty(copy, JUPYTER_DISPLAY, { value: () => bundle(value), enumerable: false });
  if (Object.isFrozen(value)) Object.freeze(copy);
  return copy as Displayed<T>;
}
