import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import { buildElkGraph } from './elk-graph'
import { computeLayout } from './elk-layout'

const descriptors = new Map([['t.pass', descriptor('t.pass', { slots: ['input'], events: ['output'] })]])

describe('auto-layout', () => {
  it('builds a port-aware graph: slots west, events east, edges port to port', () => {
    const graph = buildElkGraph(chainDocument(), descriptors)
    expect(graph.children?.map((c) => c.id)).toEqual(['a', 'b', 'c'])
    const ports = graph.children?.[0]?.ports ?? []
    expect(ports.map((p) => p.layoutOptions?.['elk.port.side'])).toEqual(['WEST', 'EAST'])
    expect(graph.edges?.[0]).toMatchObject({
      sources: ['a\u0000e\u0000output'],
      targets: ['b\u0000s\u0000input'],
    })
  })

  it('lays a chain out left to right', async () => {
    const doc = chainDocument()
    const reversed = {
      ...doc,
      layout: { positions: { a: { x: 900, y: 0 }, b: { x: 0, y: 300 }, c: { x: 400, y: 50 } } },
    }
    const positions = await computeLayout(reversed, descriptors)
    expect(positions.a?.x).toBeLessThan(positions.b?.x ?? 0)
    expect(positions.b?.x).toBeLessThan(positions.c?.x ?? 0)
  })

  it('lays out only a selection, keeping its top-left corner', async () => {
    const doc = chainDocument()
    const moved = {
      ...doc,
      layout: { positions: { a: { x: 0, y: 0 }, b: { x: 1000, y: 500 }, c: { x: 700, y: 800 } } },
    }
    const positions = await computeLayout(moved, descriptors, new Set(['b', 'c']))
    expect(Object.keys(positions).sort()).toEqual(['b', 'c'])
    expect(Math.min(positions.b?.x ?? 0, positions.c?.x ?? 0)).toBe(700)
    expect(Math.min(positions.b?.y ?? 0, positions.c?.y ?? 0)).toBe(500)
    expect(positions.b?.x).toBeLessThan(positions.c?.x ?? 0)
  })
})
