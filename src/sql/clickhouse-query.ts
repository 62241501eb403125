/**
 * The shared query form written as SQL that ClickHouse 18.16 runs with the same meaning as the other
 * engines. Six things differ there, and each has a rule here:
 *
 * 1. No table expressions in `WITH`: each one is written in place, as a subquery, wherever it is read.
 * 2. An alias is visible everywhere in its `SELECT` and wins over a column of the same name (so
 *    `sum(l.minor) AS minor … WHERE l.minor >= 0` would read the sum). Every `SELECT` therefore
 *    computes its columns under fresh names (`rm_c0`, …) and an outer `SELECT` renames them.
 * 3. One `JOIN` per `SELECT`: the tables before the last join are joined in a subquery of their own
 *    that hands over, under fresh names, the columns the rest of the `SELECT` reads.
 * 4. A join's condition is a flat chain of equalities, `a = b AND c = d AND e = f`: 18.16 refuses
 *    the nested form the other dialects are written in, `((a = b) AND (c = d)) AND (e = f)`.
 * 5. The right table's key columns (those its join condition compares by `=`) are not to be read
 *    after the join: 18.16 reads them wrongly (rows of a wrong group, "sizes of columns don't
 *    match"), and a `LEFT JOIN` (`join_use_nulls = 1`) fills them with the left's key or a default,
 *    not `NULL`, where nothing matched. Each is read as the other side of its equality instead — equal
 *    in a matched row — and after a left join only where the right table's marker column (`1`, which
 *    is `NULL` where nothing matched) says the row matched.
 *
 * 5. No window functions: running totals are computed with arrays (see `writeRunning`).
 * 6. No two subqueries of a query are the same text: 18.16 takes a subquery for another one written
 *    alike and reads columns the other one pruned ("No such name in Block::erase()"). A table
 *    expression read twice is written twice, so every read of the table is numbered, in the order
 *    written: a `SELECT` that reads the table adds `n = n` to its condition (a join reads it as the
 *    subquery `(SELECT * FROM table WHERE n = n)`); every subquery holds one.
 *
 * Every subquery reads only its own `FROM`. The source table is read where the events are: a `SELECT`
 * without a join reads the table itself, the events' expressions written in place
 * (clickhouse-inline.ts), so on a `Distributed` table its `GROUP BY` runs on the shards as partial
 * aggregates per group, which the server asked merges; a `SELECT` with a join reads the events through
 * a subquery, whose rows come from the shards. Either way each `GROUP BY` sees all rows of its groups,
 * whatever the sharding.
 *
 * @module
 * @internal
 */
import { inlineProjections } from './clickhouse-inline.ts';
import type { Dialect } from './dialect.ts';
import { type Expr, type Query, type RunningTotals, type Select, and, col, int, mapExpr, op, when } from './expression.ts';
import { quoteIdentifier, renderExpr } from './render.ts';

/** A table or a subquery, rendered, and its alias. */
interface Relation {
  readonly sql: string;
  readonly as: string;
}

/** A select whose tables are rendered relations. */
interface FlatSelect {
  readonly columns: readonly { readonly as: string; readonly value: Expr }[];
  readonly from: Relation;
  readonly joins: readonly { readonly relation: Relation; readonly on: Expr; readonly left: boolean }[];
  readonly where?: Expr | undefined;
  readonly groupBy?: readonly Expr[] | undefined;
  readonly orderBy?: readonly Expr[] | undefined;
}

const MATCHED = 'rm_matched';

/**
 * @internal Write a query for ClickHouse.
 *
 * @param query - the query
 * @param dialect - the ClickHouse dialect (its expressions)
 * @returns the SQL text, with `SETTINGS join_use_nulls = 1` when it has a left join
 */
