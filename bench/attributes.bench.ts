// `npm run bench`: the memory of event attributes. A ledger of generated events is built with and
// without three attributes — a channel of 5 values, a category of 40 and a region of 300 (one-byte,
// one-byte and two-byte codes), derived from each row — each way a caller can hand them over:
// `ledger.fromColumns` with `{ codes, values }` or with plain string columns, and `ledger(records)` with
// the attributes read by property name. For each build it prints what the ledger retains (the byte
// length of its typed arrays, and the growth of the heap and of array-buffer memory once the build's
// garbage is collected) and the peak resident memory while building, over the inputs already in memory.
// Each build runs in a process of its own, so that one build's peak is not another's; the peak is the
// kernel's high-water mark, read from /proc (Linux; NaN elsewhere).
// Usage: tsx bench/attributes.bench.ts [rows] (default 1,000,000; docs/performance.md quotes 10,000,000).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ledger } from '../src/index.ts';
import type { Ledger } from '../src/index.ts';
import { generateColumns, type GeneratedColumns } from './generate.ts';

/** The builds compared, in the order printed. */
const BUILDS = {
  columns: 'fromColumns, no attribute',
  'columns-general': 'fromColumns, no attribute, general path',
  'columns-codes': 'fromColumns, attributes as { codes, values }',
  'columns-strings': 'fromColumns, attributes as string columns',
  records: 'ledger(records), no attribute',
  'records-attributes': 'ledger(records), attributes by property name',
} as const;
type Build = keyof typeof BUILDS;

/** The three attributes: their names and how many values each has. */
const ATTRIBUTES = { channel: 5, category: 40, region: 300 } as const;
type AttributeName = keyof typeof ATTRIBUTES;
const NAMES = Object.keys(ATTRIBUTES) as AttributeName[];
const DICTIONARIES = Object.fromEntries(
  NAMES.map((name) => [name, Array.from({ length: ATTRIBUTES[name] }, (_, k) => `${name}-${k}`)]),
) as Record<AttributeName, string[]>;

/** What one build measured, in bytes (and milliseconds for the build). */
interface Measured {
  build: Build;
  events: number;
  buildMs: number;
  /** Σ byteLength of the ledger's typed arrays (attribute codes included). */
  typedArrayBytes: number;
  /** Σ byteLength of the attribute codes alone. */
  codeBytes: number;
  /** Growth of heap used plus array-buffer memory from before the build to after it, once collected. */
  retainedBytes: number;
  /** Peak resident memory while building, over the resident memory before it. */
  peakRssBytes: number;
}

/** The code of row `i`'s value of an attribute: a mix of its customer and its position (no generator). */
function codeOf(name: AttributeName, customer: number, i: number): number {
  const salt = name === 'channel' ? 0x9e3779b1 : name === 'category' ? 0x85ebca6b : 0xc2b2ae35;
  const mixed = Math.imul(customer ^ Math.imul(i, salt), 0x27d4eb2d);
  return ((mixed ^ (mixed >>> 15)) >>> 0) % ATTRIBUTES[name];
}

/** Each attribute's codes per row: one byte up to 255 values, two beyond. */
function attributeCodes(columns: GeneratedColumns): Record<AttributeName, Uint8Array | Uint16Array> {
  const n = columns.customer.length;
  const out = {} as Record<AttributeName, Uint8Array | Uint16Array>;
  for (const name of NAMES) {
    const codes = ATTRIBUTES[name] <= 256 ? new Uint8Array(n) : new Uint16Array(n);
    for (let i = 0; i < n; i++) codes[i] = codeOf(name, columns.customer[i], i);
    out[name] = codes;
  }
  return out;
}

/** The rows as records with the library's field names and the attributes as properties. */
function toRecords(columns: GeneratedColumns, withAttributes: boolean): object[] {
  const n = columns.customer.length;
  const records = new Array<object>(n);
  for (let i = 0; i < n; i++) {
    const customerId = `c${String(columns.customer[i]).padStart(7, '0')}`;
    const date = new Date(columns.time[i]).toISOString();
    const amount = (columns.cents[i] / 100).toFixed(2);
    const c = columns.customer[i];
    records[i] = withAttributes
      ? {
          customerId, date, amount,
          channel: DICTIONARIES.channel[codeOf('channel', c, i)],
          category: DICTIONARIES.category[codeOf('category', c, i)],
          region: DICTIONARIES.region[codeOf('region', c, i)],
        }
      : { customerId, date, amount };
  }
  return records;
}

/** The inputs of one build, made before its memory is measured, and the build itself. */
function prepare(build: Build, rows: number): () => Ledger {
  const columns = generateColumns(rows);
  const base = { customerId: columns.customer, date: columns.time, amount: columns.cents };
  switch (build) {
    case 'columns':
      return () => ledger.fromColumns(base);
    case 'columns-general': {
      // A currency column (all missing) is per-entry work: it turns the typed-column fast path off.
      const currency = new Array<null>(rows).fill(null);
      return () => ledger.fromColumns({ ...base, currency });
    }
    case 'columns-codes': {
      const codes = attributeCodes(columns);
      const attributes = Object.fromEntries(NAMES.map((name) => [name, { codes: codes[name], values: DICTIONARIES[name] }]));
      return () => ledger.fromColumns({ ...base, attributes });
    }
    case 'columns-strings': {
      const codes = attributeCodes(columns);
      const attributes = Object.fromEntries(NAMES.map((name) => [name, Array.from(codes[name], (code) => DICTIONARIES[name][code])]));
      return () => ledger.fromColumns({ ...base, attributes });
    }
    case 'records': {
      const records = toRecords(columns, false);
      return () => ledger(records as Iterable<never>);
    }
    case 'records-attributes': {
      const records = toRecords(columns, true);
      const attributes = { channel: 'channel', category: 'category', region: 'region' };
      return () => ledger(records as Iterable<never>, { attributes });
    }
  }
}

