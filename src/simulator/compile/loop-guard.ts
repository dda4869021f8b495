/** A TypeScript transform that lets the sandbox stop runaway code from inside, at its line. */
import ts from 'typescript';
import { LOOP_GUARD } from './sandbox-names.ts';

/**
 * Puts a call to the guard at the top of every loop body and every function body. The guard
 * counts calls and checks the wall clock now and then; past the budget it reports the limit at
 * the line it was called from, hands over what the run produced, and throws — so a
 * `while (true) {}` or an endless chain of promises ends with its line and keeps every span that
 * ended before it. Terminating the worker stays the backstop for code that swallows the throw.
 */
export function loopGuardTransformer(context: ts.TransformationContext): ts.Transformer<ts.SourceFile> {
  const { factory } = context;
  const call = (at: ts.Node): ts.CallExpression =>
    ts.setSourceMapRange(factory.createCallExpression(factory.createIdentifier(LOOP_GUARD), undefined, []), at);
  const statement = (at: ts.Node): ts.Statement =>
    ts.setSourceMapRange(factory.createExpressionStatement(call(at)), at);
  const guardedStatement = (body: ts.Statement, at: ts.Node): ts.Statement =>
    ts.isBlock(body)
      ? factory.updateBlock(body, [statement(at), ...body.statements])
      : factory.createBlock([statement(at), body], true);
  // In a function the guard takes the position of the body's first statement: a stack overflow,
  // which usually surfaces at the guard's call, then points at the recursive line, not the signature.
  const guardedBody = (body: ts.ConciseBody, original: ts.ConciseBody): ts.ConciseBody => {
    if (!ts.isBlock(body))
      return factory.createParenthesizedExpression(factory.createCommaListExpression([call(original), body]));
    const at = ts.isBlock(original) ? (original.statements[0] ?? original) : original;
    return factory.updateBlock(body, [statement(at), ...body.statements]);
  };

  const visit = (node: ts.Node): ts.Node => {
    const v = ts.visitEachChild(node, visit, context);
    if (ts.isWhileStatement(v))
      return factory.updateWhileStatement(v, v.expression, guardedStatement(v.statement, node));
    if (ts.isDoStatement(v)) return factory.updateDoStatement(v, guardedStatement(v.statement, node), v.expression);
    if (ts.isForStatement(v)) {
      return factory.updateForStatement(
        v,
        v.initializer,
        v.condition,
        v.incrementor,
        guardedStatement(v.statement, node),
      );
    }
    if (ts.isForOfStatement(v)) {
      return factory.updateForOfStatement(
        v,
        v.awaitModifier,
        v.initializer,
        v.expression,
        guardedStatement(v.statement, node),
      );
    }
    if (ts.isForInStatement(v)) {
      return factory.updateForInStatement(v, v.initializer, v.expression, guardedStatement(v.statement, node));
    }
    if (ts.isFunctionDeclaration(v) && v.body) {
      return factory.updateFunctionDeclaration(
        v,
        v.modifiers,
        v.asteriskToken,
        v.name,
        v.typeParameters,
        v.parameters,
        v.type,
        guardedBody(v.body, (node as ts.FunctionDeclaration).body!) as ts.Block,
      );
    }
    if (ts.isFunctionExpression(v)) {
      return factory.updateFunctionExpression(
        v,
        v.modifiers,
        v.asteriskToken,
        v.name,
        v.typeParameters,
        v.parameters,
        v.type,
        guardedBody(v.body, (node as ts.FunctionExpression).body) as ts.Block,
      );
    }
    if (ts.isArrowFunction(v)) {
      return factory.updateArrowFunction(
        v,
        v.modifiers,
        v.typeParameters,
        v.parameters,
        v.type,
        v.equalsGreaterThanToken,
        guardedBody(v.body, (node as ts.ArrowFunction).body),
      );
    }
    if (ts.isMethodDeclaration(v) && v.body) {
      return factory.updateMethodDeclaration(
        v,
        v.modifiers,
        v.asteriskToken,
        v.name,
        v.questionToken,
        v.typeParameters,
        v.parameters,
        v.type,
        guardedBody(v.body, (node as ts.MethodDeclaration).body!) as ts.Block,
      );
    }
    return v;
  };
  return (file) => ts.visitNode(file, visit, ts.isSourceFile);
}
