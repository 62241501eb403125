// Test helper: Arrow vectors and tables built with apache-arrow, for the tests of Arrow input.
import { type DataType, Decimal as ArrowDecimal, Table, type Vector, makeData, makeVector, vectorFromArray } from 'apache-arrow';

/** A Decimal vector of unscaled values (`null` for a null entry). */
export function decimals(values: readonly (bigint | null)[], scale: number, bitWidth = 128): Vector<ArrowDecimal> {
  const stride = bitWidth / 32;
  const words = new Uint32Array(values.length * stride);
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === null) return;
    bitmap[i >> 3] |= 1 << (i & 7);
    let v = BigInt.asUintN(bitWidth, value);
    for (let w = 0; w < stride; w++) {
      words[i * stride + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  const nullCount = values.filter((v) => v === null).length;
  return makeVector(makeData({ type: new ArrowDecimal(scale, 38, bitWidth), length: values.length, nullCount, nullBitmap: bitmap, data: words }));
}

/** A vector of the values, of the given Arrow type. */
export function vector<T extends DataType>(values: readonly unknown[], type: T): Vector<T> {
  return vectorFromArray(values as never[], type) as Vector<T>;
}

/** A table of the given columns. */
export function table(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

/** A `Date` of an ISO string. */
export const D = (iso: string): Date => new Date(iso);
