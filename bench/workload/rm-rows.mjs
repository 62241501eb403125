#!/usr/bin/env node
// The reference workload with retention-metrics from row objects, as a typical caller would: split the
// CSV line by line, cutting out its fields, one record object per row (load), then ledger(records), summarize, the
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
/**
 * The file's rows as record objects: line by line (no array of all lines), the three fields the workload
 * reads cut out of each line by their commas (no array of fields per line).
 */
function readRecords(path) {
  const text = readFileSync(path, 'latin1');
  const records = [];
  let start = text.indexOf('\n') + 1; // after the header
  while (start > 0 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const afterId = text.indexOf(',', start);
      const afterOrderId = text.indexOf(',', afterId + 1);
      const afterDate = text.indexOf(',', afterOrderId + 1);
      if (afterId < 0 || afterDate < 0 || afterDate > end) throw new Error(`not a workload row: ${text.slice(start, end)}`);
      records.push({
        customerId: text.slice(start, afterId),
        date: text.slice(afterOrderId + 1, afterDate),
        amount: text.slice(afterDate + 1, end),
      });
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
