/**
 * Config validation and defaults for a routine type's JSON Schema. Pure (the inspector validates
 * live with the same code); uses @cfworker/json-schema, which needs no code generation and so runs
 * under the renderer's strict content security policy.
 */
import { Validator } from '@cfworker/json-schema'
import { isRecord } from '../payload'
import type { Payload } from '../types'
import type { JsonSchema } from './descriptor'

/** One config finding: a JSON path relative to the config (`$.max_length`) and a message. */
export interface ConfigIssue {
  /** JSON path inside the config, e.g. `$.routes[0].name`; `$` is the config itself. */
  readonly path: string
  readonly message: string
  /** Error code: `INVALID_CONFIG`, or a more specific code from a type's own checks. */
  readonly code: string
}

/** Summary errors that only repeat what a nested error says more precisely. */
const SUMMARY_KEYWORDS = new Set([
  'properties',
  'items',
  'prefixItems',
  'allOf',
  '$ref',
  'if',
  'then',
  'else',
])
const validators = new WeakMap<JsonSchema, Validator>()

/** Validates `config` against `schema` and returns every problem (empty when valid). */
export function validateConfigSchema(schema: JsonSchema, config: unknown): ConfigIssue[] {
  let validator = validators.get(schema)
  if (validator === undefined) {
    validator = new Validator(schema as object, '2020-12', false)
    validators.set(schema, validator)
  }
  const result = validator.validate(config)
  if (result.valid) return []
  const errors = result.errors
  const alternatives = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .map((e) => `${e.keywordLocation}/`)
  const issues: ConfigIssue[] = []
  for (const error of errors) {
    if (SUMMARY_KEYWORDS.has(error.keyword)) continue
    // Branch errors of a failed anyOf/oneOf are noise; the alternative's own error says it.
    if (alternatives.some((prefix) => error.keywordLocation.startsWith(prefix))) continue
    const deeper = errors.some(
      (e) => e !== error && e.instanceLocation.startsWith(`${error.instanceLocation}/`),
    )
    if (error.keyword === 'additionalProperties' && deeper) continue
    const issue = {
      path: pointerToPath(error.instanceLocation),
      message: error.error,
      code: 'INVALID_CONFIG',
    }
    if (!issues.some((i) => i.path === issue.path && i.message === issue.message)) issues.push(issue)
  }
  return issues
}

/**
 * Returns a copy of `config` with every missing property that has a schema `default` filled in
 * (deep-copied), recursing into nested object schemas. Existing values are never replaced.
 */
export function applyConfigDefaults(schema: JsonSchema, config: Payload): Payload {
  const result: Payload = { ...config }
  const properties = schema.properties
  if (!isRecord(properties)) return result
  for (const [key, child] of Object.entries(properties)) {
    if (!isRecord(child)) continue
    if (!Object.hasOwn(result, key) && Object.hasOwn(child, 'default')) {
      result[key] = structuredClone(child.default)
    }
    const value = result[key]
    if (isRecord(value) && isRecord(child.properties)) result[key] = applyConfigDefaults(child, value)
  }
  return result
}

/** The config a new routine starts with: every default of the schema. */
export function defaultConfig(schema: JsonSchema): Payload {
  return applyConfigDefaults(schema, {})
}

/** Converts a JSON pointer fragment (`#/routes/0/name`) into a JSON path (`$.routes[0].name`). */
export function pointerToPath(pointer: string): string {
  const parts = pointer.replace(/^#/, '').split('/').slice(1)
  let path = '$'
  for (const raw of parts) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (/^\d+$/.test(part)) path += `[${part}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) path += `.${part}`
    else path += `[${JSON.stringify(part)}]`
  }
  return path
}
