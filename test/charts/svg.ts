/** Reads chart markup back as a DOM (linkedom parses SVG as XML) for structural checks. Not a test file. */
import { parseHTML } from 'linkedom';

/** The part of a parsed element the tests read. */
export interface Node {
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<Node>;
  querySelector(selector: string): Node | null;
  readonly parentNode: Node | null;
}

/**
 * The root `<svg>` of a chart's markup.
 *
 * @param markup - what a chart returned
 * @returns the parsed root element
 */
export function parseSvg(markup: string): Node {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const root = (document as unknown as { body: Node }).body.querySelector('svg');
  if (root === null) throw new Error('no <svg> in the markup');
  return root;
}

/** The elements under `root` matching `selector`, as an array. */
export function all(root: Node, selector: string): Node[] {
  return Array.from(root.querySelectorAll(selector));
}

/** The texts of the elements matching `selector`. */
export function texts(root: Node, selector: string): string[] {
  return all(root, selector).map((n) => n.textContent ?? '');
}

/** The `transform="translate(x,y)"` of an element as numbers. */
export function translation(node: Node): [number, number] {
  const match = /translate\(([-\d.]+),([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
  if (match === null) throw new Error('no translate');
  return [Number(match[1]), Number(match[2])];
}
