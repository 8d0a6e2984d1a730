/** Which form control a JSON Schema node gets. */
import type { JsonSchema } from '../../../engine/routines/descriptor'

export type FieldKind =
  | 'enum'
  | 'boolean'
  | 'number'
  | 'integer'
  | 'text'
  | 'textarea'
  | 'script'
  | 'expression'
  | 'array'
  | 'object'
  | 'json'

const SCRIPT_EDITORS = new Set(['javascript', 'js', 'script', 'code'])
const LONG_TEXT = 160

/** The schema's `type`, ignoring `null` (nullable fields use the same control, cleared to null). */
export function baseType(schema: JsonSchema): string | undefined {
  const type = schema.type
  if (typeof type === 'string') return type
  if (Array.isArray(type)) {
    const others = type.filter((t) => t !== 'null')
    return others.length === 1 && typeof others[0] === 'string' ? others[0] : undefined
  }
  return undefined
}

/** True when the schema allows `null`. */
export function isNullable(schema: JsonSchema): boolean {
  return Array.isArray(schema.type) ? schema.type.includes('null') : schema.type === 'null'
}

/** The control for a schema node (`key` helps recognise script fields in schemas without hints). */
export function fieldKind(schema: JsonSchema, key?: string): FieldKind {
  if (Array.isArray(schema.enum)) return 'enum'
  const editor = typeof schema['x-editor'] === 'string' ? schema['x-editor'] : undefined
  const type = baseType(schema)
  if (type === 'string') {
    if (editor && SCRIPT_EDITORS.has(editor)) return 'script'
    if (editor === 'expression') return 'expression'
    if (editor === 'multiline' || schema.format === 'multiline' || schema.format === 'textarea')
      return 'textarea'
    if (key === 'code' || key === 'script') return 'script'
    if (typeof schema.maxLength === 'number' && schema.maxLength > LONG_TEXT) return 'textarea'
    return 'text'
  }
  if (type === 'boolean') return 'boolean'
  if (type === 'number') return 'number'
  if (type === 'integer') return 'integer'
  if (type === 'array' && isSchema(schema.items)) return 'array'
  if (type === 'object' && isSchema(schema.properties)) return 'object'
  return 'json'
}

/** A starting value for a new array item of `schema`. */
export function emptyValue(schema: JsonSchema): unknown {
  if (Object.hasOwn(schema, 'default')) return structuredClone(schema.default)
  if (Array.isArray(schema.enum)) return schema.enum[0]
  switch (baseType(schema)) {
    case 'string':
      return ''
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0
    case 'boolean':
      return false
    case 'array':
      return []
    case 'object': {
      const out: Record<string, unknown> = {}
      const props = isSchema(schema.properties) ? schema.properties : {}
      const required = Array.isArray(schema.required) ? schema.required : []
      for (const [k, child] of Object.entries(props)) {
        if (required.includes(k) && isSchema(child)) out[k] = emptyValue(child)
      }
      return out
    }
    default:
      return null
  }
}

/** A title for a field: the schema's `title`, else the key made readable. */
export function fieldTitle(schema: JsonSchema, key: string | number): string {
  if (typeof schema.title === 'string') return schema.title
  if (typeof key === 'number') return `#${key + 1}`
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
