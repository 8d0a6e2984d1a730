/**
 * The direct schema check must agree with the generic JSON Schema validator: on every generated
 * mutation of a rich document, both give the same verdict (the direct check must never accept what
 * the schema rejects, and should not reject what it accepts, or valid documents get slow).
 */
import { type Schema, Validator } from '@cfworker/json-schema'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { saveDocument } from './save'
import { flowDocumentSchema } from './schema'
import { fastSchemaCheck } from './schema-fast'
import { orderPipeline } from './test-fixtures'

const reference = new Validator(flowDocumentSchema as unknown as Schema, '2020-12', true)
const schemaAccepts = (value: unknown) => reference.validate(value).valid

const rich = (() => {
  const doc = orderPipeline()
  doc.$schema = '../flow.schema.json'
  doc.execution = {
    mode: 'concurrent',
    maxWorkers: 2,
    handlerTimeoutMs: 500,
    timeoutMs: 1000,
    history: { maxSize: 10, ttlMs: 5 },
    errorHandler: {
      strategy: 'retry',
      maxRetries: 2,
      retryDelayMs: 10,
      retryBackoff: 1.5,
      isCritical: true,
      retryOn: ['X'],
    },
  }
  Object.assign(doc.routines[0] as object, {
    typeVersion: 2,
    description: 'd',
    errorHandler: { strategy: 'skip' },
  })
  doc.layout = { positions: { fetcher: { x: 0, y: 0 } }, viewport: { x: 1, y: 2, zoom: 1 } }
  doc.notes.push({ id: 'n', text: 't', x: 0, y: 0, width: 10, height: 10, color: '#fff' })
  return JSON.parse(saveDocument(doc)) as Record<string, unknown>
})()

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix)
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
  }
  return out
}
const allPaths = paths(rich)

const astral = '𝒳'
const boundary = fc.constantFrom<unknown>(
  0,
  -0.5,
  1,
  1.5,
  -1,
  1000,
  1001,
  1024,
  1025,
  2_147_483_647,
  2_147_483_648,
  1e9,
  1e9 + 1,
  -1e9,
  -1e9 - 1,
  100,
  100.5,
  1e15,
  1e16,
  '',
  'x',
  'x'.repeat(200),
  'x'.repeat(201),
  astral.repeat(200),
  astral.repeat(201),
  'x'.repeat(500),
  'x'.repeat(501),
  '__proto__',
  'constructor',
  'stop',
  'retry',
  'sequential',
  'concurrent',
  'append',
  'override',
  'routilux-flow',
  true,
  null,
  [],
  {},
  ['a'],
  [''],
  { x: 1, y: 2 },
  { x: 1 },
)
const mutation = fc
  .tuple(fc.nat(allPaths.length - 1), fc.oneof(boundary, fc.jsonValue({ maxDepth: 2 })), fc.boolean())
  .map(([p, value, asKey]) => {
    const doc = structuredClone(rich) as Record<string | number, unknown>
    const path = allPaths[p] as (string | number)[]
    if (path.length === 0) return value
    let parent = doc as Record<string | number, unknown>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
    const last = path[path.length - 1] as string | number
    if (asKey && typeof value === 'string' && !Array.isArray(parent)) {
      const moved = parent[last]
      delete parent[last]
      Object.defineProperty(parent, value, {
        value: moved,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else parent[last] = value
    return doc
  })

describe('the direct schema check', () => {
  it('accepts the rich base document, as the schema does', () => {
    expect(schemaAccepts(rich)).toBe(true)
    expect(fastSchemaCheck(rich)).toBe(true)
  })

  it('agrees with the JSON Schema validator on 3,000 mutated documents', () => {
    let rejected = 0
    fc.assert(
      fc.property(mutation, (value) => {
        const expected = schemaAccepts(value)
        if (!expected) rejected++
        expect(fastSchemaCheck(value)).toBe(expected)
      }),
      { numRuns: 3_000, seed: 42 },
    )
    expect(rejected).toBeGreaterThan(300)
  })
})
