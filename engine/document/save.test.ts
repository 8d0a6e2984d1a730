import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findJsonError } from './json-error'
import { loadDocument, parseDocument } from './load'
import { createDocument, newDocumentId, saveDocument } from './save'
import { FLOW_SCHEMA_ID, flowDocumentSchema } from './schema'
import type { FlowDocument } from './types'

function sampleDocument(): FlowDocument {
  const doc = createDocument('orders', 'Orders')
  doc.$schema = undefined
  doc.routines.push(
    { config: { b: 1, a: { z: 1, y: [2, 1] } }, type: 'x.b', id: 'second', title: 'Second' },
    { type: 'x.a', id: 'first', config: {}, merge: { z: 'append', a: 'override' } },
  )
  doc.connections.push({
    target: { slot: 'in', routine: 'first' },
    id: 'c',
    source: { event: 'out', routine: 'second' },
  })
  doc.layout.positions = { ghost: { x: 0, y: 0 }, first: { y: 2, x: 1 }, second: { x: 3, y: 4 } }
  doc.execution = { errorHandler: { retryDelayMs: 5, strategy: 'retry' }, mode: 'concurrent', maxWorkers: 4 }
  return doc
}

describe('saving a document', () => {
  it('writes a stable key order, two-space indentation and a trailing newline', () => {
    const text = saveDocument(sampleDocument())
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe(`  "$schema": "${FLOW_SCHEMA_ID}",`)
    const parsed = JSON.parse(text)
    expect(Object.keys(parsed)).toEqual([
      '$schema',
      'format',
      'version',
      'id',
      'name',
      'description',
      'execution',
      'routines',
      'connections',
      'layout',
      'notes',
    ])
    expect(Object.keys(parsed.execution)).toEqual(['mode', 'maxWorkers', 'errorHandler'])
    expect(Object.keys(parsed.execution.errorHandler)).toEqual(['strategy', 'retryDelayMs'])
    expect(Object.keys(parsed.routines[0])).toEqual(['id', 'type', 'title', 'config'])
    expect(Object.keys(parsed.routines[1].merge)).toEqual(['a', 'z'])
    expect(Object.keys(parsed.connections[0])).toEqual(['id', 'source', 'target'])
    expect(Object.keys(parsed.connections[0].source)).toEqual(['routine', 'event'])
  })

  it('keeps routines and connections in document order and config keys in the user order', () => {
    const parsed = JSON.parse(saveDocument(sampleDocument()))
    expect(parsed.routines.map((r: { id: string }) => r.id)).toEqual(['second', 'first'])
    expect(JSON.stringify(parsed.routines[0].config)).toBe('{"b":1,"a":{"z":1,"y":[2,1]}}')
  })

  it('lists positions in routine order and drops positions of missing routines', () => {
    const parsed = JSON.parse(saveDocument(sampleDocument()))
    expect(parsed.layout.positions).toEqual({ second: { x: 3, y: 4 }, first: { x: 1, y: 2 } })
    expect(Object.keys(parsed.layout.positions)).toEqual(['second', 'first'])
  })

  it('round-trips: load(save(doc)) saves to the same bytes', () => {
    const once = saveDocument(sampleDocument())
    const loaded = parseDocument(once)
    expect(loaded.problems).toEqual([])
    expect(saveDocument(loaded.document as FlowDocument)).toBe(once)
  })

  it('keeps a schema reference the document already names', () => {
    const doc = { ...sampleDocument(), $schema: '../flow.schema.json' }
    expect(JSON.parse(saveDocument(doc)).$schema).toBe('../flow.schema.json')
  })

  it('writes a document the loader accepts from an empty start', () => {
    expect(loadDocument(JSON.parse(saveDocument(createDocument('empty')))).ok).toBe(true)
  })

  it('starts new documents with a fresh id unless one is given', () => {
    const a = createDocument()
    const b = createDocument(undefined, 'Untitled flow')
    expect(a.id).toMatch(/^flow_[0-9a-f]{8}$/)
    expect(b).toMatchObject({ id: expect.stringMatching(/^flow_[0-9a-f]{8}$/), name: 'Untitled flow' })
    expect(a.id).not.toBe(b.id)
    expect(newDocumentId()).not.toBe(newDocumentId())
    expect(createDocument('orders', 'Orders')).toMatchObject({ id: 'orders', name: 'Orders', routines: [] })
    expect(loadDocument(JSON.parse(saveDocument(a))).ok).toBe(true)
  })
})

describe('the published schema', () => {
  it('equals resources/flow.schema.json (regenerate with `routilux schema -o resources/flow.schema.json`)', () => {
    const file = readFileSync(new URL('../../resources/flow.schema.json', import.meta.url), 'utf8')
    expect(file).toBe(`${JSON.stringify(flowDocumentSchema, null, 2)}\n`)
  })
})

describe('locating JSON syntax errors', () => {
  it.each([
    ['{"a": }', 1, 7, 'expected a value'],
    ['{\n  "a": 1,\n}', 3, 1, 'expected a property name'],
    ['[1 2]', 1, 4, 'expected "," or "]"'],
    ['{"a": "x\ny"}', 1, 9, 'control character'],
    ['{"a": 1} x', 1, 10, 'unexpected text after'],
    ['"\\q"', 1, 2, 'invalid escape'],
    ['{"a": tru}', 1, 7, 'expected a value'],
    ['', 1, 1, 'unexpected end'],
  ])('%j fails at line %i column %i', (text, line, column, message) => {
    const error = findJsonError(text)
    expect(error).toMatchObject({ line, column })
    expect(error?.message).toContain(message)
  })

  it('accepts valid JSON', () => {
    expect(findJsonError('{"a": [1, -2.5e3, true, null, "\\u00e9"], "b": {}}')).toBeUndefined()
  })
})
