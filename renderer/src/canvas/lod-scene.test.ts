import { describe, expect, it } from 'vitest'
import { chainDocument, descriptor } from '../test/fixtures'
import { createFlowMapper } from './flow-mapper'
import { buildLodScene } from './lod-scene'
import { NODE_WIDTH, portOffsetY } from './node-geometry'

const descriptors = new Map([['t.pass', descriptor('t.pass', { slots: ['input'], events: ['output'] })]])
const input = {
  doc: chainDocument(),
  descriptors,
  problems: { routines: new Map([['c', 'error' as const]]), connections: new Map() },
  selection: { routines: new Set(['a']), connections: new Set<string>(), notes: new Set<string>() },
}

describe('low-detail scene', () => {
  it('draws a box per routine with its colour, selection and problem', () => {
    const mapper = createFlowMapper()
    const scene = buildLodScene(mapper.nodes(input), mapper.edges(input))
    expect(scene.boxes.map((b) => [b.x, b.y, b.width, b.selected, b.problem])).toEqual([
      [0, 0, NODE_WIDTH, true, undefined],
      [300, 0, NODE_WIDTH, false, undefined],
      [600, 0, NODE_WIDTH, false, 'error'],
    ])
  })

  it('draws each connection from the event handle to the slot handle', () => {
    const mapper = createFlowMapper()
    const scene = buildLodScene(mapper.nodes(input), mapper.edges(input))
    expect(scene.edges).toHaveLength(2)
    const y = portOffsetY(0)
    expect(scene.edges[0]?.path.startsWith(`M${NODE_WIDTH},${y} C`)).toBe(true)
    expect(scene.edges[0]?.path.endsWith(` 300,${y}`)).toBe(true)
  })
})
