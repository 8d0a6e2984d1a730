import { describe, expect, it } from 'vitest'
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { loadDocument, parseDocument, validateDocument } from './load'
import { saveDocument } from './save'

const minimal = {
  format: 'routilux-flow',
  version: 1,
  id: 'demo',
  routines: [
    { id: 'src', type: 'test.source', config: {} },
    { id: 'dst', type: 'test.sink', config: { keep: true } },
  ],
  connections: [
    { id: 'c1', source: { routine: 'src', event: 'out' }, target: { routine: 'dst', slot: 'in' } },
  ],
}

const descriptors: RoutineTypeDescriptor[] = [
  {
    type: 'test.source',
    title: 'Source',
    category: 'test',
    description: '',
    version: 1,
    slots: [{ name: 'trigger', merge: 'override' }],
    events: [{ name: 'out', params: [] }],
    configSchema: { type: 'object' },
    defaults: {},
    source: 'builtin',
  },
  {
    type: 'test.sink',
    title: 'Sink',
    category: 'test',
    description: '',
    version: 1,
    slots: [{ name: 'in', merge: 'append' }],
    events: [],
    configSchema: { type: 'object' },
    defaults: {},
    source: 'builtin',
  },
]

const codes = (text: string) => parseDocument(text).problems.map((p) => p.code)

