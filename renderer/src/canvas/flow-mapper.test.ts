import { describe, expect, it } from 'vitest'
import { moveItems, setRoutineConfig } from '../document/routine-ops'
import { chainDocument, descriptor } from '../test/fixtures'
import { createFlowMapper, type MapInput, type RoutineNodeType } from './flow-mapper'
import { routineNodeHeight } from './node-geometry'

const descriptors = new Map([['t.pass', descriptor('t.pass', { slots: ['input'], events: ['output'] })]])
const noProblems = { routines: new Map(), connections: new Map() }
const noSelection = { routines: new Set<string>(), connections: new Set<string>(), notes: new Set<string>() }

function input(overrides: Partial<MapInput> = {}): MapInput {
  return { doc: chainDocument(), descriptors, problems: noProblems, selection: noSelection, ...overrides }
}

describe('flow mapper', () => {
  it('maps routines to routine nodes with ports and connections to handle-to-handle edges', () => {
    const mapper = createFlowMapper()
    const nodes = mapper.nodes(input()) as RoutineNodeType[]
    expect(nodes.map((n) => [n.id, n.type, n.position])).toEqual([
      ['a', 'routine', { x: 0, y: 0 }],
      ['b', 'routine', { x: 300, y: 0 }],
      ['c', 'routine', { x: 600, y: 0 }],
    ])
    expect(nodes[0]?.data.slots.map((s) => s.name)).toEqual(['input'])
    expect(nodes[0]?.height).toBe(routineNodeHeight(1, 1))
    const edges = mapper.edges(input())
    expect(edges[0]).toMatchObject({
      id: 'a.output->b.input',
      source: 'a',
      target: 'b',
      sourceHandle: 'e:output',
      targetHandle: 's:input',
    })
  })

  it('returns the same node objects for routines a change did not touch', () => {
    const mapper = createFlowMapper()
    const doc = chainDocument()
    const first = mapper.nodes(input({ doc }))
    const moved = moveItems(doc, { b: { x: 310, y: 5 } })
    const second = mapper.nodes(input({ doc: moved }))
    expect(second[0]).toBe(first[0])
    expect(second[2]).toBe(first[2])
    expect(second[1]).not.toBe(first[1])
    expect(second[1]?.data).toBe(first[1]?.data)
    const edges = mapper.edges(input({ doc }))
    expect(mapper.edges(input({ doc: moved }))[0]).toBe(edges[0])
  })

  it('re-derives a node when its config, problems or selection change', () => {
    const mapper = createFlowMapper()
    const doc = chainDocument()
    const first = mapper.nodes(input({ doc }))
    const configured = setRoutineConfig(doc, 'a', { x: 1 })
    const second = mapper.nodes(input({ doc: configured }))
    expect(second[0]?.data).not.toBe(first[0]?.data)
    const problems = { routines: new Map([['c', 'error' as const]]), connections: new Map() }
    const third = mapper.nodes(input({ doc: configured, problems })) as RoutineNodeType[]
    expect(third[2]?.data.problem).toBe('error')
    const selection = { ...noSelection, routines: new Set(['b']) }
    expect(mapper.nodes(input({ doc: configured, problems, selection }))[1]?.selected).toBe(true)
  })

  it('draws unknown types with the ports their connections use, marked missing', () => {
    const mapper = createFlowMapper()
    const nodes = mapper.nodes(input({ descriptors: new Map() })) as RoutineNodeType[]
    const b = nodes[1]
    expect(b?.data.unknownType).toBe(true)
    expect(b?.data.slots).toEqual([expect.objectContaining({ name: 'input', missing: true })])
    expect(b?.data.events).toEqual([expect.objectContaining({ name: 'output', missing: true })])
  })

  it('maps sticky notes to note nodes behind the routines', () => {
    const doc = { ...chainDocument(), notes: [{ id: 'n1', text: 'hi', x: 1, y: 2, width: 100, height: 50 }] }
    const nodes = createFlowMapper().nodes(input({ doc }))
    expect(nodes[0]).toMatchObject({ id: 'note:n1', type: 'note', width: 100, height: 50, zIndex: -1 })
  })
})
