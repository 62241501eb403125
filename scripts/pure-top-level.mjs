// A build step (a tsup plugin): wrap the initializer of every top-level `var`/`let`/`const` of a built
// chunk whose evaluation a bundler cannot prove free of side effects — a call such as
// `optionKeys({ … })`, a spread `[...KEYS]`, a class with computed keys, the `__commonJS` wrappers of
// the bundled @stdlib code — in an immediately called arrow marked `/* @__PURE__ */`. A consumer's
// bundler (esbuild, Rollup, webpack with terser) then drops each such constant when nothing it keeps
// reads it, so importing one function bundles only what that function reaches.
//
// Why this is sound: the package declares `"sideEffects": false`, i.e. evaluating a module of it only
// defines names; every top-level initializer computes a value (tables, option key lists, classes,
// lazily evaluated CommonJS modules) and changes nothing outside it. A top-level statement that is not a
// declaration (an expression statement) would break that promise: the plugin refuses to build then.
import ts from 'typescript';

const PURE = '/* @__PURE__ */ ';

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

/** Whether the initializer is already a call or `new` marked pure (esbuild writes `/* @__PURE__ *\/ new Map()`). */
function isMarkedPure(code, node) {
  return /^\/\*\s*[#@]__PURE__\s*\*\/\s*$/.test(code.slice(node.pos, node.getStart()).trim() + ' ') && (ts.isCallExpression(node) || ts.isNewExpression(node));
}

/**
 * The chunk's code with every top-level initializer that is not a plain value wrapped as
 * `/* @__PURE__ *\/ (() => (init))()`; the text of each line stays on its line.
 *
 * @param {string} code - an ES module (a built chunk)
 * @param {string} file - its path, for messages
 * @returns {{ code: string, wrapped: number }}
 */
export function markTopLevelPure(code, file) {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const edits = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init === undefined || isPlainValue(init) || isMarkedPure(code, init)) continue;
        edits.push({ at: init.getStart(), text: `${PURE}(() => (` }, { at: init.getEnd(), text: '))()' });
      }
      continue;
    }
    if (
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isImportDeclaration(statement) ||
      ts.isExportDeclaration(statement) ||
      ts.isEmptyStatement(statement)
    ) {
      continue;
    }
    const { line } = source.getLineAndCharacterOfPosition(statement.getStart());
    throw new Error(`${file}:${line + 1}: a top-level statement that is not a declaration: ${statement.getText().slice(0, 80)}`);
  }
  let out = code;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return { code: out, wrapped: edits.length / 2 };
}
