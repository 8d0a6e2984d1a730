/**
 * The named transformations of DataTransformer. Transformations are data (names in config), never
 * functions, so a flow stays serialisable.
 */
import { isRecord } from '../../../payload'
import { textOf } from '../shared/types'

/** A transformation: takes a value, returns the new value or throws with a message. */
export type Transform = (value: unknown) => unknown

function quoteValue(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : textOf(value)
}

function toInt(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number.parseInt(value, 10)
  throw new Error(`cannot convert ${quoteValue(value)} to an integer`)
}

function toFloat(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim()))) {
    return Number(value.trim())
  }
  throw new Error(`cannot convert ${quoteValue(value)} to a number`)
}

function onString(fn: (text: string) => string): Transform {
  return (value) => (typeof value === 'string' ? fn(value) : value)
}

/** Built-in transformations by name. */
export const TRANSFORMS: Readonly<Record<string, Transform>> = {
  lowercase: onString((s) => s.toLowerCase()),
  uppercase: onString((s) => s.toUpperCase()),
  strip_whitespace: onString((s) => s.trim()),
  to_string: textOf,
  to_int: toInt,
  to_float: toFloat,
  remove_none: (value) =>
    isRecord(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined))
      : value,
  parse_json: (value) => {
    if (typeof value !== 'string') return value
    try {
      return JSON.parse(value) as unknown
    } catch (error) {
      throw new Error(`invalid JSON: ${(error as Error).message}`)
    }
  },
  to_json: (value) => JSON.stringify(value) ?? 'null',
}