describe('loading a document', () => {
  it('fills the optional sections of a minimal document and reports no problem', () => {
    const result = loadDocument(minimal, { descriptors })
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.document).toMatchObject({
      name: 'demo',
      description: '',
      execution: { mode: 'sequential' },
      layout: { positions: {} },
      notes: [],
    })
  })

  it('never mutates the value it is given', () => {
    const input = structuredClone(minimal)
    const result = loadDocument(input)
    expect(input).toEqual(minimal)
    expect(result.document?.routines[1]?.config).not.toBe(input.routines[1]?.config)
  })

  it('reports invalid JSON with a line and column', () => {
    const result = parseDocument('{\n  "format": "routilux-flow",\n  "id": }')
    expect(result.ok).toBe(false)
    expect(result.problems[0]?.code).toBe('DOC_PARSE_ERROR')
    expect(result.problems[0]?.message).toMatch(/line 3/)
  })

  it('rejects non-documents, Python payloads and unknown formats with distinct codes', () => {
    expect(codes('[]')).toEqual(['DOC_NOT_A_DOCUMENT'])
    expect(codes('{"_type":"Flow","flow_id":"x"}')).toEqual(['DOC_PYTHON_PAYLOAD'])
    expect(codes('{"format":"other"}')).toEqual(['DOC_NOT_A_DOCUMENT'])
  })

  it('refuses future and malformed versions, and migrates an unversioned draft', () => {
    expect(loadDocument({ ...minimal, version: 2 }).problems.map((p) => p.code)).toEqual([
      'DOC_VERSION_UNSUPPORTED',
    ])
    expect(loadDocument({ ...minimal, version: '1' }).problems.map((p) => p.code)).toEqual([
      'DOC_VERSION_INVALID',
    ])
    const { version: _, ...unversioned } = minimal
    const result = loadDocument(unversioned)
    expect(result.ok).toBe(true)
    expect(result.migrations).toEqual(['unversioned-to-v1'])
    expect(result.document?.version).toBe(1)
    expect(result.problems.map((p) => [p.severity, p.code])).toEqual([['info', 'DOC_MIGRATED']])
  })

  it('reports schema violations with JSON paths', () => {
    const doc = structuredClone(minimal) as Record<string, unknown>
    ;(doc.routines as Record<string, unknown>[])[1] = { id: 7, type: 'test.sink', config: {} }
    doc.execution = { mode: 'parallel', maxWorkers: 0 }
    const problems = validateDocument(doc)
    expect(problems.map((p) => `${p.location.path} ${p.code}`)).toEqual(
      expect.arrayContaining([
        '$.routines[1].id DOC_SCHEMA',
        '$.execution.mode DOC_SCHEMA',
        '$.execution.maxWorkers DOC_SCHEMA',
      ]),
    )
    expect(problems.find((p) => p.location.path === '$.routines[1].id')?.message).toBe(
      'expected string, got number',
    )
  })

  it('reports missing required fields at the missing key', () => {
    const doc = structuredClone(minimal) as Record<string, unknown>
    ;(doc.connections as Record<string, unknown>[])[0] = { id: 'c1', source: { routine: 'src' }, target: {} }
    const paths = validateDocument(doc).map((p) => p.location.path)
    expect(paths).toEqual(['$.connections[0].source', '$.connections[0].target', '$.connections[0].target'])
    const messages = validateDocument(doc).map((p) => p.message)
    expect(messages).toEqual([
      'missing required field "event"',
      'missing required field "routine"',
      'missing required field "slot"',
    ])
  })

  it('warns about unknown keys and drops them from the loaded document', () => {
    const result = loadDocument({
      ...minimal,
      extra: 1,
      routines: [{ ...minimal.routines[0], color: 'red' }],
    })
    expect(result.problems.map((p) => [p.severity, p.code, p.location.path])).toEqual([
      ['warning', 'DOC_UNKNOWN_KEY', '$.routines[0].color'],
      ['warning', 'DOC_UNKNOWN_KEY', '$.extra'],
      ['error', 'UNKNOWN_ROUTINE', '$.connections[0].target.routine'],
    ])
    expect(result.document && 'extra' in result.document).toBe(false)
  })

  it('finds duplicate ids and dangling connection endpoints', () => {
    const doc = {
      ...minimal,
      routines: [...minimal.routines, { id: 'src', type: 'test.source', config: {} }],
      connections: [
        ...minimal.connections,
        { id: 'c1', source: { routine: 'ghost', event: 'out' }, target: { routine: 'dst', slot: 'in' } },
      ],
      notes: [
        { id: 'n', text: '', x: 0, y: 0, width: 1, height: 1 },
        { id: 'n', text: '', x: 0, y: 0, width: 1, height: 1 },
      ],
    }
    const problems = validateDocument(doc).map((p) => `${p.location.path} ${p.code}`)
    expect(problems).toEqual([
      '$.routines[2].id DUPLICATE_ROUTINE',
      '$.connections[1].id DUPLICATE_CONNECTION',
      '$.connections[1].source.routine UNKNOWN_ROUTINE',
      '$.notes[1].id DUPLICATE_NOTE',
    ])
  })

  it('checks types, events and slots against descriptors', () => {
    const doc = {
      ...minimal,
      routines: [...minimal.routines, { id: 'x', type: 'no.such', config: {}, merge: { in: 'append' } }],
      connections: [
        { id: 'c1', source: { routine: 'src', event: 'nope' }, target: { routine: 'dst', slot: 'in' } },
        { id: 'c2', source: { routine: 'src', event: 'out' }, target: { routine: 'dst', slot: 'nope' } },
        { id: 'c3', source: { routine: 'src', event: 'out' }, target: { routine: 'x', slot: 'anything' } },
      ],
    }
    const problems = validateDocument(doc, { descriptors })
    expect(problems.map((p) => `${p.location.path} ${p.code}`)).toEqual([
      '$.routines[2].type UNKNOWN_TYPE',
      '$.connections[0].source.event UNKNOWN_EVENT',
      '$.connections[1].target.slot UNKNOWN_SLOT',
    ])
    expect(problems[1]?.location).toMatchObject({ connectionId: 'c1', routineId: 'src' })
  })

  it('refuses prototype keys anywhere and prototype names as ids', () => {
    const text = saveDocument(loadDocument(minimal).document ?? fail()).replace(
      '"keep": true',
      '"keep": true, "__proto__": { "polluted": 1 }',
    )
    const result = parseDocument(text)
    expect(result.problems.map((p) => `${p.location.path} ${p.code}`)).toEqual([
      '$.routines[1].config.__proto__ DOC_FORBIDDEN_KEY',
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const renamed = { ...minimal, routines: [{ id: 'constructor', type: 't', config: {} }], connections: [] }
    expect(validateDocument(renamed).map((p) => p.code)).toEqual(['DOC_SCHEMA'])
  })

  it('guards against huge, deep and non-JSON input', () => {
    expect(parseDocument('x'.repeat(101), { limits: { maxLength: 100 } }).problems[0]?.code).toBe(
      'DOC_TOO_LARGE',
    )
    expect(parseDocument(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).problems[0]?.code).toBe(
      'DOC_TOO_DEEP',
    )
    const deep: Record<string, unknown> = {}
    let node = deep
    for (let i = 0; i < 100; i++) {
      node.child = {}
      node = node.child as Record<string, unknown>
    }
    expect(
      loadDocument({ ...minimal, routines: [{ id: 'a', type: 't', config: deep }] }).problems[0]?.code,
    ).toBe('DOC_TOO_DEEP')
    const cyclic: Record<string, unknown> = { ...minimal }
    cyclic.self = cyclic
    expect(loadDocument(cyclic).problems[0]?.code).toBe('DOC_NOT_JSON')
    expect(loadDocument({ ...minimal, id: Number.POSITIVE_INFINITY }).problems[0]?.code).toBe('DOC_NOT_JSON')
    expect(
      codes(
        `{"format":"routilux-flow","version":1,"id":"x","routines":[],"connections":[],"layout":{"positions":{"a":{"x":1e400,"y":0}}}}`,
      ),
    ).toEqual(['DOC_NOT_JSON'])
    expect(loadDocument(new Date()).problems[0]?.code).toBe('DOC_NOT_JSON')
  })
})

function fail(): never {
  throw new Error('expected a document')
}
