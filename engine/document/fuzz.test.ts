/**
 * Robustness: 10,000 malformed or mutated documents — 9,000 distinct mutated flow documents
 * (truncated and corrupted text, one to three structural changes: wrong types, huge numbers, deep
 * nesting, missing fields, unknown versions, prototype keys) and 1,000 mutated Python payloads. Each
 * must give coded problems or a valid load — never an exception, never the loader's internal-error
 * code — and whatever loads must analyse, export and save/reload identically (checked once per
 * distinct saved form: all three are pure functions of it).
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

type Mutation = readonly [path: number, kind: 'set' | 'delete' | 'rename' | 'proto' | 'extra', value: Json]

/** Applies one mutation to `doc` in place and returns the document, or its final JSON text (a key rewritten as `__proto__`). */
function mutate(doc: Json, [p, kind, value]: Mutation): { doc: Json } | { text: string } {
  const path = allPaths[p] as (string | number)[]
  if (path.length === 0) return { doc: kind === 'set' ? value : doc }
  let parent = doc as Record<string | number, Json> | null
  for (const key of path.slice(0, -1)) {
    // An earlier mutation may have removed or replaced this branch.
    if (parent === null || typeof parent !== 'object') return { doc }
    parent = parent[key] as Record<string | number, Json>
  }
  if (parent === null || typeof parent !== 'object') return { doc }
  const last = path[path.length - 1] as string | number
  if (kind === 'set') parent[last] = value
  else if (kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1)
    else delete parent[last]
  } else if (kind === 'rename' && !Array.isArray(parent)) {
    const moved = parent[last] as Json
    delete parent[last]
    parent[`${String(last)}_x`] = moved
  } else if (kind === 'extra' && !Array.isArray(parent)) {
    parent.unexpected = value
  } else if (kind === 'proto') {
    return { text: JSON.stringify(doc).replace(`"${String(last)}"`, '"__proto__"') }
  }
  return { doc }
}

/** One to three structural mutations of the parsed base document. */
const valueMutation = fc
  .array(
    fc.tuple(
      fc.nat(allPaths.length - 1),
      fc.constantFrom('set', 'delete', 'rename', 'proto', 'extra') as fc.Arbitrary<Mutation[1]>,
      hostileValue,
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((mutations) => {
    let doc = structuredClone(base) as Json
    for (const m of mutations) {
      const next = mutate(doc, m)
      if ('text' in next) return next.text
      doc = next.doc
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

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info'])

/**
 * Every problem is coded data with a JSON path, never the loader's internal-error code. Plain checks
 * rather than `expect` per field: this runs for every problem of 10,000 documents.
 */
function checkCoded(problems: readonly Problem[]): void {
  for (const p of problems) {
    const ok =
      /^[A-Z][A-Z0-9_]*$/.test(p.code) &&
      p.code !== INTERNAL_ERROR &&
      p.location.path.startsWith('$') &&
      SEVERITIES.has(p.severity) &&
      typeof p.message === 'string'
    if (!ok) throw new Error(`not a coded problem: ${JSON.stringify(p)}`)
  }
}

/** Saved forms of the documents already analysed, exported and reloaded (all pure functions of it). */
const checkedDocuments = new Set<string>()

function checkOne(text: string): void {
  const result = parseDocument(text, { descriptors })
  checkCoded(result.problems)
  const hasError = result.problems.some((p) => p.severity === 'error')
  if (!result.document) {
    if (result.ok || !hasError)
      throw new Error(`no document but no error: ${JSON.stringify(result.problems)}`)
    return
  }
  if (result.ok === hasError)
    throw new Error(`ok is ${result.ok} with problems ${JSON.stringify(result.problems)}`)
  const saved = saveDocument(result.document)
  if (checkedDocuments.has(saved)) return
  checkedDocuments.add(saved)
  checkCoded(analyzeDocument(result.document, { descriptors }).problems)
  expect(typeof exportD2(result.document, { descriptors, style: 'detailed' })).toBe('string')
  const again = parseDocument(saved, { descriptors })
  expect(again.document && saveDocument(again.document)).toBe(saved)
}

describe('robustness of the loader', () => {
  it('survives 10,000 malformed and mutated documents with coded problems or a valid load', () => {
    // 9,000 distinct texts here (a repeat is skipped, not counted) and 1,000 Python payloads below.
    const seen = new Set<string>()
    fc.assert(
      fc.property(fc.oneof(valueMutation, textMutation), (text) => {
        fc.pre(!seen.has(text))
        seen.add(text)
        checkOne(text)
      }),
      { numRuns: 9_000, seed: 20_260_205 },
    )
    expect(seen.size).toBe(9_000)
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
        checkCoded(result.problems)
        if (result.document) expect(saveDocument(result.document).endsWith('\n')).toBe(true)
      }),
      { numRuns: 1_000, seed: 20_260_206 },
    )
  }, 60_000)
})
