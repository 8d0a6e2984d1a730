import { describe, expect, it } from 'vitest'
import { chainDocument } from '../test/fixtures'
import { extractFragment, insertFragment, parseFragment, serializeFragment } from './fragment'

describe('fragments (copy/paste)', () => {
  it('keeps only connections inside the selection', () => {
    const fragment = extractFragment(chainDocument(), ['a', 'b'])
    expect(fragment.routines.map((r) => r.id)).toEqual(['a', 'b'])
    expect(fragment.connections.map((c) => c.id)).toEqual(['a.output->b.input'])
  })

  it('round-trips through clipboard text and rejects other text', () => {
    const fragment = extractFragment(chainDocument(), ['a', 'b'])
    expect(parseFragment(serializeFragment(fragment))).toEqual(fragment)
    expect(parseFragment('hello')).toBeUndefined()
    expect(parseFragment('{"format":"routilux-fragment","version":1,"routines":[{"id":1}]}')).toBeUndefined()
  })

  it('pastes the routines, connections and notes of a whole flow document', () => {
    const doc = chainDocument()
    const fragment = parseFragment(JSON.stringify(doc))
    expect(fragment?.routines.map((r) => r.id)).toEqual(doc.routines.map((r) => r.id))
    expect(fragment?.connections).toEqual(doc.connections)
    expect(fragment?.positions).toEqual(doc.layout.positions)
    expect(parseFragment(JSON.stringify({ ...doc, routines: [{ id: 1 }] }))).toBeUndefined()
  })

  it('gives a pasted routine whose id the format refuses an id from its type', () => {
    const text = JSON.stringify({
      format: 'routilux-fragment',
      version: 1,
      routines: [{ id: 'bad id!', type: 'text.clipper', config: {} }],
      connections: [],
      positions: {},
      notes: [],
    })
    const fragment = parseFragment(text)
    if (!fragment) throw new Error('fragment not read')
    expect(insertFragment(chainDocument(), fragment, { x: 0, y: 0 }).routineIds).toEqual(['clipper'])
  })

  it('renames colliding ids, rewires internal connections and places the top-left at the cursor', () => {
    const doc = chainDocument()
    const fragment = extractFragment(doc, ['a', 'b'])
    const result = insertFragment(doc, fragment, { x: 1000, y: 500 })
    expect(result.routineIds).toEqual(['a_2', 'b_2'])
    expect(result.doc.connections.at(-1)).toEqual({
      id: 'a_2.output->b_2.input',
      source: { routine: 'a_2', event: 'output' },
      target: { routine: 'b_2', slot: 'input' },
    })
    expect(result.doc.layout.positions.a_2).toEqual({ x: 1000, y: 500 })
    expect(result.doc.layout.positions.b_2).toEqual({ x: 1300, y: 500 })
    const twice = insertFragment(result.doc, fragment, { x: 0, y: 0 })
    expect(twice.routineIds).toEqual(['a_3', 'b_3'])
  })

  it('keeps ids that are free in the target document', () => {
    const source = chainDocument()
    const target = { ...source, routines: [], connections: [], layout: { positions: {} } }
    const result = insertFragment(target, extractFragment(source, ['b', 'c']), { x: 0, y: 0 })
    expect(result.routineIds).toEqual(['b', 'c'])
    expect(result.connectionIds).toEqual(['b.output->c.input'])
  })
})
