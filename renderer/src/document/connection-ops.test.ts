import { describe, expect, it } from 'vitest'
import { chainDocument } from '../test/fixtures'
import { connect, reconnect, removeItems } from './connection-ops'

describe('connection operations', () => {
  it('connects an event to a slot with a readable id and refuses duplicates', () => {
    const doc = chainDocument()
    const ends = { source: { routine: 'a', event: 'output' }, target: { routine: 'c', slot: 'input' } }
    const next = connect(doc, ends)
    expect(next.connections.at(-1)).toEqual({ id: 'a.output->c.input', ...ends })
    expect(connect(next, ends)).toBe(next)
  })

  it('refuses connections to routines that do not exist', () => {
    const doc = chainDocument()
    expect(
      connect(doc, { source: { routine: 'a', event: 'output' }, target: { routine: 'zz', slot: 'input' } }),
    ).toBe(doc)
  })

  it('removes a routine with its connections and position', () => {
    const next = removeItems(chainDocument(), { routines: ['b'] })
    expect(next.routines.map((r) => r.id)).toEqual(['a', 'c'])
    expect(next.connections).toEqual([])
    expect(Object.keys(next.layout.positions)).toEqual(['a', 'c'])
  })

  it('removes only the named connections and returns the same document when nothing matches', () => {
    const doc = chainDocument()
    expect(removeItems(doc, { connections: ['a.output->b.input'] }).connections.map((c) => c.id)).toEqual([
      'b.output->c.input',
    ])
    expect(removeItems(doc, { connections: ['nope'], routines: ['nope'] })).toBe(doc)
  })

  it('moves a connection end and renames its editor-made id', () => {
    const next = reconnect(chainDocument(), 'a.output->b.input', {
      source: { routine: 'a', event: 'output' },
      target: { routine: 'c', slot: 'input' },
    })
    expect(next.connections.map((c) => c.id)).toEqual(['b.output->c.input', 'a.output->c.input'])
  })
})
