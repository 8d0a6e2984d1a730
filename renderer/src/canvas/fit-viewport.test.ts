import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import { createFlowMapper } from './flow-mapper'
import { fitViewport } from './useViewportSync'

const descriptors = new Map([['t.pass', descriptor('t.pass')]])
const empty = { routines: new Map(), connections: new Map() }
const none = { routines: new Set<string>(), connections: new Set<string>(), notes: new Set<string>() }

describe('fit viewport', () => {
  it('shows every node inside the canvas', () => {
    const nodes = createFlowMapper().nodes({
      doc: chainDocument(),
      descriptors,
      problems: empty,
      selection: none,
    })
    const { x, y, zoom } = fitViewport(nodes, 400, 300, 0.01)
    for (const n of nodes) {
      const left = n.position.x * zoom + x
      const right = (n.position.x + (n.width ?? 0)) * zoom + x
      const top = n.position.y * zoom + y
      const bottom = (n.position.y + (n.height ?? 0)) * zoom + y
      expect(left).toBeGreaterThanOrEqual(0)
      expect(right).toBeLessThanOrEqual(400)
      expect(top).toBeGreaterThanOrEqual(0)
      expect(bottom).toBeLessThanOrEqual(300)
    }
    expect(zoom).toBeLessThan(1)
  })

  it('keeps 100 % for an empty flow or an unmeasured canvas', () => {
    expect(fitViewport([], 400, 300, 0.01)).toEqual({ x: 0, y: 0, zoom: 1 })
  })
})
