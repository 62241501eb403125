/** The columns of a workload CSV: customer number, epoch milliseconds and amount in cents per row. */
export interface WorkloadColumns {
  rows: number;
  customer: Uint32Array;
  time: Float64Array;
  cents: Float64Array;
}

/** Read a workload CSV file into columns, `readBytes` (default 1 MiB) at a time. */
export function readWorkloadCsvFile(path: string, options?: { readBytes?: number }): WorkloadColumns;
