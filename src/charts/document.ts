/**
 * The document charts are drawn in: the page's own in a browser, a linkedom document elsewhere (Node,
 * Deno, Bun), so that the same code renders the same markup without a browser.
 *
 * @module
 * @internal
 */
import { parseHTML } from 'linkedom';

/** @internal The part of a DOM element the charts use (the library is typed without the DOM's lib). */
export interface ChartElement {
  setAttribute(name: string, value: string): void;
  getAttribute(name: string): string | null;
  appendChild<T extends ChartElement>(child: T): T;
  textContent: string | null;
  readonly outerHTML: string;
}

/** @internal The part of a DOM document the charts use. */
export interface ChartDocument {
  createElementNS(namespace: string, name: string): ChartElement;
}

/** The SVG namespace. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

let detached: ChartDocument | undefined;

/**
 * @internal The page's document where there is one (`globalThis.document`), else one linkedom
 * document made on first use and kept: charts only create detached elements in it, never attach them.
 *
 * @returns a document to create chart elements in
 */
export function chartDocument(): ChartDocument {
  const page = (globalThis as { document?: unknown }).document;
  if (typeof page === 'object' && page !== null && typeof (page as Partial<ChartDocument>).createElementNS === 'function') {
    return page as ChartDocument;
  }
  detached ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as ChartDocument;
  return detached;
}

/**
 * @internal An SVG element with attributes.
 *
 * @param document - where to create it
 * @param name - the tag name
 * @param attributes - attributes to set, in order
 * @returns the element
 */
export function svgElement(document: ChartDocument, name: string, attributes: Readonly<Record<string, string | number>> = {}): ChartElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}
