/** A piece of text inserted at an offset of the original code. */
export interface Insertion {
  at: number;
  text: string;
}

/** A version 3 source map. */
export interface SourceMap {
  version: number;
  file: string;
  sources: string[];
  names: string[];
  mappings: string;
}

/**
 * A built ES module with every top-level initializer that is not a plain value wrapped in an
 * immediately called arrow marked pure, and the insertions made. Throws on a top-level statement that
 * is not a declaration.
 */
export function markTopLevelPure(code: string, file: string): { code: string; insertions: Insertion[] };

/** The source map from the marked module to the module before marking, as fine as the old module's map. */
export function insertionMap(code: string, oldMap: string | SourceMap, insertions: readonly Insertion[], file: string): SourceMap;
