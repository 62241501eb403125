/**
 * The frame every chart is served in: one self-contained `<svg>` holding the title, the subtitle, the
 * legend, the plot Observable Plot drew and the notes under it. One root element (with its namespace)
 * makes the markup a valid `.svg` file, an `<img>` source and inline HTML alike; the text is set
 * through the DOM, so titles and labels are escaped when serialised.
 *
 * @module
 * @internal
 */
import { type ChartDocument, type ChartElement, SVG_NS, svgElement } from './document.ts';

/** @internal One entry of a categorical legend. */
export interface Swatch {
  readonly label: string;
  readonly color: string;
  /** Drawn as a dashed outline instead of a filled square (for "incomplete" or "model" marks). */
  readonly dashed?: boolean;
  /** Drawn as a line (for the series of a line chart). */
  readonly line?: boolean;
}

/** @internal What a frame holds. */
export interface FrameParts {
  readonly document: ChartDocument;
  readonly width: number;
  readonly title: string;
  readonly subtitle: string;
  /** A colour legend Plot drew (an `<svg>`), swatches, or none. */
  readonly legend: ChartElement | readonly Swatch[] | null;
  /** The plot (an `<svg>` from Plot), or `null` for a chart with nothing to show. */
  readonly plot: ChartElement | null;
  /** Sentences under the plot. */
  readonly notes: readonly string[];
}

const FONT = 'system-ui, sans-serif';
const PAD = 8;
const TITLE_SIZE = 16;
const TEXT_SIZE = 12;
const LINE = 18;

/**
 * @internal Compose a chart's parts into its markup.
 *
 * @param parts - the title, legend, plot and notes
 * @returns the markup of one `<svg>` element
 */
export function frame(parts: FrameParts): string {
  const { document, width } = parts;
  const root = svgElement(document, 'svg', { xmlns: SVG_NS, width, viewBox: '', role: 'img', 'font-family': FONT, 'font-size': 10 });
  const label = [parts.title, parts.subtitle].filter((t) => t !== '').join(' — ');
  if (label !== '') root.appendChild(textElement(document, 'title', {}, label));
  root.appendChild(svgElement(document, 'rect', { width: '100%', height: '100%', fill: 'white' }));
  let y = PAD;
  if (parts.title !== '') {
    y += TITLE_SIZE;
    root.appendChild(textElement(document, 'text', { x: PAD, y, 'font-size': TITLE_SIZE, 'font-weight': 'bold', fill: '#111' }, parts.title));
    y += 6;
  }
  if (parts.subtitle !== '') {
    y += TEXT_SIZE;
    root.appendChild(textElement(document, 'text', { x: PAD, y, 'font-size': TEXT_SIZE, fill: '#444' }, parts.subtitle));
    y += 6;
  }
  y += 4;
  if (parts.legend !== null) y = Array.isArray(parts.legend) ? swatches(root, document, parts.legend as readonly Swatch[], y, width) : nested(root, parts.legend as ChartElement, PAD, y);
  if (parts.plot !== null) y = nested(root, parts.plot, 0, y);
  for (const note of parts.notes) {
    y += LINE;
    root.appendChild(textElement(document, 'text', { x: PAD, y, 'font-size': 11, fill: '#444' }, note));
  }
  y += PAD;
  const height = Math.ceil(y);
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return root.outerHTML;
}

/** Place an `<svg>` Plot drew at (x, y); returns the y below it. */
function nested(root: ChartElement, child: ChartElement, x: number, y: number): number {
  const height = Number(child.getAttribute('height') ?? '0');
  child.setAttribute('x', String(x));
  child.setAttribute('y', String(y));
  root.appendChild(child);
  return y + (Number.isFinite(height) ? height : 0) + 4;
}

/** A row (or rows) of legend swatches from y; returns the y below them. */
function swatches(root: ChartElement, document: ChartDocument, items: readonly Swatch[], top: number, width: number): number {
  const group = root.appendChild(svgElement(document, 'g', { 'aria-label': 'legend', 'font-size': 11, fill: '#222' }));
  let x = PAD;
  let y = top;
  for (const item of items) {
    // Text is not measured (no layout engine in Node): a width per character that errs on the wide side.
    const itemWidth = 22 + item.label.length * 6.5 + 14;
    if (x > PAD && x + itemWidth > width - PAD) {
      x = PAD;
      y += LINE;
    }
    const mark = item.line
      ? svgElement(document, 'line', { x1: x, x2: x + 16, y1: y + 6, y2: y + 6, stroke: item.color, 'stroke-width': 2.5, ...(item.dashed ? { 'stroke-dasharray': '4,3' } : {}) })
      : item.dashed
        ? svgElement(document, 'rect', { x: x + 0.5, y: y + 0.5, width: 11, height: 11, fill: 'none', stroke: item.color, 'stroke-dasharray': '3,2' })
        : svgElement(document, 'rect', { x, y, width: 12, height: 12, fill: item.color });
    group.appendChild(mark);
    group.appendChild(textElement(document, 'text', { x: x + 22, y: y + 10 }, item.label));
    x += itemWidth;
  }
  return y + LINE + 4;
}

/**
 * @internal An element holding text (escaped when serialised: the DOM holds it as text).
 *
 * @param document - where to create it
 * @param name - the tag name
 * @param attributes - its attributes
 * @param text - its text
 * @returns the element
 */
export function textElement(document: ChartDocument, name: string, attributes: Readonly<Record<string, string | number>>, text: string): ChartElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  element.textContent = text;
  return element;
}
