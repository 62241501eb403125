/**
 * Lazily built result fields: a report can carry thousands of per-customer row objects that many
 * callers never read; they are built on first access (then kept), so computing the report stays a scan
 * of typed arrays.
 *
 * @module
 * @internal
 */

/**
 * Define `key` on `target` as an enumerable property whose value `build()` computes on first read.
 * The property reads like a plain field (it shows in `JSON.stringify`, spreads and `Object.keys`).
 *
 * @param target - the object to extend
 * @param key - the property name
 * @param build - computes the value once
 * @returns `target`, typed with the new property
 */
export function lazyField<T extends object, K extends string, V>(target: T, key: K, build: () => V): T & { readonly [P in K]: V } {
  let value: V | undefined;
  let built = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: false,
    get: () => {
      if (!built) {
        value = build();
        built = true;
      }
      return value;
    },
  });
  return target as T & { readonly [P in K]: V };
}
