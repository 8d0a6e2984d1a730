/**
 * Entry points of the expression language: compile once, evaluate many times; check a source for
 * the editor without throwing.
 */
import type { ExpressionNode } from './ast'
import { type ExpressionScope, evaluateNode } from './evaluate'
import { ExpressionError, type ExpressionPosition } from './expression-error'
import { type ParseOptions, parse } from './parser'
import { truthy } from './values'

/** A parsed expression ready to evaluate. */
export interface CompiledExpression {
  readonly source: string
  readonly ast: ExpressionNode
  /** Evaluates against the given variables; throws `ExpressionError` on a runtime error. */
  evaluate(scope: ExpressionScope): unknown
  /** Evaluates and applies the language's truthiness. */
  test(scope: ExpressionScope): boolean
}

/** One finding for the editor: message plus position (never thrown). */
export interface ExpressionDiagnostic extends ExpressionPosition {
  readonly message: string
}

/**
 * Parses `source`; throws `ExpressionError` (code `EXPRESSION_ERROR`) with a position when invalid.
 * @example compileExpression("data.get('value', 0) > 10").test({ data: { value: 12 }, config: {} }) // true
 */
export function compileExpression(source: string, options?: ParseOptions): CompiledExpression {
  const ast = parse(source, options)
  const evaluate = (scope: ExpressionScope) => evaluateNode(ast, source, scope)
  return { source, ast, evaluate, test: (scope) => truthy(evaluate(scope)) }
}

/** Parses and evaluates in one step (prefer `compileExpression` for repeated use). */
export function evaluateExpression(source: string, scope: ExpressionScope, options?: ParseOptions): unknown {
  return compileExpression(source, options).evaluate(scope)
}

/** Syntax and name check for live validation in the editor: an empty list means the source is valid. */
export function checkExpression(source: string, options?: ParseOptions): ExpressionDiagnostic[] {
  try {
    parse(source, options)
    return []
  } catch (error) {
    if (error instanceof ExpressionError) return [{ message: error.reason, ...error.position }]
    throw error
  }
}
