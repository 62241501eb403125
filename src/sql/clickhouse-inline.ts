/**
 * Projections read in place, for ClickHouse. A `SELECT` without joins that reads a table expression
 * which is a projection — columns computed row by row and a condition, with no join, grouping or
 * aggregate — reads what the projection reads instead (in the end, the table itself), the projection's expressions written where
 * its columns are read and the two conditions joined by `AND`. The meaning is the same; the reason is
 * where the work runs. On a `Distributed` table ClickHouse sends a `GROUP BY` to the shards only when
 * the query reads the table itself: each shard reduces its own rows to partial aggregates per group,
 * and the server asked merges those. So the customer state, a `GROUP BY` customer over the events, is
 * computed on the shards, and a table sharded by customer has every customer's state on one shard;
 * read through a subquery, every row would travel to the server asked instead. A `SELECT` with a join
 * keeps reading the subquery: a join over a `Distributed` table would run on each shard against a
 * second distributed read.
 *
 * @module
 * @internal
 */
import { type Expr, type Query, type Select, type TableExpression, and, mapExpr } from './expression.ts';

/**
 * @internal The query with every plain projection that a join-free `SELECT` reads written in place.
 *
 * @param query - the query
 * @returns the query, its table expressions kept (other readers may still read them)
 */
export function inlineProjections(query: Query): Query {
  const projections = new Map<string, Select>();
  const inline = (select: Select): Select => inlineInto(select, projections);
  const tables: TableExpression[] = query.with.map(({ name, select }) => {
    const written: TableExpression['select'] = 'unionAll' in select ? { unionAll: select.unionAll.map(inline) } : 'running' in select ? select : inline(select);
    if (!('unionAll' in written) && !('running' in written) && isProjection(written)) projections.set(name, written);
    return { name, select: written };
  });
  return { with: tables, select: inline(query.select) };
}

/** Whether a select is a projection: row by row, with no join, grouping, order or aggregate. */
function isProjection(select: Select): boolean {
  if ((select.joins ?? []).length > 0 || (select.groupBy ?? []).length > 0 || (select.orderBy ?? []).length > 0) return false;
  return !select.columns.some((c) => hasAggregate(c.value));
}

function inlineInto(select: Select, projections: ReadonlyMap<string, Select>): Select {
  if ((select.joins ?? []).length > 0 || select.from.name.length !== 1) return select;
  const projection = projections.get(select.from.name[0] ?? '');
  if (projection === undefined) return select;
  const values = new Map(projection.columns.map((c) => [c.as, c.value]));
  let complete = true;
  const replace = (e: Expr): Expr => {
    if (e.kind !== 'column' || (e.from !== undefined && e.from !== select.from.as)) return e;
    const value = values.get(e.name);
    if (value === undefined) complete = false;
    return value ?? e;
  };
  const m = (e: Expr): Expr => mapExpr(e, replace);
  const where = [projection.where, select.where === undefined ? undefined : m(select.where)].filter((c): c is Expr => c !== undefined);
  const written: Select = {
    columns: select.columns.map((c) => ({ as: c.as, value: m(c.value) })),
    from: projection.from,
    ...(where.length === 0 ? {} : { where: and(...where) }),
    ...(select.groupBy === undefined ? {} : { groupBy: select.groupBy.map(m) }),
    ...(select.orderBy === undefined ? {} : { orderBy: select.orderBy.map(m) }),
  };
  // A column the projection does not have is a defect elsewhere: leave the select as it was written.
  return complete ? written : select;
}

function hasAggregate(e: Expr): boolean {
  let found = false;
  mapExpr(e, (x) => {
    found ||= x.kind === 'aggregate';
    return x;
  });
  return found;
}
