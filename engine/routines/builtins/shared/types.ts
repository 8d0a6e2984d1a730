/**
 * Type names and text forms the built-ins report, in the JSON vocabulary (Routilux reported Python
 * names: dict → object, list → array, str → string, int/float → number, bool → boolean,
 * NoneType → null).
 */

/** JSON type name of a value (`undefined` counts as `null`). */
export function jsonType(value: unknown): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number' || typeof value === 'bigint') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  return 'object'
}

/** Text form of a value: strings as they are, containers as JSON, the rest via `String`. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return 'null'
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value)
    } catch {
      return '[Circular Reference]'
    }
  }
  return String(value)
}
