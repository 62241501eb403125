// Test helper: ClickHouse servers started for a test file — two clickhouse-server processes on free
// loopback ports, each with its data in a temporary folder, forming the cluster `two` of two shards —
// and the engines the emitted SQL is run on: one node (a MergeTree table on the first server) and the
// cluster (a MergeTree table on each shard and a Distributed table over them, sharded by customer).
// Servers are reached over their HTTP interface with fetch; the servers run with a time zone far from
// UTC, which the emitted SQL must not read.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ResultRow, SqlQuery } from '../../src/sql.ts';
import type { EngineEvent } from './engines.ts';

/** The server program: `clickhouse-server`, or the single `clickhouse` binary run as `clickhouse server`. */
export interface ServerProgram {
  readonly command: string;
  readonly args: readonly string[];
}

/** The ClickHouse server program on the PATH, or `null`. */
export function findServerProgram(): ServerProgram | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const [name, args] of [['clickhouse-server', []], ['clickhouse', ['server']]] as const) {
    for (const dir of dirs) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return { command: path, args };
      } catch {
        // not in this folder
      }
    }
  }
  return null;
}

/** Whether a missing server fails the run (`RETENTION_METRICS_REQUIRE_SERVERS=1`) rather than skipping its suites. */
export const serversRequired = process.env.RETENTION_METRICS_REQUIRE_SERVERS === '1';

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One server's ports. */
interface Ports {
  readonly http: number;
  readonly tcp: number;
}

