import { describe, expect, it } from 'vitest'
import { chainDocument } from '../test/fixtures'
import { addRoutine, moveItems, renameRoutine, setSlotMerge, updateRoutine } from './routine-ops'

describe('routine operations', () => {
  it('adds a routine with a rounded position and refuses a taken id', () => {
    const doc = chainDocument()
    const next = addRoutine(doc, { id: 'd', type: 't.pass', config: { n: 1 } }, { x: 10.4, y: 20.6 })
    expect(next.routines.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(next.layout.positions.d).toEqual({ x: 10, y: 21 })
    expect(addRoutine(next, { id: 'a', type: 't.pass', config: {} }, { x: 0, y: 0 })).toBe(next)
  })

  it('renames a routine together with its connections and position', () => {
    const next = renameRoutine(chainDocument(), 'b', 'middle')
    expect(next.routines.map((r) => r.id)).toEqual(['a', 'middle', 'c'])
    expect(next.connections).toEqual([
      {
        id: 'a.output->middle.input',
        source: { routine: 'a', event: 'output' },
        target: { routine: 'middle', slot: 'input' },
      },
      {
        id: 'middle.output->c.input',
        source: { routine: 'middle', event: 'output' },
        target: { routine: 'c', slot: 'input' },
      },
    ])
    expect(next.layout.positions.middle).toEqual({ x: 300, y: 0 })
    expect(next.layout.positions.b).toBeUndefined()
  })

  it('keeps hand-written connection ids when renaming and refuses a rename onto a taken id', () => {
    const doc = chainDocument()
    const custom = { ...doc, connections: doc.connections.map((c, i) => ({ ...c, id: `link${i}` })) }
    expect(renameRoutine(custom, 'b', 'x').connections.map((c) => c.id)).toEqual(['link0', 'link1'])
    expect(renameRoutine(doc, 'b', 'c')).toBe(doc)
    expect(renameRoutine(doc, 'nope', 'z')).toBe(doc)
  })

  it('returns the same document when a move or update changes nothing', () => {
    const doc = chainDocument()
    expect(moveItems(doc, { a: { x: 0.2, y: -0.3 } })).toBe(doc)
    expect(updateRoutine(doc, 'a', { title: undefined })).toEqual(doc)
    const moved = moveItems(doc, { a: { x: 5, y: 6 } })
    expect(moved.layout.positions.a).toEqual({ x: 5, y: 6 })
    expect(moved.routines).toBe(doc.routines)
  })

  it('sets and clears slot merge overrides and titles', () => {
    const doc = chainDocument()
    const appended = setSlotMerge(doc, 'b', 'input', 'append')
    expect(appended.routines[1]?.merge).toEqual({ input: 'append' })
    expect(setSlotMerge(appended, 'b', 'input', undefined).routines[1]).not.toHaveProperty('merge')
    const titled = updateRoutine(doc, 'a', { title: 'Start' })
    expect(titled.routines[0]?.title).toBe('Start')
    expect(updateRoutine(titled, 'a', { title: '' }).routines[0]).not.toHaveProperty('title')
  })
})