export function clickhouseQuery(written: Query, dialect: Dialect): string {
  const query = inlineProjections(written);
  const quote = dialect.quoteIdentifier ?? quoteIdentifier;
  // Each table expression is written anew wherever it is read, so that each read of the table is numbered (rule 6).
  const bodies = new Map<string, () => string>();
  let leftJoins = false;
  let reads = 0;
  const bodyOf = (name: readonly string[]): (() => string) | undefined => (name.length === 1 ? bodies.get(name[0] ?? '') : undefined);
  const nextRead = (): Expr => {
    reads += 1;
    return op(int(reads), '=', int(reads));
  };
  const relation = (name: readonly string[], as: string): Relation => {
    const body = bodyOf(name);
    if (body !== undefined) return { sql: parenthesize(body()), as };
    return { sql: `(SELECT * FROM ${name.map(quote).join('.')} WHERE ${renderExpr(nextRead(), dialect)})`, as };
  };
  const writeSelect = (select: Select): string => {
    const joins = (select.joins ?? []).map((join) => {
      leftJoins ||= join.left === true;
      const plain = relation(join.name, join.as);
      const right = join.left === true ? { sql: `(SELECT *, toUInt8(1) AS ${quote(MATCHED)} FROM ${plain.sql})`, as: join.as } : plain;
      return { relation: right, on: join.on, left: join.left === true };
    });
    // The table itself in FROM, so that a GROUP BY over it runs on a Distributed table's shards; its read numbered in the condition.
    const fromTable = bodyOf(select.from.name) === undefined;
    const from = fromTable ? { sql: select.from.name.map(quote).join('.'), as: select.from.as } : relation(select.from.name, select.from.as);
    const where = fromTable ? (select.where === undefined ? nextRead() : and(select.where, nextRead())) : select.where;
    const flat: FlatSelect = { columns: select.columns, from, joins, where, groupBy: select.groupBy, orderBy: select.orderBy };
    return writeFlat(readRightKeysFromLeft(flat), dialect);
  };
  for (const { name, select } of query.with) {
    if ('running' in select) bodies.set(name, () => writeRunning(select.running, relation([select.running.from], 'rm_r'), quote));
    else bodies.set(name, () => ('unionAll' in select ? select.unionAll.map(writeSelect).join('\nUNION ALL\n') : writeSelect(select)));
  }
  const text = writeSelect(query.select);
  return leftJoins ? `${text}\nSETTINGS join_use_nulls = 1` : text;
}

/**
 * Running totals without window functions (rule 5): each partition's rows gathered into one array of
 * (order, value) pairs, sorted (the order values are unique in a partition), summed cumulatively, and
 * spread back into rows by `ARRAY JOIN`.
 */
function writeRunning(running: RunningTotals, from: Relation, quote: (name: string) => string): string {
  const keys = running.partition.map(quote).join(', ');
  const inner = [
    `SELECT ${keys},`,
    `       arraySort(groupArray((${quote(running.order)}, ${quote(running.value)}))) AS rm_pairs,`,
    '       arrayMap(p -> tupleElement(p, 1), rm_pairs) AS rm_order,',
    '       arrayMap(p -> tupleElement(p, 2), rm_pairs) AS rm_value,',
    '       arrayCumSum(rm_value) AS rm_running,',
    '       arrayPushBack(arrayPopFront(arrayMap(o -> toNullable(o), rm_order)), NULL) AS rm_next',
    `FROM ${from.sql} AS ${quote(from.as)}`,
    `GROUP BY ${keys}`,
  ].join('\n');
  return [
    `SELECT ${[...running.partition, running.order, running.value, 'running', 'next'].map(quote).join(', ')}`,
    `FROM ${parenthesize(inner)}`,
    `ARRAY JOIN rm_order AS ${quote(running.order)}, rm_value AS ${quote(running.value)}, rm_running AS ${quote('running')}, rm_next AS ${quote('next')}`,
  ].join('\n');
}

function parenthesize(sql: string): string {
  return `(\n${sql.replace(/^/gm, '  ')}\n)`;
}

/**
 * Right key columns read as the left side they equal (rule 5): in a row an inner join matched, a key
 * compared by `=` equals that side; in a left join it does when the marker says the row matched, and
 * is `NULL` otherwise.
 */
function readRightKeysFromLeft(select: FlatSelect): FlatSelect {
  const keys = new Map<string, Expr>();
  const replace = (e: Expr): Expr => (e.kind === 'column' && e.from !== undefined ? (keys.get(JSON.stringify([e.from, e.name])) ?? e) : e);
  const joins = select.joins.map((join) => {
    // A join's condition may read the keys of the joins before it.
    const on = mapExpr(join.on, replace);
    for (const [key, left] of equalities(on)) {
      if (key.from !== join.relation.as || referencesTable(left, join.relation.as)) continue;
      const read = join.left ? when({ kind: 'not-null', value: col(MATCHED, join.relation.as) }, left) : left;
      const id = JSON.stringify([key.from, key.name]);
      if (!keys.has(id)) keys.set(id, read);
    }
    return { ...join, on };
  });
  const rest = mapSelect({ ...select, joins: [] }, replace);
  return { ...rest, joins };
}

/** The `column = expression` pairs (either way round) of a condition's `AND`ed equalities. */
function equalities(on: Expr): [Extract<Expr, { kind: 'column' }>, Expr][] {
  if (on.kind !== 'binary') return [];
  if (on.op === 'AND') return [...equalities(on.left), ...equalities(on.right)];
  if (on.op !== '=') return [];
  const pairs: [Extract<Expr, { kind: 'column' }>, Expr][] = [];
  if (on.left.kind === 'column') pairs.push([on.left, on.right]);
  if (on.right.kind === 'column') pairs.push([on.right, on.left]);
  return pairs;
}

/** The conditions a condition `AND`s together, in order (the condition itself when it is no `AND`). */
function conjuncts(on: Expr): Expr[] {
  return on.kind === 'binary' && on.op === 'AND' ? [...conjuncts(on.left), ...conjuncts(on.right)] : [on];
}

