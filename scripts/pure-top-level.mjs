// A build step (a tsup plugin, see tsup.config.ts): wrap the initializer of every top-level `var`,
// `let` or `const` of a built ES module whose evaluation a bundler cannot prove free of side effects —
// a call such as `optionKeys({ … })`, a spread `[...KEYS]`, a class with computed keys — in an
// immediately called arrow marked `/* @__PURE__ */`. A consumer's bundler (esbuild, Rollup, webpack
// with terser) then drops each such constant when nothing it keeps reads it, so importing one function
// bundles only what that function reaches.
//
// Why this is sound: the package declares `"sideEffects": false`, i.e. evaluating a module of it only
// defines names; every top-level initializer computes a value (tables, option key lists, classes) and
// changes nothing outside it. A top-level statement that is not a declaration (an expression
// statement) would break that promise: the step refuses to build then.
import ts from 'typescript';
import { decodeSegment, encodeSegment } from './source-map-vlq.mjs';

const PREFIX = '/* @__PURE__ */ (() => (';
const SUFFIX = '))()';

/** Whether a bundler already drops this initializer when unused: literals, functions, plain names. */
function isPlainValue(node) {
  return (
    ts.isLiteralExpression(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isIdentifier(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword ||
    (ts.isPrefixUnaryExpression(node) && ts.isNumericLiteral(node.operand))
  );
}

/** Whether the initializer is a call or `new` already marked pure (as esbuild writes `new Map()`). */
function isMarkedPure(code, node) {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return false;
  // A comment on the line of the `=` is a "trailing" comment in TypeScript's terms, one after a line
  // break a "leading" one: the marker may be either.
  const comments = [...(ts.getTrailingCommentRanges(code, node.pos) ?? []), ...(ts.getLeadingCommentRanges(code, node.pos) ?? [])];
  return comments.some((range) => /^\/\*\s*[#@]__PURE__\s*\*\/$/.test(code.slice(range.pos, range.end)));
}

/** The top-level statements' initializers to wrap, as `{ start, end }` offsets; throws on a statement with effects. */
function initializersToWrap(code, file) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const found = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init !== undefined && !isPlainValue(init) && !isMarkedPure(code, init)) found.push({ start: init.getStart(), end: init.getEnd() });
      }
    } else if (
      !ts.isFunctionDeclaration(statement) &&
      !ts.isClassDeclaration(statement) &&
      !ts.isImportDeclaration(statement) &&
      !ts.isExportDeclaration(statement) &&
      !ts.isEmptyStatement(statement)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(statement.getStart());
      throw new Error(`${file}:${line + 1}: a top-level statement that is not a declaration: ${statement.getText().slice(0, 80)}`);
    }
  }
  return found;
}

/**
 * The module with every top-level initializer that is not a plain value wrapped as
 * `/* @__PURE__ *\/ (() => (init))()`. Text is only inserted, never across a line break.
 *
 * @param {string} code - an ES module (a built chunk)
 * @param {string} file - its path, for messages
 * @returns {{ code: string, insertions: { at: number, text: string }[] }} the new code, and what was
 *   inserted at which offset of the old code (ascending)
 */
export function markTopLevelPure(code, file) {
  const insertions = initializersToWrap(code, file).flatMap(({ start, end }) => [
    { at: start, text: PREFIX },
    { at: end, text: SUFFIX },
  ]);
  insertions.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const { at, text } of insertions) {
    out += code.slice(from, at) + text;
    from = at;
  }
  return { code: out + code.slice(from), insertions };
}

/**
 * A source map from the marked module to the module before marking: at every generated position the
 * old module's map has a segment, a segment to that same position in the old module (`sources` is
 * `[file]`). Composed with the old map (as tsup does with a plugin's map), it keeps every mapping of
 * the old map, moved right on the lines where text was inserted.
 *
 * @param {string} code - the module before marking
 * @param {string | object} oldMap - its source map
 * @param {{ at: number, text: string }[]} insertions - as `markTopLevelPure` returns them
 * @param {string} file - the module's path
 * @returns {object} the source map (version 3)
 */
export function insertionMap(code, oldMap, insertions, file) {
  const map = typeof oldMap === 'string' ? JSON.parse(oldMap) : oldMap;
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // Inserted lengths by line, as [old column, length] in ascending column.
  const shifts = new Map();
  for (const { at, text } of insertions) {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > at) line--;
    shifts.set(line, [...(shifts.get(line) ?? []), [at - lineStarts[line], text.length]]);
  }
  let previousLine = 0;
  let previousColumn = 0;
  const lines = map.mappings.split(';').map((segments, line) => {
    const lineShifts = shifts.get(line) ?? [];
    let column = 0;
    let previousNewColumn = 0;
    const out = [];
    for (const segment of segments === '' ? [] : segments.split(',')) {
      column += decodeSegment(segment)[0];
      // Text inserted at a segment's own column comes before it: the code there starts after it.
      const newColumn = column + lineShifts.filter(([at]) => at <= column).reduce((sum, [, length]) => sum + length, 0);
      out.push(encodeSegment([newColumn - previousNewColumn, 0, line - previousLine, column - previousColumn]));
      previousNewColumn = newColumn;
      previousLine = line;
      previousColumn = column;
    }
    return out.join(',');
  });
  return { version: 3, file, sources: [file], names: [], mappings: lines.join(';') };
}
