/**
 * Shortens values before they leave the host (event samples, history pages, shared data): long
 * strings, large arrays and objects, and deep nesting are replaced by `TruncatedValue` markers with a
 * preview and the original size, so one huge payload cannot bloat a batch or the host's buffers.
 */
import type { TruncatedValue } from '../../ipc/contract'

export interface TruncateLimits {
  /** Longest string kept whole. */
  readonly maxString: number
  /** Most array items / object keys kept per level. */
  readonly maxEntries: number
  /** Deepest nesting kept. */
  readonly maxDepth: number
}

/** Limits used for event samples and history pages. */
export const SAMPLE_LIMITS: TruncateLimits = { maxString: 1000, maxEntries: 50, maxDepth: 4 }

const PREVIEW_CHARS = 200
const PREVIEW_ENTRIES = 5

/** A copy of `value` within `limits`; plain JSON-like data only (functions and symbols become strings). */
export function truncateValue(value: unknown, limits: TruncateLimits = SAMPLE_LIMITS, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value
  if (typeof value === 'string') {
    return value.length > limits.maxString ? marker('string', value, value.length) : value
  }
  if (typeof value === 'undefined') return undefined
  if (typeof value === 'bigint') return value.toString()
  if (typeof value !== 'object') return String(value)
  if (depth >= limits.maxDepth) return marker(Array.isArray(value) ? 'array' : 'object', value)
  if (Array.isArray(value)) {
    if (value.length > limits.maxEntries) return marker('array', value)
    return value.map((item) => truncateValue(item, limits, depth + 1))
  }
  if (value instanceof Date) return value.toISOString()
  const keys = Object.keys(value)
  if (keys.length > limits.maxEntries) return marker('object', value)
  const out: Record<string, unknown> = {}
  for (const key of keys) out[key] = truncateValue((value as Record<string, unknown>)[key], limits, depth + 1)
  return out
}

/** `truncateValue` for a payload object (keeps the record shape). */
export function truncatePayload(
  payload: Record<string, unknown>,
  limits: TruncateLimits = SAMPLE_LIMITS,
): Record<string, unknown> {
  const result = truncateValue(payload, limits)
  return typeof result === 'object' && result !== null && !Array.isArray(result) && !isMarker(result)
    ? (result as Record<string, unknown>)
    : { value: result }
}

function isMarker(value: object): value is TruncatedValue {
  return (value as { $truncated?: unknown }).$truncated === true
}

function marker(type: 'string' | 'array' | 'object', value: unknown, knownSize?: number): TruncatedValue {
  if (typeof value === 'string') {
    return { $truncated: true, type, preview: value.slice(0, PREVIEW_CHARS), size: knownSize ?? value.length }
  }
  // Only a few entries are serialised for the preview: stringifying a huge value would cost what
  // truncation is meant to save.
  if (Array.isArray(value)) {
    return { $truncated: true, type, preview: preview(value.slice(0, PREVIEW_ENTRIES)), size: value.length }
  }
  const keys = Object.keys(value as object)
  const head: Record<string, unknown> = {}
  for (const key of keys.slice(0, PREVIEW_ENTRIES)) head[key] = (value as Record<string, unknown>)[key]
  return { $truncated: true, type, preview: preview(head), size: keys.length }
}

function preview(value: unknown): string {
  try {
    return (
      JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)) ??
      ''
    ).slice(0, PREVIEW_CHARS)
  } catch {
    // Cycles deep inside: the preview is only a hint, so a tag is enough.
    return Object.prototype.toString.call(value)
  }
}