function referencesTable(e: Expr, table: string): boolean {
  let found = false;
  forEachColumn(e, (c) => {
    found ||= c.from === table;
  });
  return found;
}

/** Write a select: its joins nested to one per `SELECT` (rule 3), its columns renamed (rule 2). */
function writeFlat(select: FlatSelect, dialect: Dialect): string {
  const quote = dialect.quoteIdentifier ?? quoteIdentifier;
  const used = new Set<string>();
  forEachColumnOf(select, (c) => used.add(c.name));
  // A prefix no column read here starts with: the fresh names cannot be mistaken for them.
  let prefix = 'rm_';
  while ([...used].some((name) => name.startsWith(prefix) && name !== MATCHED)) prefix += '_';
  const flat = select.joins.length > 1 ? nestJoins(select, prefix, dialect) : select;
  const expr = (e: Expr): string => renderExpr(e, dialect);
  const names = flat.columns.map((_, i) => quote(`${prefix}c${i}`));
  const inner = [`SELECT ${flat.columns.map((c, i) => `${expr(c.value)} AS ${names[i]}`).join(',\n       ')}`];
  inner.push(`FROM ${flat.from.sql} AS ${quote(flat.from.as)}`);
  // 18.16 reads a join's condition as a flat chain of equalities: `a AND b AND c`, not `(a AND b) AND c`.
  for (const join of flat.joins) inner.push(`ALL ${join.left ? 'LEFT' : 'INNER'} JOIN ${join.relation.sql} AS ${quote(join.relation.as)} ON ${conjuncts(join.on).map(expr).join(' AND ')}`);
  if (flat.where !== undefined) inner.push(`WHERE ${expr(flat.where)}`);
  if (flat.groupBy !== undefined && flat.groupBy.length > 0) inner.push(`GROUP BY ${flat.groupBy.map(expr).join(', ')}`);
  // The order is by output columns, written outside; an order by anything else stays inside.
  const order = (flat.orderBy ?? []).map((e) => flat.columns.findIndex((c) => sameExpr(c.value, e)));
  const orderOutside = order.every((i) => i >= 0);
  if (!orderOutside) inner.push(`ORDER BY ${(flat.orderBy ?? []).map(expr).join(', ')}`);
  const outer = [`SELECT ${flat.columns.map((c, i) => `${names[i]} AS ${quote(c.as)}`).join(',\n       ')}`, `FROM ${parenthesize(inner.join('\n'))}`];
  if (orderOutside && order.length > 0) outer.push(`ORDER BY ${order.map((i) => names[i]).join(', ')}`);
  return outer.join('\n');
}

/** The tables before the last join, joined in a subquery that hands over the columns read after it. */
function nestJoins(select: FlatSelect, prefix: string, dialect: Dialect): FlatSelect {
  const last = select.joins[select.joins.length - 1];
  if (last === undefined) return select;
  const before = select.joins.slice(0, -1);
  const inside = new Set([select.from.as, ...before.map((j) => j.relation.as)]);
  const as = `${prefix}n${select.joins.length}`;
  const handed = new Map<string, { readonly from: string; readonly name: string; readonly fresh: string }>();
  const rewrite = (e: Expr): Expr => {
    if (e.kind !== 'column' || e.from === undefined || !inside.has(e.from)) return e;
    const key = JSON.stringify([e.from, e.name]);
    const entry = handed.get(key) ?? { from: e.from, name: e.name, fresh: `${prefix}j${handed.size}` };
    handed.set(key, entry);
    return col(entry.fresh, as);
  };
  const outer = mapSelect({ ...select, joins: [last] }, rewrite);
  const inner: FlatSelect = { columns: [...handed.values()].map((h) => ({ as: h.fresh, value: col(h.name, h.from) })), from: select.from, joins: before };
  return { ...outer, from: { sql: parenthesize(writeFlat(inner, dialect)), as } };
}

function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mapSelect(select: FlatSelect, f: (e: Expr) => Expr): FlatSelect {
  const m = (e: Expr): Expr => mapExpr(e, f);
  return {
    columns: select.columns.map((c) => ({ as: c.as, value: m(c.value) })),
    from: select.from,
    joins: select.joins.map((j) => ({ ...j, on: m(j.on) })),
    where: select.where === undefined ? undefined : m(select.where),
    groupBy: select.groupBy?.map(m),
    orderBy: select.orderBy?.map(m),
  };
}

function forEachColumnOf(select: FlatSelect, f: (c: Extract<Expr, { kind: 'column' }>) => void): void {
  mapSelect(select, (e) => {
    if (e.kind === 'column') f(e);
    return e;
  });
}

function forEachColumn(e: Expr, f: (c: Extract<Expr, { kind: 'column' }>) => void): void {
  mapExpr(e, (x) => {
    if (x.kind === 'column') f(x);
    return x;
  });
}
