import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import type { StudioStore } from './state'
import { createStudioStore } from './studio-store'

function storeWithChain(): StudioStore {
  const store = createStudioStore()
  store.getState().setRegistry({
    descriptors: [
      descriptor('t.pass', { slots: ['input'], events: ['output'] }),
      descriptor(
        'text.clipper',
        { slots: ['input'], events: ['output', 'clipped'] },
        { defaults: { max: 10 } },
      ),
    ],
    problems: [],
  })
  store.getState().loadDocument({
    doc: chainDocument(),
    path: 'chain.routilux.json',
    name: 'chain',
    modifiedAt: 1,
    problems: [],
  })
  return store
}

describe('editing through the store', () => {
  it('adds routines with unique ids and the type defaults, one undo step each', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    expect(s().addRoutine('text.clipper', { x: 0, y: 300 })).toBe('clipper')
    expect(s().addRoutine('text.clipper', { x: 0, y: 400 })).toBe('clipper_2')
    expect(s().doc.routines.find((r) => r.id === 'clipper')?.config).toEqual({ max: 10 })
    expect([...s().selection.routines]).toEqual(['clipper_2'])
    expect(s().doc !== s().savedDoc).toBe(true)
    s().undo()
    expect(s().doc.routines.map((r) => r.id)).toEqual(['a', 'b', 'c', 'clipper'])
    expect(s().selection.routines.size).toBe(0)
    s().undo()
    expect(s().doc).toBe(s().savedDoc)
    s().redo()
    s().redo()
    expect(s().doc.routines).toHaveLength(5)
  })

  it('wires a routine added from a dropped connection to the port it was dragged from', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    const fromEvent = s().addRoutine('text.clipper', { x: 0, y: 0 }, { routine: 'c', event: 'output' })
    expect(s().doc.connections.at(-1)).toMatchObject({
      source: { routine: 'c', event: 'output' },
      target: { routine: fromEvent, slot: 'input' },
    })
    const fromSlot = s().addRoutine('t.pass', { x: 0, y: 0 }, { routine: 'a', slot: 'input' })
    expect(s().doc.connections.at(-1)).toMatchObject({
      source: { routine: fromSlot, event: 'output' },
      target: { routine: 'a', slot: 'input' },
    })
    s().undo()
    expect(s().doc.routines.some((r) => r.id === fromSlot)).toBe(false)
    expect(s().doc.connections.some((c) => c.target.routine === 'a')).toBe(false)
  })

  it('refuses duplicate connections and tells the user', () => {
    const store = storeWithChain()
    const ends = { source: { routine: 'a', event: 'output' }, target: { routine: 'b', slot: 'input' } }
    expect(store.getState().connectPorts(ends)).toBe(false)
    expect(store.getState().toasts.at(-1)?.message).toMatch(/already connected/)
  })

  it('records a whole drag as one undo step', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    for (let x = 1; x <= 20; x++) s().moveDuringDrag({ a: { x, y: x } })
    s().endMove()
    expect(s().doc.layout.positions.a).toEqual({ x: 20, y: 20 })
    expect(s().history.past).toHaveLength(1)
    s().undo()
    expect(s().doc.layout.positions.a).toEqual({ x: 0, y: 0 })
  })

  it('coalesces typing in one field into one step', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    for (const title of ['S', 'St', 'Sta', 'Start']) s().updateRoutine('a', { title }, 'title:a')
    expect(s().history.past).toHaveLength(1)
    s().undo()
    expect(s().doc.routines[0]?.title).toBeUndefined()
  })

  it('renames a routine, keeping it selected, and refuses taken or malformed ids', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    s().select({ routines: ['b'] })
    expect(s().renameRoutine('b', 'c')).toMatch(/already used/)
    expect(s().renameRoutine('b', 'bad id')).toBeDefined()
    expect(s().renameRoutine('b', 'middle')).toBeUndefined()
    expect([...s().selection.routines]).toEqual(['middle'])
    expect(s().doc.connections.map((c) => c.id)).toEqual(['a.output->middle.input', 'middle.output->c.input'])
  })

  it('keeps a renamed routine and its selected connection selected through undo and redo', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    s().select({ routines: ['b'], connections: ['a.output->b.input'] })
    expect(s().renameRoutine('b', 'middle')).toBeUndefined()
    s().undo()
    expect([...s().selection.routines]).toEqual(['b'])
    expect([...s().selection.connections]).toEqual(['a.output->b.input'])
    s().redo()
    expect([...s().selection.routines]).toEqual(['middle'])
    expect([...s().selection.connections]).toEqual(['a.output->middle.input'])
  })

  it('copies and pastes a connected pair with renamed ids and the connection kept', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    s().select({ routines: ['a', 'b'] })
    const text = s().copySelection()
    expect(text).toBeDefined()
    expect(s().paste(text ?? '', { x: 50, y: 500 })).toBe(true)
    expect(s().doc.routines.map((r) => r.id)).toEqual(['a', 'b', 'c', 'a_2', 'b_2'])
    expect(s().doc.connections.at(-1)?.id).toBe('a_2.output->b_2.input')
    expect([...s().selection.routines]).toEqual(['a_2', 'b_2'])
    expect(s().paste('not json', { x: 0, y: 0 })).toBe(false)
  })

  it('cuts, deletes and duplicates the selection', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    s().select({ routines: ['c'] })
    s().duplicateSelection()
    expect(s().doc.layout.positions.c_2).toEqual({ x: 640, y: 40 })
    s().select({ routines: ['b'] })
    expect(s().cutSelection()).toContain('"b"')
    expect(s().doc.routines.map((r) => r.id)).toEqual(['a', 'c', 'c_2'])
    expect(s().doc.connections).toEqual([])
    s().select({ routines: ['a', 'c'] })
    s().deleteSelection()
    expect(s().doc.routines.map((r) => r.id)).toEqual(['c_2'])
  })

  it('aligns the selection in one step', () => {
    const store = storeWithChain()
    const s = () => store.getState()
    s().moveItems('Move', { b: { x: 300, y: 90 } })
    s().select({ routines: ['a', 'b', 'c'] })
    s().align('top')
    expect(Object.values(s().doc.layout.positions).map((p) => p.y)).toEqual([0, 0, 0])
    s().undo()
    expect(s().doc.layout.positions.b).toEqual({ x: 300, y: 90 })
  })
})
