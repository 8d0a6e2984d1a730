/**
 * Syntax tree of the expression language (see docs/expressions.md). Plain data so a parsed
 * expression can be inspected or cached; every node keeps its source span for error messages.
 */

/** A half-open source range `[start, end)` in UTF-16 offsets. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** Binary operators after normalisation (`and`/`&&` are both `and`, and so on). */
export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'

/** A node of the expression syntax tree. */
export type ExpressionNode =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly span: Span }
  | { readonly kind: 'array'; readonly items: readonly ExpressionNode[]; readonly span: Span }
  | { readonly kind: 'name'; readonly name: string; readonly span: Span }
  | {
      readonly kind: 'member'
      readonly object: ExpressionNode
      readonly property: ExpressionNode
      readonly span: Span
    }
  | {
      readonly kind: 'call'
      readonly callee: string
      readonly args: readonly ExpressionNode[]
      readonly span: Span
    }
  | {
      readonly kind: 'method'
      readonly receiver: ExpressionNode
      readonly method: string
      readonly args: readonly ExpressionNode[]
      readonly span: Span
    }
  | {
      readonly kind: 'unary'
      readonly operator: '-' | '+' | 'not'
      readonly operand: ExpressionNode
      readonly span: Span
    }
  | {
      readonly kind: 'binary'
      readonly operator: BinaryOperator
      readonly left: ExpressionNode
      readonly right: ExpressionNode
      readonly span: Span
    }
  | {
      readonly kind: 'logical'
      readonly operator: 'and' | 'or'
      readonly left: ExpressionNode
      readonly right: ExpressionNode
      readonly span: Span
    }
  | {
      readonly kind: 'conditional'
      readonly test: ExpressionNode
      readonly then: ExpressionNode
      readonly otherwise: ExpressionNode
      readonly span: Span
    }
