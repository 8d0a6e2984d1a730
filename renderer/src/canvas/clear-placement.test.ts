import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import { itemBoxes } from './boxes'
import { clearOfOthers } from './clear-placement'
import { NODE_WIDTH, routineNodeHeight } from './node-geometry'

const descriptors = new Map([['t.pass', descriptor('t.pass')]])
const HEIGHT = routineNodeHeight(1, 1)

describe('clearOfOthers', () => {
  it('keeps a laid-out selection where it is when it overlaps nothing', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 280, y: 0 } }
    expect(clearOfOthers(chainDocument(), descriptors, positions)).toBe(positions)
  })

  it('moves the selection as one block, the shorter way, off a routine it would cover', () => {
    const doc = chainDocument()
    const positions = { a: { x: 0, y: 0 }, b: { x: 560, y: 0 } }
    const out = clearOfOthers(doc, descriptors, positions)
    expect(out).toEqual({ a: { x: 0, y: HEIGHT + 40 }, b: { x: 560, y: HEIGHT + 40 } })
    const placed = { ...doc, layout: { positions: { ...doc.layout.positions, ...out } } }
    const [a, b, c] = itemBoxes(placed, descriptors, ['a', 'b', 'c']).routines
    for (const box of [a, b]) {
      if (!box || !c) throw new Error('missing box')
      const overlap =
        box.x < c.x + NODE_WIDTH && box.x + NODE_WIDTH > c.x && box.y < c.y + HEIGHT && box.y + HEIGHT > c.y
      expect(overlap).toBe(false)
    }
  })

  it('goes right when that is shorter', () => {
    const doc = chainDocument()
    // c and a column of three more routines stand right of a: going down would pass all four.
    const column = ['d', 'e', 'f']
    const tall = {
      ...doc,
      routines: [...doc.routines, ...column.map((id) => ({ id, type: 't.pass', config: {} }))],
      layout: {
        positions: {
          ...doc.layout.positions,
          b: { x: 2000, y: 2000 },
          c: { x: 100, y: 0 },
          ...Object.fromEntries(column.map((id, i) => [id, { x: 100, y: (i + 1) * (HEIGHT + 20) }])),
        },
      },
    }
    expect(clearOfOthers(tall, descriptors, { a: { x: 0, y: 0 } })).toEqual({
      a: { x: 100 + NODE_WIDTH + 40, y: 0 },
    })
  })
})
