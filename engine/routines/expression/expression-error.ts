/**
 * Coded errors of the expression language. Every error carries the source position so the editor
 * can underline the culprit and the message can say where it is.
 */
import { ErrorCode, RoutiluxError } from '../../errors'
import type { Span } from './ast'

/** Where an expression error is: offsets plus 1-based line and column of `start`. */
export interface ExpressionPosition {
  readonly start: number
  readonly end: number
  readonly line: number
  readonly column: number
}

/** An `EXPRESSION_ERROR` raised while parsing or evaluating an expression. */
export class ExpressionError extends RoutiluxError {
  readonly position: ExpressionPosition
  /** The message without the position suffix, for inline display next to the source. */
  readonly reason: string

  constructor(reason: string, source: string, span: Span, phase: 'parse' | 'evaluate') {
    const position = locate(source, span)
    super(ErrorCode.EXPRESSION_ERROR, `${reason} (at ${position.line}:${position.column})`, {
      reason,
      phase,
      start: position.start,
      end: position.end,
      line: position.line,
      column: position.column,
    })
    this.name = 'ExpressionError'
    this.reason = reason
    this.position = position
  }
}

/** Converts a span into offsets plus the line and column of its start. */
export function locate(source: string, span: Span): ExpressionPosition {
  let line = 1
  let lineStart = 0
  const limit = Math.min(span.start, source.length)
  for (let i = 0; i < limit; i++) {
    if (source.charCodeAt(i) === 10) {
      line += 1
      lineStart = i + 1
    }
  }
  return { start: span.start, end: Math.max(span.end, span.start), line, column: span.start - lineStart + 1 }
}
