/**
 * Bounds of the document's numeric settings (timeouts, workers, retries, history), read from the
 * document schema so a value the host would refuse to save never enters the document.
 */
import { flowDocumentSchema } from '../../../engine/document/schema'

/** The numeric keywords of a schema node. */
export interface NumberBounds {
  readonly type: 'number' | 'integer'
  readonly minimum?: number
  readonly exclusiveMinimum?: number
  readonly maximum?: number
}

const defs = flowDocumentSchema.$defs
const execution = defs.execution.properties
const handler = defs.errorHandler.properties

export const EXECUTION_BOUNDS = {
  maxWorkers: execution.maxWorkers,
  handlerTimeoutMs: execution.handlerTimeoutMs,
  timeoutMs: execution.timeoutMs,
  maxSize: execution.history.properties.maxSize,
  ttlMs: execution.history.properties.ttlMs,
} satisfies Record<string, NumberBounds>

export const HANDLER_BOUNDS = {
  maxRetries: handler.maxRetries,
  retryDelayMs: handler.retryDelayMs,
  retryBackoff: handler.retryBackoff,
} satisfies Record<string, NumberBounds>

/** Why `n` is not an acceptable value within `bounds`, or undefined when it is. */
export function numberProblem(n: number, bounds: NumberBounds): string | undefined {
  if (!Number.isFinite(n)) return 'Enter a number.'
  if (bounds.type === 'integer' && !Number.isInteger(n)) return 'Enter a whole number.'
  if (bounds.exclusiveMinimum !== undefined && n <= bounds.exclusiveMinimum)
    return `Must be greater than ${bounds.exclusiveMinimum}.`
  if (bounds.minimum !== undefined && n < bounds.minimum) return `Must be at least ${bounds.minimum}.`
  if (bounds.maximum !== undefined && n > bounds.maximum) return `Must be at most ${bounds.maximum}.`
  return undefined
}
