#!/usr/bin/env node
// The reference workload with retention-metrics from row objects, as a typical caller would: split the
// CSV line by line into fields, one record object per row (load), then ledger(records), summarize, the
// monthly Cohort table, rfm (reading its per-customer row objects) and dormancy (compute).
// The workload's order ids are unique (WORKLOAD.md: no order lines to merge), so records carry none.
// Run by the harness from its own folder:  node <this file> data/tx_1m.csv [--dump out.txt]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rm from '../../dist/index.js';
import { workload } from './result.mjs';

const { report, parseCli } = await import(pathToFileURL(join(process.cwd(), 'lib', 'canonical.mjs')).href);
const { file, dump } = parseCli();
/** The file's rows as record objects: line by line (no array of all lines), each line split into its fields. */
function readRecords(path) {
  const text = readFileSync(path, 'latin1');
  const records = [];
  let start = text.indexOf('\n') + 1; // after the header
  while (start > 0 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const [customerId, , date, amount] = text.slice(start, end).split(',');
      records.push({ customerId, date, amount });
    }
    start = end + 1;
  }
  return records;
}

const t0 = performance.now();
let records = readRecords(file);
const t1 = performance.now();
const book = rm.ledger(records);
records = null; // the ledger holds all the reports read: let the collector have the record objects
const result = workload(rm, book);
const t2 = performance.now();
report('rm-rows', file, result, { load: t1 - t0, compute: t2 - t1, total: t2 - t0 }, { dump });
