/**
 * A built ES module with every top-level initializer that is not a plain value wrapped in an
 * immediately called arrow marked pure; `wrapped` counts them. Throws on a top-level statement that
 * is not a declaration.
 */
export function markTopLevelPure(code: string, file: string): { code: string; wrapped: number };
