#!/usr/bin/env node
// The reference workload with retention-metrics from columns: a byte-level reader of the CSV into typed
// arrays (load), then ledger.fromColumns, summarize, the monthly Cohort table, rfm and dormancy (compute).
// Run by the harness from its own folder:  node <this file> data/tx_1m.csv [--dump out.txt]
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rm from '../../dist/index.js';
import { readWorkloadCsvFile } from './read-csv.mjs';
import { workload } from './result.mjs';

const { report, parseCli } = await import(pathToFileURL(join(process.cwd(), 'lib', 'canonical.mjs')).href);
const { file, dump } = parseCli();
const t0 = performance.now();
const columns = readWorkloadCsvFile(file);
const t1 = performance.now();
const book = rm.ledger.fromColumns({ customerId: columns.customer, date: columns.time, amount: columns.cents });
const result = workload(rm, book, { useColumns: true });
const t2 = performance.now();
report('rm-columns', file, result, { load: t1 - t0, compute: t2 - t1, total: t2 - t0 }, { dump });
