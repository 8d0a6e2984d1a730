/**
 * Short human summaries used in detailed D2 labels: an error handler as one phrase and a routine's
 * config as its first few scalar settings.
 */
import type { ErrorHandlerSpec } from '../document/types'
import type { Payload } from '../types'
import { clip } from './d2-text'

/** An error handler as a phrase, e.g. `retry ×3, 500 ms ×2 (critical)`. */
export function describeErrorHandler(handler: ErrorHandlerSpec | undefined): string {
  if (!handler) return 'stop (default)'
  if (handler.strategy !== 'retry') return handler.strategy
  const parts = [`retry ×${handler.maxRetries ?? 3}`]
  parts.push(`${handler.retryDelayMs ?? 1000} ms`)
  if ((handler.retryBackoff ?? 2) !== 1) parts.push(`backoff ×${handler.retryBackoff ?? 2}`)
  const text = parts.join(', ')
  return handler.isCritical ? `${text} (critical)` : text
}

/** The first three scalar config entries as `key: value | key: value`, or '' when there are none. */
export function summariseConfig(config: Payload): string {
  const parts: string[] = []
  for (const [key, value] of Object.entries(config)) {
    if (parts.length === 3) break
    // Multi-line text (a script's code, a template) says nothing useful in one short line.
    if (typeof value === 'string' && !value.includes('\n')) parts.push(`${clip(key, 20)}: ${clip(value, 15)}`)
    else if (typeof value === 'number' || typeof value === 'boolean')
      parts.push(`${clip(key, 20)}: ${String(value)}`)
  }
  return parts.join(' | ')
}
