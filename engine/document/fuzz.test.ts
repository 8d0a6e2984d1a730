/**
 * Robustness: 10,000 malformed or mutated documents (truncated and corrupted text, wrong types,
 * huge numbers, deep nesting, missing fields, unknown versions, prototype keys), plus mutated Python
 * payloads. Each must give coded problems or a valid load — never an exception, never the loader's
 * internal-error code — and whatever loads must analyse, export and save/reload identically.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportD2 } from '../d2/d2-export'
import { analyzeDocument } from './analyze'
import { INTERNAL_ERROR, parseDocument } from './load'
import { importPythonFlow } from './python-import'
import { saveDocument } from './save'
import { orderPipeline, testDescriptors } from './test-fixtures'
import type { Problem } from './types'

const descriptors = testDescriptors
const base = (() => {
  const doc = orderPipeline()
  doc.execution = { mode: 'concurrent', maxWorkers: 2, errorHandler: { strategy: 'retry', maxRetries: 2 } }
  doc.layout.positions = { fetcher: { x: 0, y: 0 }, validator: { x: 300, y: 0 } }
  doc.notes.push({ id: 'n', text: 'note', x: 0, y: -100, width: 200, height: 60 })
  return JSON.parse(saveDocument(doc)) as Record<string, unknown>
})()
const baseText = JSON.stringify(base, null, 2)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Every path (list of keys/indexes) into a JSON value, the root included. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix)
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) paths(v, [...prefix, i], out)
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out)
  return out
}
const allPaths = paths(base)

function deep(depth: number): Json {
  let value: Json = 1
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value }
  return value
}

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    '',
    ' ',
    '__proto__',
    [],
    {},
  ),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(deep(200)),
  fc.constant(deep(40)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
)

/** A structural mutation of the parsed base document. */
const valueMutation = fc
  .tuple(
    fc.nat(allPaths.length - 1),
    fc.constantFrom('set', 'delete', 'rename', 'proto', 'extra'),
    hostileValue,
  )
  .map(([p, kind, value]) => {
    const doc = structuredClone(base) as Json
    const path = allPaths[p] as (string | number)[]
    if (path.length === 0) return JSON.stringify(kind === 'set' ? value : doc)
    let parent = doc as Record<string | number, Json>
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>
    const last = path[path.length - 1] as string | number
    if (kind === 'set') parent[last] = value
    else if (kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(last as number, 1)
      else delete parent[last]
    } else if (kind === 'rename' && !Array.isArray(parent)) {
      const moved = parent[last] as Json
      delete parent[last]
      parent[`${String(last)}_x`] = moved
    } else if (kind === 'extra' && parent && typeof parent === 'object' && !Array.isArray(parent)) {
      parent.unexpected = value
    } else if (kind === 'proto') {
      return JSON.stringify(doc).replace(`"${String(last)}"`, '"__proto__"')
    }
    return JSON.stringify(doc)
  })

/** A textual corruption of the base document. */
const textMutation = fc.oneof(
  fc.nat(baseText.length).map((n) => baseText.slice(0, n)),
  fc
    .tuple(fc.nat(baseText.length), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }))
    .map(([n, s]) => baseText.slice(0, n) + s + baseText.slice(n)),
  fc.tuple(fc.nat(baseText.length), fc.nat(20)).map(([n, k]) => baseText.slice(0, n) + baseText.slice(n + k)),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '"text"',
    '{}',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    baseText.replace('"version": 1', '"version": 99'),
    baseText.replace('"version": 1', '"version": 0'),
    baseText.replace('"version": 1', '"version": 1e999'),
    baseText.replace('"maxWorkers": 2', '"maxWorkers": 123456789012345678901234567890'),
    baseText.replace('"x": 300', '"x": -1e400'),
    baseText.replace('"format": "routilux-flow",', ''),
    baseText.replace('"config": {', '"config": {"__proto__": {"polluted": true},'),
    baseText.replace('"id": "fetcher"', '"id": 12'),
  ),
)

function expectCoded(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.code).toMatch(/^[A-Z][A-Z0-9_]*$/)
    expect(p.code).not.toBe(INTERNAL_ERROR)
    expect(p.location.path.startsWith('$')).toBe(true)
    expect(['error', 'warning', 'info']).toContain(p.severity)
    expect(typeof p.message).toBe('string')
  }
}

function checkOne(text: string): void {
  const result = parseDocument(text, { descriptors })
  expectCoded(result.problems)
  if (!result.document) {
    expect(result.ok).toBe(false)
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true)
    return
  }
  expect(result.ok).toBe(!result.problems.some((p) => p.severity === 'error'))
  expectCoded(analyzeDocument(result.document, { descriptors }).problems)
  expect(typeof exportD2(result.document, { descriptors, style: 'detailed' })).toBe('string')
  const saved = saveDocument(result.document)
  const again = parseDocument(saved, { descriptors })
  expect(again.document && saveDocument(again.document)).toBe(saved)
}

describe('robustness of the loader', () => {
  it('survives 10,000 malformed and mutated documents with coded problems or a valid load', () => {
    fc.assert(
      fc.property(fc.oneof(valueMutation, textMutation), (text) => {
        checkOne(text)
      }),
      { numRuns: 9_000, seed: 20_260_205 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 120_000)

  it('survives 1,000 mutated Python payloads', () => {
    const payload = {
      _type: 'Flow',
      flow_id: 'f',
      execution_strategy: 'concurrent',
      max_workers: 3,
      routines: {
        a: {
          _type: 'Src',
          _config: {},
          _slots: { trigger: { name: 'trigger' } },
          _events: { out: { name: 'out' } },
        },
        r: {
          _type: 'ConditionalRouter',
          _config: { routes: [['hi', "data.get('v', 0) > 1"]] },
          _slots: { input: { name: 'input', merge_strategy: 'append' } },
          _events: { output: { name: 'output' } },
          _error_handler: { strategy: 'retry', max_retries: 2, retry_delay: 0.5 },
        },
      },
      connections: [{ _type: 'Connection', _source_event_name: 'out', _target_slot_name: 'input' }],
    }
    const pyPaths = paths(payload)
    fc.assert(
      fc.property(fc.nat(pyPaths.length - 1), hostileValue, (p, value) => {
        const copy = structuredClone(payload) as Json
        const path = pyPaths[p] as (string | number)[]
        let target = copy as Record<string | number, Json>
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, Json>
        if (path.length > 0) target[path[path.length - 1] as string | number] = value
        const result = importPythonFlow(path.length === 0 ? value : copy, { descriptors })
        expectCoded(result.problems)
        if (result.document) expect(saveDocument(result.document).endsWith('\n')).toBe(true)
      }),
      { numRuns: 1_000, seed: 20_260_206 },
    )
  }, 60_000)
})
