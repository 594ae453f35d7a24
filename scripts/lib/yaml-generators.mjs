// yaml's Lexer and Parser are generators, nested five deep: every lexical token passes through a
// chain of `yield*` delegations, each a generator object to allocate and resume. On a large file
// that is most of the parse (see docs/performance.md). This rewrites the two classes, as the
// build loads them, into plain methods that hand each token on through a callback, in the same
// order: `yield x` becomes `this.__emit(x)`, `yield* f()` becomes `f()` (a generator's return
// value is the plain method's), and the parser's loop over the lexer's tokens becomes the lexer
// calling the parser's `next`. `lex()` and `parse()` keep their signatures and return an array
// (iterable, as before) of what they used to yield. test/yaml-parser-build.test.mjs checks that
// the rewritten classes give yaml's own tokens on every fixture and many generated files, and the
// fuzzer compares the two on every input. Nothing else in yaml is touched.
import ts from 'typescript';

const f = ts.factory;
const thisDot = (name) => f.createPropertyAccessExpression(f.createThis(), name);
const assign = (target, value) => f.createExpressionStatement(f.createBinaryExpression(target, ts.SyntaxKind.EqualsToken, value));
const arrow = (param, statements) =>
  f.createArrowFunction(
    undefined,
    undefined,
    [f.createParameterDeclaration(undefined, undefined, param)],
    undefined,
    undefined,
    f.createBlock(statements, true),
  );

/** The rewritten module source; throws when yaml's code no longer has the shape this expects. */
export function withoutGenerators(source, fileName) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const found = { generators: 0, entryPoints: 0, lexerLoops: 0 };
  const transformer = (context) => (root) => {
    const visit = (node) => {
      if (ts.isMethodDeclaration(node) && node.asteriskToken) {
        found.generators++;
        let body = ts.visitEachChild(node.body, visit, context);
        const name = node.name.getText(file);
        if (name === 'lex' || name === 'parse') {
          found.entryPoints++;
          // The public entry points collect what they emit, unless (the lexer) a parser takes it.
          const out = f.createUniqueName('emitted');
          const collect = arrow('token', [
            f.createExpressionStatement(
              f.createCallExpression(f.createPropertyAccessExpression(out, 'push'), undefined, [f.createIdentifier('token')]),
            ),
          ]);
          const sink = name === 'lex' ? f.createBinaryExpression(thisDot('__sink'), ts.SyntaxKind.QuestionQuestionToken, collect) : collect;
          const declareOut = f.createVariableStatement(
            undefined,
            f.createVariableDeclarationList(
              [f.createVariableDeclaration(out, undefined, undefined, f.createArrayLiteralExpression([]))],
              ts.NodeFlags.Const,
            ),
          );
          body = f.createBlock([declareOut, assign(thisDot('__emit'), sink), ...body.statements, f.createReturnStatement(out)], true);
        }
        return f.updateMethodDeclaration(
          node,
          node.modifiers,
          undefined,
          node.name,
          node.questionToken,
          node.typeParameters,
          node.parameters,
          node.type,
          body,
        );
      }
      if (ts.isForOfStatement(node) && /^this\.lexer\.lex\(/.test(node.expression.getText(file))) {
        found.lexerLoops++;
        // for (const lexeme of this.lexer.lex(...)) yield* this.next(lexeme);  ->  the lexer calls the loop body per token.
        const lexeme = node.initializer.declarations[0].name.getText(file);
        const lexerSink = f.createPropertyAccessExpression(thisDot('lexer'), '__sink');
        return f.createBlock(
          [
            assign(lexerSink, arrow(lexeme, [ts.visitNode(node.statement, visit)])),
            f.createTryStatement(
              f.createBlock([f.createExpressionStatement(node.expression)], true),
              undefined,
              f.createBlock([assign(lexerSink, f.createIdentifier('undefined'))], true),
            ),
          ],
          true,
        );
      }
      if (ts.isYieldExpression(node)) {
        const value = node.expression && ts.visitNode(node.expression, visit);
        return f.createParenthesizedExpression(
          node.asteriskToken ? value : f.createCallExpression(thisDot('__emit'), undefined, value ? [value] : []),
        );
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitNode(root, visit);
  };
  const code = ts.createPrinter().printFile(ts.transform(file, [transformer]).transformed[0]);
  const isLexer = /lexer\.js$/.test(fileName);
  const expected = isLexer ? found.entryPoints === 1 && found.lexerLoops === 0 : found.entryPoints === 1 && found.lexerLoops === 1;
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  if (!expected || found.generators < 10 || /\byield\b|function\s*\*|^\s*\*\s*\w+\s*\(/m.test(withoutComments)) {
    throw new Error(
      `yaml-generators: ${fileName} no longer has the shape this rewrite expects (${JSON.stringify(found)}); see scripts/lib/yaml-generators.mjs`,
    );
  }
  return code;
}
