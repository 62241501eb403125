#!/usr/bin/env node
// The reference workload with retention-metrics from row objects, as a typical caller would: read the
// CSV line by line, split each line into a record object (load), then ledger(records), summarize, the
// monthly Cohort table, rfm and dormancy (compute).
// Run by the harness from its own folder:  node <this file> data/tx_1m.csv [--dump out.txt]
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import * as rm from '../../dist/index.js';
import { workload } from './result.mjs';

const { report, parseCli } = await import(pathToFileURL(join(process.cwd(), 'lib', 'canonical.mjs')).href);
const { file, dump } = parseCli();
const t0 = performance.now();
const records = [];
let header = true;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
  if (header) { header = false; continue; }
  if (line === '') continue;
  const [customerId, orderId, orderedAt, amount] = line.split(',');
  records.push({ customerId, orderId, date: orderedAt, amount });
}
const t1 = performance.now();
const book = rm.ledger(records);
const result = workload(rm, book);
const t2 = performance.now();
report('rm-rows', file, result, { load: t1 - t0, compute: t2 - t1, total: t2 - t0 }, { dump });
