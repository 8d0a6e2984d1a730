import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import { freePosition, itemBoxes } from './boxes'
import { NODE_WIDTH, routineNodeHeight } from './node-geometry'

const descriptors = new Map([['t.pass', descriptor('t.pass')]])

describe('boxes', () => {
  it('sizes routines from their ports without the DOM', () => {
    const { routines } = itemBoxes(chainDocument(), descriptors, ['b'])
    expect(routines).toEqual([{ id: 'b', x: 300, y: 0, width: NODE_WIDTH, height: routineNodeHeight(1, 1) }])
  })

  it('finds a spot that overlaps no routine, or keeps a free one', () => {
    const doc = chainDocument()
    const size = { width: NODE_WIDTH, height: 80 }
    expect(freePosition(doc, descriptors, { x: 0, y: 500 }, size)).toEqual({ x: 0, y: 500 })
    const moved = freePosition(doc, descriptors, { x: 10, y: 10 }, size)
    const { routines } = itemBoxes(doc, descriptors, ['a', 'b', 'c'])
    for (const b of routines) {
      const overlap =
        moved.x < b.x + b.width &&
        moved.x + size.width > b.x &&
        moved.y < b.y + b.height &&
        moved.y + size.height > b.y
      expect(overlap).toBe(false)
    }
  })
})
