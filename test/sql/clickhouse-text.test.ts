// The ClickHouse dialect's text, without a server: values written into the text as literals, quoting
// and escaping, the shape ClickHouse 18.16 needs (no table expressions in WITH, one join per SELECT).
import { describe, expect, test } from 'vitest';
import { type SqlSourceOptions, cohortCells, customerTotals, periodActivity, summary } from '../../src/sql.ts';
import { clickhouseIdentifier, clickhouseString } from '../../src/sql/clickhouse.ts';

const source: SqlSourceOptions = { table: 'shop.orders', columns: { customerId: 'customer_id', date: 'created_at', amount: 'total' }, dialect: 'clickhouse' };

/** The SELECT keywords and JOINs of a text, in order; a JOIN belongs to the SELECT it follows at its depth of parentheses. */
function joinsPerSelect(text: string): number[] {
  const counts: number[] = [];
  let depth = 0;
  const owner = new Map<number, number>();
  for (const token of text.matchAll(/\(|\)|\bSELECT\b|\bJOIN\b/g)) {
    if (token[0] === '(') depth++;
    else if (token[0] === ')') depth--;
    else if (token[0] === 'SELECT') {
      owner.set(depth, counts.length);
      counts.push(0);
    } else {
      const select = owner.get(depth);
      if (select !== undefined) counts[select] = (counts[select] ?? 0) + 1;
    }
  }
  return counts;
}

describe('ClickHouse text', () => {
  test('values are written into the text and the query has no parameters', () => {
    const query = summary({ ...source, from: '2024-01-01', to: '2024-02-01' });
    expect(query.params).toEqual([]);
    expect(query.text).toContain('toInt64(1704067200000)');
    expect(query.text).toContain('toInt64(1706745600000)');
    expect(query.text).not.toMatch(/\$\d/);
  });

  test('the time zone is a quoted literal', () => {
    const query = cohortCells({ ...source, timeZone: 'America/New_York', asOf: '2024-06-30' });
    expect(query.params).toEqual([]);
    expect(query.text).toContain(`toDate(toDateTime(intDiv("e"."ms", 1000)), 'America/New_York')`);
  });

  test('a fixed-offset zone is written as the zone database names it', () => {
    expect(cohortCells({ ...source, timeZone: '-0330', asOf: '2024-06-30' }).text).toContain(`'Fixed/UTC-03:30:00')`);
    expect(cohortCells({ ...source, timeZone: '+05', asOf: '2024-06-30' }).text).toContain(`'Fixed/UTC+05:00:00')`);
  });

  test('a string literal escapes backslashes and single quotes with a backslash', () => {
    expect(clickhouseString(`a'b\\c`)).toBe(`'a\\'b\\\\c'`);
  });

  test('an identifier escapes backslashes and double quotes with a backslash', () => {
    expect(clickhouseIdentifier(`a"b\\c`)).toBe(`"a\\"b\\\\c"`);
    expect(summary({ ...source, table: 'sh"op.or\\ders' }).text).toContain(`FROM "sh\\"op"."or\\\\ders" AS "source"`);
  });

  test('no table expression is written in WITH, and no SELECT has more than one join', () => {
    // The shared form joins two tables in one SELECT: what ClickHouse 18.16 refuses.
    expect(Math.max(...joinsPerSelect(periodActivity({ ...source, dialect: 'postgres', period: 'month', asOf: '2024-06-30' }).text))).toBe(2);
    for (const query of [summary(source), cohortCells({ ...source, asOf: '2024-06-30' }), periodActivity({ ...source, period: 'month', asOf: '2024-06-30' })]) {
      expect(query.text).not.toMatch(/^WITH\b/m);
      expect(Math.max(...joinsPerSelect(query.text))).toBeLessThanOrEqual(1);
    }
  });

  test('a SELECT without a join reads the table itself, so its GROUP BY runs on the shards of a Distributed table', () => {
    const text = customerTotals(source).text;
    expect(text).toMatch(/FROM "shop"\."orders" AS "source"\n\s*WHERE [^\n]*\n\s*GROUP BY "source"\."customer_id"/);
    expect(text.match(/\bFROM "shop"\."orders"/g)).toHaveLength(1);
  });

  test('a SELECT with a join reads the events through a subquery', () => {
    const text = summary(source).text;
    expect(text).toMatch(/JOIN \(\n\s*SELECT[\s\S]*FROM "shop"\."orders" AS "source"/);
  });

  test('a query with a left join sets join_use_nulls', () => {
    expect(summary(source).text).toMatch(/\nSETTINGS join_use_nulls = 1$/);
    expect(periodActivity({ ...source, period: 'month', asOf: '2024-06-30' }).text).toMatch(/\nSETTINGS join_use_nulls = 1$/);
    expect(cohortCells({ ...source, asOf: '2024-06-30' }).text).not.toContain('SETTINGS');
  });

  test('a join on three equalities or more is written as one flat chain of ANDs', () => {
    const text = summary({ ...source, by: 'channel' }).text;
    const conditions = [...text.matchAll(/ AS "\w+" ON (.*)$/gm)].map((m) => m[1] ?? '');
    expect(conditions.length).toBeGreaterThan(0);
    expect(conditions.some((on) => on.split(' AND ').length >= 3)).toBe(true);
    for (const on of conditions) expect(on).not.toMatch(/^\(\(/);
  });

  test('a breakdown query has no more than one join per SELECT and no table expression in WITH', () => {
    const queries = [
      summary({ ...source, by: 'channel', where: { channel: ['ads'] } }),
      periodActivity({ ...source, period: 'month', asOf: '2024-06-30', by: 'channel', segmentRule: 'same-value', customerWhere: { channel: ['ads'] } }),
      cohortCells({ ...source, asOf: '2024-06-30', segmentBy: 'channel', mode: 'unbounded' }),
    ];
    for (const query of queries) {
      expect(query.text).not.toMatch(/^WITH\b/m);
      expect(Math.max(...joinsPerSelect(query.text))).toBeLessThanOrEqual(1);
    }
  });

  test('each read of the table is numbered in its condition, so no two subqueries are the same text', () => {
    const text = periodActivity({ ...source, period: 'month', asOf: '2024-06-30', by: 'channel', segmentRule: 'same-value', customerWhere: { channel: ['ads'] } }).text;
    const reads = [...text.matchAll(/\((\d+) = \1\)/g)].map((m) => m[1]);
    expect(reads.length).toBeGreaterThan(1);
    expect(new Set(reads).size).toBe(reads.length);
    expect(text.split('"shop"."orders"').length - 1).toBe(reads.length);
  });
});
