/**
 * The internal form of the SQL this package emits: expressions and queries as plain data, rendered
 * to text by one {@link Dialect} per engine (see render.ts). Only what differs between engines — the
 * instant of a column, the calendar, money, integer division, text casts — is a node of its own;
 * everything else is the SQL the dialects share.
 *
 * @module
 * @internal
 */

/** @internal The SQL type of a parameter or a cast. */
export type SqlType = 'bigint' | 'text';

/** @internal An expression. */
export type Expr =
  /** A column of a table or common table expression, optionally qualified by its alias. */
  | { readonly kind: 'column'; readonly name: string; readonly from?: string }
  /** The `index`-th parameter (1-based), of a type, and its value (for a dialect that writes values into the text). */
  | { readonly kind: 'param'; readonly index: number; readonly type: SqlType; readonly value: number | string }
  /** An integer literal. */
  | { readonly kind: 'int'; readonly value: number }
  /** A text literal. */
  | { readonly kind: 'text'; readonly value: string }
  /** `NULL`, in a branch of a `UNION ALL` whose other branches give the column its type. */
  | { readonly kind: 'null' }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  /** An aggregate: `count(*)` when `arg` is `null`. */
  | { readonly kind: 'aggregate'; readonly fn: 'sum' | 'min' | 'max' | 'count'; readonly arg: Expr | null }
  /** `value IS NOT NULL`. */
  | { readonly kind: 'not-null'; readonly value: Expr }
  /** `value IS NULL`. */
  | { readonly kind: 'is-null'; readonly value: Expr }
  | { readonly kind: 'case'; readonly when: Expr; readonly then: Expr; readonly otherwise: Expr | null }
  /** `coalesce(value, fallback)`. */
  | { readonly kind: 'coalesce'; readonly value: Expr; readonly fallback: Expr }
  /** Integer quotient of integers that divide exactly (the dialects differ in what `/` of integers is). */
  | { readonly kind: 'exact-div'; readonly left: Expr; readonly right: Expr }
  /** An integer result, in the type the engine's clients hand over exactly whatever its size. */
  | { readonly kind: 'exact-int'; readonly value: Expr }
  /** Epoch milliseconds (BIGINT) of a timestamp column. */
  | { readonly kind: 'epoch-ms'; readonly value: Expr }
  /** A text value compared in byte order (code-point order), whatever the column's collation. */
  | { readonly kind: 'byte-order'; readonly value: Expr }
  /** Integer minor units (BIGINT) of an amount in major units: `round(amount · 10^digits)`. */
  | { readonly kind: 'minor-units'; readonly value: Expr; readonly digits: number }
  /** The local date (DATE) of an instant given in epoch ms, in the time zone named by `zone`. */
  | { readonly kind: 'local-date'; readonly ms: Expr; readonly zone: Expr }
  /** The day number of a date: days since 1970-01-01. */
  | { readonly kind: 'day-number'; readonly date: Expr }
  /** The civil year or month (1–12) of a date, as an integer. */
  | { readonly kind: 'date-part'; readonly part: 'year' | 'month'; readonly date: Expr }
  /** An integer as a double (a 64-bit binary float). */
  | { readonly kind: 'to-double'; readonly value: Expr }
  /** A double truncated toward zero, as a 64-bit integer. */
  | { readonly kind: 'trunc'; readonly value: Expr };

/**
 * @internal The binary operators the dialects write alike. `/` divides doubles only (see
 * {@link Expr} `to-double`): what it does with integers differs between engines.
 */
export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

/** @internal A select statement over a table or an earlier common table expression. */
export interface Select {
  readonly columns: readonly { readonly as: string; readonly value: Expr }[];
  /** A table name (dotted parts, each quoted) or the name of a common table expression, and an alias. */
  readonly from: { readonly name: readonly string[]; readonly as: string };
  /** Inner joins, or left joins (`left: true`: rows without a match are kept, the joined columns `NULL`). */
  readonly joins?: readonly { readonly name: readonly string[]; readonly as: string; readonly on: Expr; readonly left?: boolean }[];
  readonly where?: Expr;
  readonly groupBy?: readonly Expr[];
  readonly orderBy?: readonly Expr[];
}

/**
 * @internal Running totals over the rows of an earlier common table expression `from`, whose rows are
 * unique per (`partition`…, `order`): each row's columns, then `running` (the sum of `value` over the
 * rows of its partition up to and including it, in `order`) and `next` (the `order` value of the
 * partition's next row; `NULL` on its last row). Engines without window functions compute it with
 * arrays.
 */
export interface RunningTotals {
  readonly from: string;
  readonly partition: readonly string[];
  readonly order: string;
  readonly value: string;
}

