/**
 * Structural checks of a routine definition, used by the registry and the plugin loader so a
 * broken definition is a coded error instead of a crash later.
 */
import type { RoutineDefinition } from './definition'
import { defaultConfig, validateConfigSchema } from './descriptor-config'

/** Type ids: lowercase dotted names, at least two segments (`text.clipper`, `acme.csv-reader`). */
export const TYPE_ID_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/

/** Returns every structural problem of `value` as a definition (empty when it is usable). */
export function definitionProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['a routine definition must be an object']
  const def = value as Partial<Record<keyof RoutineDefinition, unknown>>
  const problems: string[] = []
  if (typeof def.id !== 'string' || !TYPE_ID_PATTERN.test(def.id)) {
    problems.push(`id ${JSON.stringify(def.id)} must be a dotted lowercase name such as "acme.reader"`)
  }
  for (const key of ['title', 'category', 'description'] as const) {
    if (typeof def[key] !== 'string' || (def[key] as string).length === 0)
      problems.push(`${key} must be a non-empty string`)
  }
  if (def.version !== undefined && !(Number.isInteger(def.version) && (def.version as number) >= 1)) {
    problems.push('version must be a positive integer')
  }
  problems.push(...portProblems('slots', def.slots, true), ...portProblems('events', def.events, false))
  if (def.create !== undefined && typeof def.create !== 'function') problems.push('create must be a function')
  if (def.validateConfig !== undefined && typeof def.validateConfig !== 'function') {
    problems.push('validateConfig must be a function')
  }
  if (def.migrations !== undefined) {
    if (typeof def.migrations !== 'object' || def.migrations === null)
      problems.push('migrations must be an object')
    else {
      for (const [from, fn] of Object.entries(def.migrations)) {
        if (!/^\d+$/.test(from) || typeof fn !== 'function')
          problems.push(`migrations["${from}"] must be a function`)
      }
    }
  }
  if (def.configSchema !== undefined) problems.push(...schemaProblems(def.configSchema))
  return problems
}

function portProblems(key: string, value: unknown, slots: boolean): string[] {
  if (value === undefined) return []
  if (!Array.isArray(value)) return [`${key} must be an array`]
  const problems: string[] = []
  const seen = new Set<string>()
  value.forEach((port, i) => {
    const name = (port as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || name.length === 0)
      problems.push(`${key}[${i}].name must be a non-empty string`)
    else if (seen.has(name)) problems.push(`${key}[${i}]: duplicate name "${name}"`)
    else seen.add(name)
    const handler = (port as { handler?: unknown } | null)?.handler
    if (slots && handler !== undefined && typeof handler !== 'function') {
      problems.push(`${key}[${i}].handler must be a function`)
    }
  })
  return problems
}

function schemaProblems(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return ['configSchema must be an object']
  if ((schema as { type?: unknown }).type !== 'object') return ['configSchema must have type "object"']
  try {
    const issues = validateConfigSchema(
      schema as Record<string, unknown>,
      defaultConfig(schema as Record<string, unknown>),
    )
    return issues.map((issue) => `the schema defaults do not validate: ${issue.path}: ${issue.message}`)
  } catch (error) {
    return [
      `configSchema is not a usable JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
    ]
  }
}
