/**
 * A small cache of compiled expressions, so a routine parses its condition once, not per delivery.
 */
import { type CompiledExpression, compileExpression } from '../../expression'

const cache = new Map<string, CompiledExpression>()
const LIMIT = 1000

/** The compiled form of `source` (throws `EXPRESSION_ERROR` when it does not parse). */
export function cachedExpression(source: string): CompiledExpression {
  let compiled = cache.get(source)
  if (compiled === undefined) {
    compiled = compileExpression(source)
    if (cache.size >= LIMIT) cache.clear()
    cache.set(source, compiled)
  }
  return compiled
}