/**
 * @internal A common table expression: a select, the rows of several (`UNION ALL`, columns in the
 * same order), or running totals.
 */
export interface TableExpression {
  readonly name: string;
  readonly select: Select | { readonly unionAll: readonly Select[] } | { readonly running: RunningTotals };
}

/** @internal A query: common table expressions, each reading the table or those before it, then a select. */
export interface Query {
  readonly with: readonly TableExpression[];
  readonly select: Select;
}

/** @internal A column reference. */
export const col = (name: string, from?: string): Expr => (from === undefined ? { kind: 'column', name } : { kind: 'column', name, from });
/** @internal `NULL`. */
export const nullValue: Expr = { kind: 'null' };
/** @internal An integer literal. */
export const int = (value: number): Expr => ({ kind: 'int', value });
/** @internal A binary operation. */
export const op = (left: Expr, operator: BinaryOp, right: Expr): Expr => ({ kind: 'binary', op: operator, left, right });
/** @internal Several conditions that must all hold. */
export const and = (...conditions: readonly Expr[]): Expr => conditions.reduce((all, c) => op(all, 'AND', c));
/** @internal `sum(value)`. */
export const sum = (value: Expr): Expr => ({ kind: 'aggregate', fn: 'sum', arg: value });
/** @internal `min(value)`. */
export const min = (value: Expr): Expr => ({ kind: 'aggregate', fn: 'min', arg: value });
/** @internal `max(value)`. */
export const max = (value: Expr): Expr => ({ kind: 'aggregate', fn: 'max', arg: value });
/** @internal `count(*)`. */
export const countAll: Expr = { kind: 'aggregate', fn: 'count', arg: null };
/** @internal `CASE WHEN when THEN then ELSE otherwise END` (no ELSE: `NULL`). */
export const when = (condition: Expr, then: Expr, otherwise: Expr | null = null): Expr => ({ kind: 'case', when: condition, then, otherwise });
/** @internal The number of rows where `condition` holds (0, not NULL, over no rows). */
export const countWhere = (condition: Expr): Expr => ({ kind: 'coalesce', value: sum(when(condition, int(1), int(0))), fallback: int(0) });
/** @internal The sum of `value` over the rows where `condition` holds (0 over none). */
export const sumWhere = (condition: Expr, value: Expr): Expr => ({ kind: 'coalesce', value: sum(when(condition, value, int(0))), fallback: int(0) });
/** @internal `sum(value)`, 0 over no rows. */
export const total = (value: Expr): Expr => ({ kind: 'coalesce', value: sum(value), fallback: int(0) });
/** @internal An integer result handed over exactly. */
export const exactInt = (value: Expr): Expr => ({ kind: 'exact-int', value });

/**
 * @internal A double written as integers every engine reads exactly: its integer significand divided
 * by powers of two, each at most 2^62 (a decimal literal would be parsed, and not every engine's
 * parser rounds correctly).
 *
 * @param value - a finite double
 * @returns the expression of that double
 */
export function doubleLiteral(value: number): Expr {
  // value = significand · 2^-exponent. Doubling and halving are exact: a finite double becomes an
  // integer within 1074 doublings, and an integer beyond 2^53 is even.
  let significand = value;
  let exponent = 0;
  while (!Number.isInteger(significand)) {
    significand *= 2;
    exponent += 1;
  }
  while (Math.abs(significand) > Number.MAX_SAFE_INTEGER) {
    significand /= 2;
    exponent -= 1;
  }
  let result: Expr = { kind: 'to-double', value: int(significand) };
  for (let left = Math.abs(exponent); left > 0; left -= Math.min(left, 62)) {
    result = op(result, exponent > 0 ? '/' : '*', { kind: 'to-double', value: int(2 ** Math.min(left, 62)) });
  }
  return result;
}

/**
 * @internal `⌊a ÷ b⌋` for integers and a positive integer `b`, exact in every dialect: the remainder
 * operator truncates toward zero in each, so `((a % b) + b) % b` is the non-negative remainder and
 * what is left divides exactly.
 */
export function floorDiv(a: Expr, b: number): Expr {
  const remainder = op(op(op(a, '%', int(b)), '+', int(b)), '%', int(b));
  return { kind: 'exact-div', left: op(a, '-', remainder), right: int(b) };
}

/**
 * @internal An expression with `f` applied to each node, children first.
 *
 * @param e - the expression
 * @param f - the rewrite of one node (its children already rewritten)
 * @returns the rewritten expression
 */
export function mapExpr(e: Expr, f: (e: Expr) => Expr): Expr {
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
    case 'to-double':
    case 'trunc':
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
