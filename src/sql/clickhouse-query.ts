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
 * 6. No two subqueries of a query are the same text: 18.16 takes a subquery for another one written
 *    alike and reads columns the other one pruned ("No such name in Block::erase()"). A table
 *    expression read twice is written twice, so every read of the table is a subquery of its own,
 *    `(SELECT * FROM table WHERE n = n)`, numbered in the order written; every subquery holds one.
 *
 * Every subquery reads only its own `FROM`; the source table is read by the plain `SELECT` of the
 * events, which has no join. On a `Distributed` table, that read runs on the shards and everything
 * above it on the server that was asked, so each `GROUP BY` sees all rows of its groups. (A filtered
 * period report also reads the table's first order with `min`, which the server takes from the
 * shards' minimums.)
 *
 * @module
 * @internal
 */
import type { Dialect } from './dialect.ts';
import { type Expr, type Query, type Select, col, when } from './expression.ts';
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
export function clickhouseQuery(query: Query, dialect: Dialect): string {
  const quote = dialect.quoteIdentifier ?? quoteIdentifier;
  // Each table expression is written anew wherever it is read, so that each read of the table is numbered (rule 6).
  const bodies = new Map<string, () => string>();
  let leftJoins = false;
  let reads = 0;
  const relation = (name: readonly string[], as: string): Relation => {
    const body = name.length === 1 ? bodies.get(name[0] ?? '') : undefined;
    if (body !== undefined) return { sql: parenthesize(body()), as };
    reads += 1;
    return { sql: `(SELECT * FROM ${name.map(quote).join('.')} WHERE ${reads} = ${reads})`, as };
  };
  const writeSelect = (select: Select): string => {
    const joins = (select.joins ?? []).map((join) => {
      leftJoins ||= join.left === true;
      const plain = relation(join.name, join.as);
      const right = join.left === true ? { sql: `(SELECT *, toUInt8(1) AS ${quote(MATCHED)} FROM ${plain.sql})`, as: join.as } : plain;
      return { relation: right, on: join.on, left: join.left === true };
    });
    const flat: FlatSelect = { columns: select.columns, from: relation(select.from.name, select.from.as), joins, where: select.where, groupBy: select.groupBy, orderBy: select.orderBy };
    return writeFlat(readRightKeysFromLeft(flat), dialect);
  };
  for (const { name, select } of query.with) {
    bodies.set(name, () => ('unionAll' in select ? select.unionAll.map(writeSelect).join('\nUNION ALL\n') : writeSelect(select)));
  }
  const text = writeSelect(query.select);
  return leftJoins ? `${text}\nSETTINGS join_use_nulls = 1` : text;
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

/** An expression with `f` applied to each node, children first. */
function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
  const m = (x: Expr): Expr => mapExpr(x, f);
  switch (e.kind) {
    case 'column':
    case 'param':
    case 'int':
    case 'text':
    case 'null':
      return f(e);
    case 'binary':
    case 'exact-div':
      return f({ ...e, left: m(e.left), right: m(e.right) });
    case 'aggregate':
      return f({ ...e, arg: e.arg === null ? null : m(e.arg) });
    case 'not-null':
    case 'is-null':
    case 'byte-order':
    case 'exact-int':
    case 'epoch-ms':
    case 'minor-units':
      return f({ ...e, value: m(e.value) });
    case 'case':
      return f({ ...e, when: m(e.when), then: m(e.then), otherwise: e.otherwise === null ? null : m(e.otherwise) });
    case 'coalesce':
      return f({ ...e, value: m(e.value), fallback: m(e.fallback) });
    case 'local-date':
      return f({ ...e, ms: m(e.ms), zone: m(e.zone) });
    case 'day-number':
    case 'date-part':
      return f({ ...e, date: m(e.date) });
  }
}
