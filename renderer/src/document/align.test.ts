import { describe, expect, it } from 'vitest'
import { alignBoxes, distributeBoxes } from './align'

const boxes = [
  { id: 'a', x: 0, y: 0, width: 100, height: 50 },
  { id: 'b', x: 300, y: 40, width: 50, height: 100 },
  { id: 'c', x: 120, y: 200, width: 100, height: 20 },
]

describe('align and distribute', () => {
  it('aligns left, right, centre and middle edges', () => {
    expect(alignBoxes(boxes, 'left')).toEqual({ a: { x: 0, y: 0 }, b: { x: 0, y: 40 }, c: { x: 0, y: 200 } })
    expect(alignBoxes(boxes, 'right').b).toEqual({ x: 300, y: 40 })
    expect(alignBoxes(boxes, 'right').a).toEqual({ x: 250, y: 0 })
    expect(alignBoxes(boxes, 'center').c).toEqual({ x: 125, y: 200 })
    expect(alignBoxes(boxes, 'bottom').a).toEqual({ x: 0, y: 170 })
    expect(alignBoxes(boxes, 'middle').c).toEqual({ x: 120, y: 100 })
  })

  it('distributes with equal gaps, leaving the outer boxes in place', () => {
    const out = distributeBoxes(boxes, 'horizontal')
    expect(out.a).toEqual({ x: 0, y: 0 })
    expect(out.b).toEqual({ x: 300, y: 40 })
    expect(out.c).toEqual({ x: 150, y: 200 })
    expect(distributeBoxes(boxes.slice(0, 2), 'vertical')).toEqual({})
  })
})
