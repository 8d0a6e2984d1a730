import { describe, expect, it } from 'vitest'
import { createStudioStore } from '../store/studio-store'
import { chainDocument, descriptor } from '../test/fixtures'
import { applyNodeChanges } from './node-changes'

function store() {
  const s = createStudioStore()
  s.getState().setRegistry({ descriptors: [descriptor('t.pass')], problems: [] })
  const doc = { ...chainDocument(), notes: [{ id: 'n', text: '', x: 0, y: 300, width: 200, height: 100 }] }
  s.getState().loadDocument({ doc, path: null, name: 'chain', modifiedAt: null, problems: [] })
  return s
}

describe('node changes from the canvas', () => {
  it('turns a whole drag of two routines into one undo step', () => {
    const s = store()
    for (let i = 1; i <= 10; i++) {
      applyNodeChanges(s, [
        { type: 'position', id: 'a', position: { x: i, y: 0 }, dragging: true },
        { type: 'position', id: 'b', position: { x: 300 + i, y: 0 }, dragging: true },
      ])
    }
    expect(s.getState().history.past).toHaveLength(0)
    applyNodeChanges(s, [{ type: 'position', id: 'a', position: { x: 10, y: 0 }, dragging: false }])
    expect(s.getState().history.past).toHaveLength(1)
    expect(s.getState().doc.layout.positions.b).toEqual({ x: 310, y: 0 })
    s.getState().undo()
    expect(s.getState().doc.layout.positions.a).toEqual({ x: 0, y: 0 })
    expect(s.getState().doc.layout.positions.b).toEqual({ x: 300, y: 0 })
  })

  it('records a note resize (with its corner moving) as one step when it ends', () => {
    const s = store()
    for (let i = 1; i <= 5; i++) {
      applyNodeChanges(s, [
        { type: 'position', id: 'note:n', position: { x: -i, y: 300 } },
        { type: 'dimensions', id: 'note:n', dimensions: { width: 200 + i, height: 100 }, resizing: true },
      ])
    }
    expect(s.getState().history.past).toHaveLength(0)
    applyNodeChanges(s, [
      { type: 'dimensions', id: 'note:n', dimensions: { width: 205, height: 100 }, resizing: false },
    ])
    expect(s.getState().history.past).toHaveLength(1)
    expect(s.getState().doc.notes[0]).toMatchObject({ x: -5, width: 205 })
  })

  it('keeps the selection in the store, routines and notes apart', () => {
    const s = store()
    applyNodeChanges(s, [
      { type: 'select', id: 'a', selected: true },
      { type: 'select', id: 'note:n', selected: true },
    ])
    expect([...s.getState().selection.routines]).toEqual(['a'])
    expect([...s.getState().selection.notes]).toEqual(['n'])
    expect(s.getState().history.past).toHaveLength(0)
  })
})
