/** The integers of one source-map segment (Base64 VLQ). */
export function decodeSegment(text: string): number[];

/** One source-map segment (Base64 VLQ) of safe integers. */
export function encodeSegment(values: readonly number[]): string;

/** The segments of a source map's `mappings` per generated line, with absolute fields. */
export function decodeMappings(mappings: string): number[][][];
