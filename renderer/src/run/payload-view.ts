/**
 * How payloads are shown: the host replaces big values with `TruncatedValue` markers, and the
 * inspector itself shows long strings and large lists only in part, so a huge payload never costs
 * more than a bounded amount of DOM.
 */
import type { TruncatedValue } from '../../../electron/ipc/contract'

/** Characters of a string shown before "show more". */
export const STRING_LIMIT = 2000
/** Items or keys of a list or object shown before "more". */
export const ITEM_LIMIT = 100

export type ValueView =
  | { readonly kind: 'truncated'; readonly label: string; readonly preview: string }
  | { readonly kind: 'string'; readonly shown: string; readonly hiddenChars: number }
  | { readonly kind: 'scalar'; readonly text: string }
  | {
      readonly kind: 'array' | 'object'
      readonly size: number
      readonly entries: readonly (readonly [key: string, value: unknown])[]
      readonly hidden: number
    }

export function isTruncatedValue(value: unknown): value is TruncatedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $truncated?: unknown }).$truncated === true &&
    typeof (value as { preview?: unknown }).preview === 'string' &&
    typeof (value as { size?: unknown }).size === 'number'
  )
}

const count = (n: number) => n.toLocaleString('en-US')

/** What a truncated value was, e.g. "string of 120,000 characters". */
export function truncatedLabel(value: TruncatedValue): string {
  switch (value.type) {
    case 'string':
      return `string of ${count(value.size)} characters`
    case 'array':
      return `list of ${count(value.size)} items`
    default:
      return `object with ${count(value.size)} keys`
  }
}

/** The view of one value; `expandedString` shows a long string in full, `itemLimit` more items. */
export function viewOf(value: unknown, expandedString = false, itemLimit = ITEM_LIMIT): ValueView {
  if (isTruncatedValue(value))
    return { kind: 'truncated', label: truncatedLabel(value), preview: value.preview }
  if (typeof value === 'string') {
    const hiddenChars = expandedString ? 0 : Math.max(0, value.length - STRING_LIMIT)
    return { kind: 'string', shown: hiddenChars > 0 ? value.slice(0, STRING_LIMIT) : value, hiddenChars }
  }
  if (Array.isArray(value)) {
    const entries = value.slice(0, itemLimit).map((item, i) => [String(i), item] as const)
    return { kind: 'array', size: value.length, entries, hidden: value.length - entries.length }
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value)
    const entries = keys.slice(0, itemLimit).map((k) => [k, (value as Record<string, unknown>)[k]] as const)
    return { kind: 'object', size: keys.length, entries, hidden: keys.length - entries.length }
  }
  return {
    kind: 'scalar',
    text: value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)),
  }
}

/** A one-line preview of a value, at most `max` characters (for collapsed rows and log lines). */
export function previewText(value: unknown, max = 80): string {
  const text = previewOf(value, max)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function previewOf(value: unknown, budget: number): string {
  if (isTruncatedValue(value)) return `‹${truncatedLabel(value)}›`
  if (typeof value === 'string') return JSON.stringify(value.length > budget ? value.slice(0, budget) : value)
  if (Array.isArray(value)) {
    const parts: string[] = []
    let used = 2
    for (const item of value) {
      if (used > budget) break
      const part = previewOf(item, budget - used)
      parts.push(part)
      used += part.length + 2
    }
    return `[${parts.join(', ')}${parts.length < value.length ? ', …' : ''}]`
  }
  if (typeof value === 'object' && value !== null) {
    const parts: string[] = []
    let used = 2
    const keys = Object.keys(value)
    for (const key of keys) {
      if (used > budget) break
      const part = `${key}: ${previewOf((value as Record<string, unknown>)[key], budget - used)}`
      parts.push(part)
      used += part.length + 2
    }
    return `{${parts.join(', ')}${parts.length < keys.length ? ', …' : ''}}`
  }
  return value === undefined ? 'undefined' : String(JSON.stringify(value) ?? value)
}