function configXml(folder: string, ports: Ports, shards: readonly Ports[]): string {
  const replicas = shards.map((s) => `<shard><replica><host>127.0.0.1</host><port>${s.tcp}</port></replica></shard>`).join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${folder}/server.log</log><errorlog>${folder}/error.log</errorlog><console>0</console></logger>
  <http_port>${ports.http}</http_port>
  <tcp_port>${ports.tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${folder}/data/</path>
  <tmp_path>${folder}/tmp/</tmp_path>
  <user_files_path>${folder}/user_files/</user_files_path>
  <format_schema_path>${folder}/format_schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <timezone>Pacific/Chatham</timezone>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <users_config>users.xml</users_config>
  <remote_servers><two>${replicas}</two></remote_servers>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_threads>1</max_threads></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`;

/** A running server: its HTTP address; `sql` runs a statement and returns the response text. */
export class Server {
  constructor(
    readonly ports: Ports,
    private readonly process: ChildProcess,
  ) {}

  async sql(statement: string, body?: string, settings: Readonly<Record<string, string>> = {}): Promise<string> {
    const url = new URL(`http://127.0.0.1:${this.ports.http}/`);
    // A statement with data is sent in the URL, the data as the body; otherwise the statement is the body.
    if (body !== undefined) url.searchParams.set('query', statement);
    for (const [key, value] of Object.entries(settings)) url.searchParams.set(key, value);
    const response = await fetch(url, { method: 'POST', body: body ?? statement });
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse: ${text}\n${statement.slice(0, 2000)}`);
    return text;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.process.exitCode !== null || this.process.signalCode !== null) return resolve();
      this.process.once('exit', () => resolve());
      this.process.kill('SIGTERM');
    });
  }
}

/** Wait for `/ping` to answer: a bounded number of tries; the process's exit ends the wait at once. */
async function ready(server: Server, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${server.ports.http}/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('clickhouse-server did not answer /ping');
}

/** Two servers forming the cluster `two`, and the temporary folder that holds their data. */
export class Cluster {
  private constructor(
    readonly servers: readonly [Server, Server],
    private readonly folder: string,
  ) {}

  /** Start two servers; both know the cluster `two` of the two as shards. */
  static async start(program: ServerProgram): Promise<Cluster> {
    const folder = mkdtempSync(join(tmpdir(), 'retention-metrics-clickhouse-'));
    const ports: Ports[] = [];
    for (let i = 0; i < 2; i++) ports.push({ http: await freePort(), tcp: await freePort() });
    const servers: Server[] = [];
    try {
      for (const [i, p] of ports.entries()) {
        const dir = join(folder, `node${i}`);
        writeFileSync(join(folder, `node${i}.xml`), configXml(dir, p, ports));
        writeFileSync(join(folder, 'users.xml'), USERS_XML);
        const child = spawn(program.command, [...program.args, `--config-file=${join(folder, `node${i}.xml`)}`], { cwd: folder, stdio: 'ignore' });
        const server = new Server(p, child);
        servers.push(server);
        await ready(server, child);
      }
    } catch (error) {
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
    const [a, b] = servers;
    if (a === undefined || b === undefined) throw new Error('two servers expected');
    return new Cluster([a, b], folder);
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => s.stop()));
    rmSync(this.folder, { recursive: true, force: true });
  }
}

/** An engine on ClickHouse: `table(name)` is the name to give the query's `table` option. */
export interface ClickHouseEngine {
  readonly dialect: 'clickhouse';
  table(name: string): string;
  load(name: string, events: readonly EngineEvent[]): Promise<void>;
  run(query: SqlQuery): Promise<ResultRow[]>;
}

const COLUMNS = '(customer_id String, created_at DateTime, total Decimal(18, 2), order_id Nullable(String))';

/** Events as tab-separated lines: customer, epoch seconds (the instants are whole seconds), amount, order or `\N`. */
function tsv(events: readonly EngineEvent[]): string {
  return events.map((e) => `${e.customerId}\t${Math.floor(e.ms / 1000)}\t${e.amount}\t${e.orderId ?? '\\N'}\n`).join('');
}

async function runQuery(server: Server, query: SqlQuery): Promise<ResultRow[]> {
  if (query.params.length !== 0) throw new Error('a ClickHouse query has its values in the text');
  const text = await server.sql(`${query.text}\nFORMAT JSONEachRow`);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ResultRow);
}

/** One node: a MergeTree table in the database `single` of the first server. */
export async function singleNode(cluster: Cluster): Promise<ClickHouseEngine> {
  const [server] = cluster.servers;
  await server.sql('CREATE DATABASE IF NOT EXISTS single');
  return {
    dialect: 'clickhouse',
    table: (name) => `single.${name}`,
    async load(name, events) {
      await server.sql(`DROP TABLE IF EXISTS single.${name}`);
      await server.sql(`CREATE TABLE single.${name} ${COLUMNS} ENGINE = MergeTree ORDER BY (customer_id, created_at)`);
      if (events.length > 0) await server.sql(`INSERT INTO single.${name} FORMAT TabSeparated`, tsv(events));
    },
    run: (query) => runQuery(server, query),
  };
}

/**
 * The cluster: `<database>.<name>_local` (MergeTree) on both servers and `<database>.<name>`, a
 * Distributed table over them sharded by `key`, on the first; rows are inserted through the
 * Distributed table, synchronously, so each lands on its shard before the insert returns.
 *
 * @param cluster - the servers
 * @param database - the database that holds the tables on both servers
 * @param key - the sharding key: `sipHash64(customer_id)` keeps a customer's rows on one shard
 */
export async function shardedCluster(cluster: Cluster, database: string, key: string): Promise<ClickHouseEngine & { rowsPerShard(name: string): Promise<number[]> }> {
  const [first] = cluster.servers;
  await Promise.all(cluster.servers.map((s) => s.sql(`CREATE DATABASE IF NOT EXISTS ${database}`)));
  return {
    dialect: 'clickhouse',
    table: (name) => `${database}.${name}`,
    async load(name, events) {
      await first.sql(`DROP TABLE IF EXISTS ${database}.${name}`);
      for (const server of cluster.servers) {
        await server.sql(`DROP TABLE IF EXISTS ${database}.${name}_local`);
        await server.sql(`CREATE TABLE ${database}.${name}_local ${COLUMNS} ENGINE = MergeTree ORDER BY (customer_id, created_at)`);
      }
      await first.sql(`CREATE TABLE ${database}.${name} ${COLUMNS} ENGINE = Distributed(two, ${database}, ${name}_local, ${key})`);
      if (events.length > 0) await first.sql(`INSERT INTO ${database}.${name} FORMAT TabSeparated`, tsv(events), { insert_distributed_sync: '1' });
    },
    run: (query) => runQuery(first, query),
    async rowsPerShard(name) {
      return await Promise.all(cluster.servers.map(async (s) => Number((await s.sql(`SELECT count() FROM ${database}.${name}_local`)).trim())));
    },
  };
}
