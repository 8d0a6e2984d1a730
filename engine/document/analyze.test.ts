import { describe, expect, it } from 'vitest'
import { analyzeDocument } from './analyze'
import { executionLevels, findCycles, successorLists } from './analyze-graph'
import { createDocument } from './save'
import { orderPipeline, testDescriptors } from './test-fixtures'
import type { FlowDocument } from './types'

const options = { descriptors: testDescriptors }
const summary = (doc: FlowDocument) =>
  analyzeDocument(doc, options).problems.map((p) => `${p.severity} ${p.code} ${p.location.path}`)

function chain(ids: string[], extra: [string, string][] = []): FlowDocument {
  const doc = createDocument('chain')
  doc.routines.push({ id: ids[0] as string, type: 'test.fetcher', config: {} })
  for (const id of ids.slice(1)) doc.routines.push({ id, type: 'test.router', config: {} })
  const link = (from: string, to: string, n: number) =>
    doc.connections.push({
      id: `c${n}`,
      source: { routine: from, event: 'output' },
      target: { routine: to, slot: 'input' },
    })
  for (let i = 1; i < ids.length; i++) link(ids[i - 1] as string, ids[i] as string, i - 1)
  for (const [i, [from, to]] of extra.entries()) link(from, to, 100 + i)
  return doc
}

describe('workflow analyzer', () => {
  it('reproduces the reference analysis of the order pipeline', () => {
    const analysis = analyzeDocument(orderPipeline(), options)
    expect(analysis.entryPoints).toEqual(['fetcher'])
    expect(analysis.dependencies).toEqual([
      { routine: 'fetcher', dependsOn: [] },
      { routine: 'validator', dependsOn: ['fetcher'] },
      { routine: 'sink', dependsOn: ['validator'] },
    ])
    expect(analysis.levels).toEqual([['fetcher'], ['validator'], ['sink']])
    expect(analysis.cycles).toEqual([])
    expect(analysis.unreachable).toEqual([])
    expect(analysis.unconnectedEvents).toEqual([{ routine: 'validator', port: 'invalid' }])
    expect(analysis.unconnectedSlots).toEqual([])
    expect(analysis.problems.map((p) => `${p.severity} ${p.code}`)).toEqual(['info UNCONNECTED_EVENT'])
  })

  it('finds cycles, self-loops and routines no entry point reaches', () => {
    const doc = chain(
      ['start', 'a', 'b', 'c'],
      [
        ['c', 'a'],
        ['b', 'b'],
      ],
    )
    doc.routines.push({ id: 'island', type: 'test.router', config: {} })
    const analysis = analyzeDocument(doc, options)
    expect(analysis.cycles).toEqual([['a', 'b', 'c']])
    expect(analysis.unreachable).toEqual(['island'])
    expect(summary(doc)).toEqual(
      expect.arrayContaining([
        'warning UNREACHABLE_ROUTINE $.routines[4]',
        'info CYCLE $.routines[1]',
        'info UNCONNECTED_SLOT $.routines[4]',
      ]),
    )
    expect(analysis.levels).toEqual([['start'], ['island'], ['a', 'b', 'c']])
  })

  it('reports a flow without an entry point', () => {
    const doc = createDocument('x')
    doc.routines.push({ id: 's', type: 'test.sink', config: {} })
    expect(summary(doc)).toEqual(['warning NO_ENTRY_POINT $.routines', 'info UNCONNECTED_SLOT $.routines[0]'])
  })

  it('checks configs against the type schema, with the type defaults applied', () => {
    const doc = orderPipeline()
    expect(summary(doc)).not.toContain('error INVALID_CONFIG $.routines[1].config.strict')
    ;(doc.routines[1] as { config: Record<string, unknown> }).config = { strict: 'yes' }
    expect(summary(doc)).toContain('error INVALID_CONFIG $.routines[1].config.strict')
  })

  it('refuses configs written for a newer type version and runs extra config checks', () => {
    const doc = orderPipeline()
    ;(doc.routines[0] as { typeVersion?: number }).typeVersion = 9
    const analysis = analyzeDocument(doc, {
      ...options,
      validateConfig: (r, i) =>
        r.id === 'sink'
          ? [
              {
                severity: 'error',
                code: 'INVALID_CONFIG',
                message: 'x',
                location: { path: `$.routines[${i}]` },
              },
            ]
          : [],
    })
    expect(analysis.problems.map((p) => `${p.code} ${p.location.path}`)).toEqual(
      expect.arrayContaining([
        'TYPE_VERSION_NEWER $.routines[0].typeVersion',
        'INVALID_CONFIG $.routines[2]',
      ]),
    )
  })

  it('uses dynamic ports from the config and reports repeated links', () => {
    const doc = chain(['start', 'r', 'x'])
    ;(doc.routines[1] as { config: Record<string, unknown> }).config = { routes: [{ name: 'high' }] }
    doc.connections.push(
      { id: 'h', source: { routine: 'r', event: 'high' }, target: { routine: 'x', slot: 'input' } },
      { id: 'h2', source: { routine: 'r', event: 'high' }, target: { routine: 'x', slot: 'input' } },
    )
    expect(summary(doc)).toEqual(
      expect.arrayContaining([
        'error DUPLICATE_CONNECTION $.connections[3]',
        'info UNCONNECTED_EVENT $.routines[2]',
      ]),
    )
    expect(summary(doc).some((p) => p.includes('UNKNOWN_EVENT'))).toBe(false)
  })

  it('infers entry points and ports for unknown types without crashing, and reports the type', () => {
    const doc = orderPipeline()
    ;(doc.routines[0] as { type: string }).type = 'legacy.Fetcher'
    const analysis = analyzeDocument(doc, options)
    expect(analysis.entryPoints).toEqual(['fetcher'])
    expect(summary(doc)).toContain('error UNKNOWN_TYPE $.routines[0].type')
  })

  it('works without descriptors', () => {
    const analysis = analyzeDocument(orderPipeline())
    expect(analysis.entryPoints).toEqual(['fetcher'])
    expect(analysis.problems).toEqual([])
  })

  it('copes with duplicate ids and dangling connections', () => {
    const doc = orderPipeline()
    doc.routines.push({ id: 'sink', type: 'test.sink', config: {} })
    doc.connections.push({
      id: 'd',
      source: { routine: 'ghost', event: 'x' },
      target: { routine: 'sink', slot: 'y' },
    })
    const analysis = analyzeDocument(doc, options)
    expect(analysis.dependencies.map((d) => d.routine)).toEqual(['fetcher', 'validator', 'sink'])
    expect(analysis.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['DUPLICATE_ROUTINE', 'UNKNOWN_ROUTINE', 'UNKNOWN_SLOT']),
    )
  })
})

describe('graph algorithms', () => {
  it('handles a 20,000-routine chain without recursion', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `r${i}`)
    const edges = ids.slice(1).map((to, i) => ({ from: ids[i] as string, to }))
    edges.push({ from: 'r19999', to: 'r0' })
    const next = successorLists(ids, edges)
    expect(findCycles(ids, next)[0]?.length).toBe(20_000)
    const deps = new Map(ids.map((id, i) => [id, i === 0 ? [] : [ids[i - 1] as string]]))
    expect(executionLevels(ids, ['r0'], deps).length).toBe(20_000)
  })
})