/** Σ byteLength of the typed arrays among a ledger's fields and in the objects they hold (attributes). */
function typedArrayBytes(book: Ledger): { all: number; codes: number } {
  let all = 0;
  const visit = (value: unknown, depth: number): void => {
    if (ArrayBuffer.isView(value)) all += value.byteLength;
    else if (depth < 3 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const inner of Object.values(value)) visit(inner, depth + 1);
    }
  };
  visit({ ...book }, 0);
  const codes = Object.values(book.attributes).reduce((sum, column) => sum + column.codes.byteLength, 0);
  return { all, codes };
}

/** Resident memory (bytes) and its peak since the last reset, from the kernel (Linux; NaN elsewhere). */
function residentMemory(): { rss: number; peak: number } {
  if (!existsSync('/proc/self/status')) return { rss: Number.NaN, peak: Number.NaN };
  const status = readFileSync('/proc/self/status', 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Build once in this process and return what was measured. */
function measure(build: Build, rows: number): Measured {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with --expose-gc');
  const run = prepare(build, rows);
  collect();
  collect();
  const before = process.memoryUsage();
  // Writing 5 to clear_refs resets the peak resident memory to the current one (Linux).
  if (existsSync('/proc/self/clear_refs')) writeFileSync('/proc/self/clear_refs', '5');
  const start = residentMemory();
  const t0 = performance.now();
  const book = run();
  const buildMs = performance.now() - t0;
  const { peak } = residentMemory();
  collect();
  collect();
  const after = process.memoryUsage();
  const bytes = typedArrayBytes(book);
  return {
    build,
    events: book.eventCount,
    buildMs,
    typedArrayBytes: bytes.all,
    codeBytes: bytes.codes,
    retainedBytes: after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers),
    peakRssBytes: peak - start.rss,
  };
}

const argv = process.argv.slice(2);
const child = argv.indexOf('--build');
if (child >= 0) {
  process.stdout.write(JSON.stringify(measure(argv[child + 1] as Build, Number(argv[child + 2]))));
} else {
  const rows = Number(argv[0] ?? 1_000_000);
  const results = new Map<Build, Measured>();
  for (const build of Object.keys(BUILDS) as Build[]) {
    const script = fileURLToPath(import.meta.url);
    const out = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', '--max-old-space-size=12288', script, '--build', build, String(rows)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (out.status !== 0) throw new Error(`the ${build} build failed`);
    results.set(build, JSON.parse(out.stdout) as Measured);
  }
  printTable(rows, results);
}

function printTable(rows: number, results: Map<Build, Measured>): void {
  const perEvent = (bytes: number, events: number) => (bytes / events).toFixed(2).padStart(7);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1).padStart(8);
  console.log(`${rows.toLocaleString('en-US')} rows; attributes: ${NAMES.map((n) => `${n} (${ATTRIBUTES[n]} values)`).join(', ')}`);
  console.log('bytes per event (MiB in total); retained = heap + array buffers after the build, collected;');
  console.log('peak = resident memory while building, over the inputs\n');
  console.log(`${'build'.padEnd(46)} ${'ms'.padStart(7)} ${'typed arrays'.padStart(18)} ${'codes'.padStart(7)} ${'retained'.padStart(18)} ${'peak RSS'.padStart(18)}`);
  for (const [build, m] of results) {
    console.log(
      `${BUILDS[build].padEnd(46)} ${m.buildMs.toFixed(0).padStart(7)} ${perEvent(m.typedArrayBytes, m.events)} (${mib(m.typedArrayBytes)}) ${perEvent(m.codeBytes, m.events)} ` +
        `${perEvent(m.retainedBytes, m.events)} (${mib(m.retainedBytes)}) ${perEvent(m.peakRssBytes, m.events)} (${mib(m.peakRssBytes)})`,
    );
  }
  console.log('\nwhat the attributes add, over the same build without them (bytes per event):');
  const pairs: [Build, Build][] = [['columns-codes', 'columns'], ['columns-codes', 'columns-general'], ['columns-strings', 'columns-general'], ['records-attributes', 'records']];
  for (const [withThem, without] of pairs) {
    const a = results.get(withThem);
    const b = results.get(without);
    if (a === undefined || b === undefined) continue;
    const d = (key: 'typedArrayBytes' | 'retainedBytes' | 'peakRssBytes') => ((a[key] - b[key]) / a.events).toFixed(2);
    console.log(`  ${withThem} over ${without}: typed arrays +${d('typedArrayBytes')}, retained ${d('retainedBytes')}, peak RSS ${d('peakRssBytes')}, time ${(a.buildMs / b.buildMs).toFixed(2)}×`);
  }
}
