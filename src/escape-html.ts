/**
 * Escaping text for HTML: every piece of data (file names, column names, customer ids, segment names)
 * goes through {@link escapeHtml} before it is put in a page (the command's report, a notebook display).
 *
 * @module
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML text or attribute value: `& < > " '` as entities.
 *
 * @param text - any text
 * @returns the escaped text
 * @example
 * ```ts
 * import { escapeHtml } from './escape-html.ts';
 * escapeHtml('<script>"x" & \'y\''); // => '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
