/**
 * From the internal query form to SQL text: the syntax the dialects share is written here once, and
 * each node that differs between engines is handed to the dialect. A dialect whose engine needs
 * queries of another shape (ClickHouse) writes whole queries itself, with the same expressions.
 *
 * @module
 * @internal
 */
import type { Dialect } from './dialect.ts';
import type { Expr, Query, RunningTotals, Select, TableExpression } from './expression.ts';

/**
 * @internal An identifier, quoted: double quotes, a double quote inside doubled. A quoted name is
 * matched exactly as written (case included) in both dialects.
 *
 * @param name - the identifier
 * @returns the quoted identifier
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * @internal Render a query.
 *
 * @param query - the query
 * @param dialect - the dialect to write it in
 * @returns the SQL text
 */
export function renderQuery(query: Query, dialect: Dialect): string {
  if (dialect.query !== undefined) return dialect.query(query);
  const ctes = query.with.map(({ name, select }) => `${quoteIdentifier(name)} AS (\n${indent(renderTableBody(select, dialect))}\n)`);
  const head = ctes.length === 0 ? '' : `WITH ${ctes.join(',\n')}\n`;
  return `${head}${renderSelect(query.select, dialect)}`;
}

function renderTableBody(select: TableExpression['select'], dialect: Dialect): string {
  if ('unionAll' in select) return select.unionAll.map((part) => renderSelect(part, dialect)).join('\nUNION ALL\n');
  if ('running' in select) return renderRunning(select.running);
  return renderSelect(select, dialect);
}

/** Running totals with window functions, over the rows of each partition in order. */
function renderRunning(running: RunningTotals): string {
  const q = quoteIdentifier;
  const window = `PARTITION BY ${running.partition.map((p) => q(p)).join(', ')} ORDER BY ${q(running.order)}`;
  return [
    `SELECT ${[...running.partition, running.order, running.value].map((c) => q(c)).join(', ')},`,
    `       sum(${q(running.value)}) OVER (${window} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${q('running')},`,
    `       lead(${q(running.order)}) OVER (${window}) AS ${q('next')}`,
    `FROM ${q(running.from)}`,
  ].join('\n');
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

function renderSelect(select: Select, dialect: Dialect): string {
  const expr = (e: Expr): string => renderExpr(e, dialect);
  const lines = [`SELECT ${select.columns.map((c) => `${expr(c.value)} AS ${quoteIdentifier(c.as)}`).join(',\n       ')}`];
  lines.push(`FROM ${select.from.name.map(quoteIdentifier).join('.')} AS ${quoteIdentifier(select.from.as)}`);
  for (const join of select.joins ?? []) {
    lines.push(`${join.left === true ? 'LEFT JOIN' : 'JOIN'} ${join.name.map(quoteIdentifier).join('.')} AS ${quoteIdentifier(join.as)} ON ${expr(join.on)}`);
  }
  if (select.where !== undefined) lines.push(`WHERE ${expr(select.where)}`);
  if (select.groupBy !== undefined && select.groupBy.length > 0) lines.push(`GROUP BY ${select.groupBy.map(expr).join(', ')}`);
  if (select.orderBy !== undefined && select.orderBy.length > 0) lines.push(`ORDER BY ${select.orderBy.map(expr).join(', ')}`);
  return lines.join('\n');
}

/**
 * @internal Render an expression; every compound is parenthesized, so no precedence rule of either
 * dialect decides its meaning.
 *
 * @param e - the expression
 * @param dialect - the dialect
 * @returns the SQL text
 */
export function renderExpr(e: Expr, dialect: Dialect): string {
  const r = (x: Expr): string => renderExpr(x, dialect);
  const quote = dialect.quoteIdentifier ?? quoteIdentifier;
  switch (e.kind) {
    case 'column':
      return e.from === undefined ? quote(e.name) : `${quote(e.from)}.${quote(e.name)}`;
    case 'param':
      return dialect.param(e.index, e.type, e.value);
    case 'int':
      return dialect.int?.(e.value) ?? String(e.value);
    case 'text':
      return dialect.text?.(e.value) ?? `'${e.value.replaceAll("'", "''")}'`;
    case 'null':
      return 'NULL';
    case 'binary':
      return `(${r(e.left)} ${e.op} ${r(e.right)})`;
    case 'aggregate':
      return e.arg === null ? `${e.fn}(*)` : `${e.fn}(${r(e.arg)})`;
    case 'not-null':
      return `(${r(e.value)} IS NOT NULL)`;
    case 'is-null':
      return `(${r(e.value)} IS NULL)`;
    case 'case':
      return `(CASE WHEN ${r(e.when)} THEN ${r(e.then)}${e.otherwise === null ? '' : ` ELSE ${r(e.otherwise)}`} END)`;
    case 'coalesce':
      return `coalesce(${r(e.value)}, ${r(e.fallback)})`;
    case 'exact-div':
      return dialect.exactDiv(r(e.left), r(e.right));
    case 'byte-order':
      return dialect.byteOrder?.(r(e.value)) ?? r(e.value);
    case 'exact-int':
      return dialect.exactInt(r(e.value));
    case 'epoch-ms':
      return dialect.epochMs(r(e.value));
    case 'minor-units':
      return dialect.minorUnits(r(e.value), e.digits);
    case 'local-date':
      return dialect.localDate(r(e.ms), r(e.zone));
    case 'day-number':
      return dialect.dayNumber(r(e.date));
    case 'date-part':
      return dialect.datePart(e.part, r(e.date));
    case 'to-double':
      return dialect.toDouble(r(e.value));
    case 'trunc':
      return dialect.truncToInt(r(e.value));
  }
}
