/**
 * JSON Schema validation of a document with @cfworker/json-schema (no code generation, so it runs
 * under the renderer's strict CSP). Raw validator output is a cascade of wrapper errors; this keeps
 * the leaf findings, turns each into a coded problem with a JSON path, and reports keys the format
 * does not define as warnings (canonicalisation drops them).
 */
import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema'
import { DocumentProblemCode as Code, type PathSegment, problem } from './problems'
import { flowDocumentSchema } from './schema'
import { fastSchemaCheck } from './schema-fast'
import type { Problem } from './types'

/** Keywords whose errors only say "a child failed"; the child's own error is reported instead. */
const WRAPPER_KEYWORDS = new Set([
  'properties',
  'items',
  'prefixItems',
  '$ref',
  'allOf',
  'patternProperties',
  'propertyNames',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentSchemas',
  'if',
  'then',
  'else',
  'false',
])

const configValidators = new WeakMap<Schema, Validator>()
let full: Validator | undefined

/**
 * Validates `value` against the flow document schema; an empty list means valid. A direct check
 * confirms valid documents quickly; the generic validator runs only to explain a rejection.
 */
export function validateSchema(value: unknown, maxProblems = 200): Problem[] {
  if (fastSchemaCheck(value)) return []
  full ??= new Validator(flowDocumentSchema as unknown as Schema, '2020-12', false)
  return toProblems(full.validate(value).errors, value, maxProblems)
}

/** Validates `value` against any JSON Schema (a routine type's config schema, for instance). */
export function validateAgainst(
  schema: Schema,
  value: unknown,
  basePath: readonly PathSegment[],
  code: string,
): Problem[] {
  let validator = configValidators.get(schema)
  if (!validator) {
    validator = new Validator(schema, '2020-12', false)
    configValidators.set(schema, validator)
  }
  const result = validator.validate(value)
  if (result.valid) return []
  return toProblems(result.errors, value, 50, basePath, code)
}

function toProblems(
  errors: readonly OutputUnit[],
  root: unknown,
  maxProblems: number,
  basePath: readonly PathSegment[] = [],
  code: string = Code.SCHEMA,
): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    if (problems.length >= maxProblems) break
    if (WRAPPER_KEYWORDS.has(error.keyword)) continue
    const segments = [...basePath, ...pointerToSegments(error.instanceLocation, root)]
    const unknownKey = error.keyword === 'additionalProperties' ? quotedName(error.error) : undefined
    const p =
      unknownKey !== undefined && code === Code.SCHEMA
        ? problem(
            'warning',
            Code.UNKNOWN_KEY,
            `unknown key ${JSON.stringify(unknownKey)} is ignored and dropped on save`,
            [...segments, unknownKey],
          )
        : problem('error', code, messageFor(error, unknownKey), segments)
    const key = `${p.location.path}\u0000${p.message}`
    if (seen.has(key)) continue
    seen.add(key)
    problems.push(p)
  }
  return problems
}

function messageFor(error: OutputUnit, unknownKey: string | undefined): string {
  switch (error.keyword) {
    case 'required': {
      const name = quotedName(error.error)
      return name === undefined
        ? 'a required field is missing'
        : `missing required field ${JSON.stringify(name)}`
    }
    case 'type': {
      const match = /Instance type "(\w+)" is invalid\. Expected "(.+)"\./.exec(error.error)
      return match ? `expected ${match[2]?.replace(/"/g, '')}, got ${match[1]}` : 'wrong type'
    }
    case 'const':
    case 'enum':
      return 'value is not one of the allowed values'
    case 'not':
      return 'value is reserved and not allowed here'
    case 'additionalProperties':
      return `key ${JSON.stringify(unknownKey ?? '')} is not allowed here`
    default:
      return lowerFirst(error.error.replace(/\.$/, ''))
  }
}

function quotedName(text: string): string | undefined {
  const match = /"((?:[^"\\]|\\.)*)"/.exec(text)
  return match ? match[1] : undefined
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text.charAt(0).toLowerCase() + text.slice(1) : text
}

/** Converts a `#/a/0/b` instance location into path segments, using the value to tell indexes from keys. */
function pointerToSegments(pointer: string, root: unknown): PathSegment[] {
  const segments: PathSegment[] = []
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer
  if (body === '' || body === '/') return segments
  let node: unknown = root
  for (const raw of body.slice(1).split('/')) {
    const token = decodeToken(raw)
    if (Array.isArray(node) && /^\d+$/.test(token)) {
      const index = Number(token)
      segments.push(index)
      node = node[index]
    } else {
      segments.push(token)
      node =
        typeof node === 'object' && node !== null && Object.hasOwn(node, token)
          ? (node as Record<string, unknown>)[token]
          : undefined
    }
  }
  return segments
}

function decodeToken(raw: string): string {
  let text = raw
  try {
    text = decodeURIComponent(raw)
  } catch {
    // A malformed escape cannot come from the validator's own encoding; keep the raw token.
    text = raw
  }
  return text.replace(/~1/g, '/').replace(/~0/g, '~')
}
