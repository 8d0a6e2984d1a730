/**
 * Value semantics shared by the evaluator and the built-in functions: type names, truthiness,
 * deep equality and safe own-property access (never reaching prototypes).
 */

/** The type names the language reports (`type(x)`), the JSON vocabulary. */
export type ValueType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object'

/** The language's type name of a value; `undefined` counts as `null`. */
export function typeOf(value: unknown): ValueType {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  switch (typeof value) {
    case 'boolean':
      return 'boolean'
    case 'number':
    case 'bigint':
      return 'number'
    case 'string':
      return 'string'
    default:
      return 'object'
  }
}

/** Python-style truthiness: null, false, 0, '', [] and {} are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value)
  if (typeof value === 'string') return value.length > 0
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}

/** Structural equality over JSON-like values (`1 == 1.0`, arrays and objects compared deeply). */
export function deepEqual(a: unknown, b: unknown, seen: WeakMap<object, object> = new WeakMap()): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null)
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (seen.get(a) === b) return true
  seen.set(a, b)
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], seen))
  }
  const keysA = Object.keys(a)
  const keysB = Object.keys(b)
  if (keysA.length !== keysB.length) return false
  const recordB = b as Record<string, unknown>
  const recordA = a as Record<string, unknown>
  return keysA.every((key) => Object.hasOwn(recordB, key) && deepEqual(recordA[key], recordB[key], seen))
}

/** Reads an own property of a plain value; inherited members (prototype, constructor) are never reached. */
export function ownValue(container: object, key: string): unknown {
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined
}

/** Normalises `undefined` to `null` so results are JSON-like. */
export function orNull(value: unknown): unknown {
  return value === undefined ? null : value
}

/** A short human form of a value for error messages. */
export function describeValue(value: unknown): string {
  const type = typeOf(value)
  if (type === 'string') {
    const text = value as string
    return `string '${text.length > 20 ? `${text.slice(0, 20)}…` : text}'`
  }
  if (type === 'number' || type === 'boolean') return `${type} ${String(value)}`
  return type
}
