import { describe, expect, it } from 'vitest'
import { Flow } from '../../../flow'
import type { Payload } from '../../../types'
import { RoutineRegistry } from '../../registry'
import { builtinRoutines } from '../catalog'

const registry = new RoutineRegistry(builtinRoutines)

function build(
  flow: Flow,
  routines: Record<string, [string, Payload]>,
  wires: Array<[string, string, string, string]>,
) {
  for (const [id, [type, config]] of Object.entries(routines)) {
    const result = registry.instantiate({ id, type, config })
    expect(result.problems).toEqual([])
    flow.addRoutine(result.routine, id)
  }
  for (const [source, event, target, slot] of wires) flow.connect(source, event, target, slot)
}

describe('flow-control built-ins in a running flow', () => {
  it('fans out and back in per job: concurrent jobs never mix their aggregates', async () => {
    const flow = new Flow({ id: 'fan', executionMode: 'concurrent', maxWorkers: 4 })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        split: ['flow.splitter', { field: 'items' }],
        double: [
          'flow.mapper',
          { mappings: { item: 'data.item * 2', index: 'data.index', count: 'data.count' } },
        ],
        collect: ['flow.aggregator', {}],
        out: ['flow.logger', { message: '{items}' }],
      },
      [
        ['start', 'output', 'split', 'input'],
        ['split', 'item', 'double', 'input'],
        ['double', 'output', 'collect', 'input'],
        ['collect', 'output', 'out', 'input'],
      ],
    )
    const [a, b] = await Promise.all([
      flow.run('start', { items: [1, 2, 3] }),
      flow.run('start', { items: [10, 20] }),
    ])
    expect(a?.status).toBe('completed')
    expect(a?.outputLog.map((e) => e.message)).toEqual(['[2,4,6]'])
    expect(b?.outputLog.map((e) => e.message)).toEqual(['[20,40]'])
  })

  it('joins two branches and routes the result', async () => {
    const flow = new Flow({ id: 'join' })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        left: ['flow.mapper', { mappings: { n: 'payload.n + 1' } }],
        right: ['flow.mapper', { mappings: { n: 'payload.n * 10' } }],
        both: ['flow.join', { inputs: ['l', 'r'] }],
        route: [
          'control.router',
          { routes: [{ name: 'big', condition: 'data.l.n + data.r.n > 20' }], default_route: 'small' },
        ],
        big: ['flow.logger', { message: 'big {data.r.n}' }],
        small: ['flow.logger', { message: 'small' }],
      },
      [
        ['start', 'output', 'left', 'input'],
        ['start', 'output', 'right', 'input'],
        ['left', 'output', 'both', 'l'],
        ['right', 'output', 'both', 'r'],
        ['both', 'output', 'route', 'input'],
        ['route', 'big', 'big', 'input'],
        ['route', 'small', 'small', 'input'],
      ],
    )
    expect((await flow.run('start', { n: 2 })).outputLog.map((e) => e.message)).toEqual(['big 20'])
    expect((await flow.run('start', { n: 1 })).outputLog.map((e) => e.message)).toEqual(['small'])
  })

  it('a timed routine without executor timers fails the job with INVALID_STATE instead of losing data', async () => {
    const flow = new Flow({ id: 'timed' })
    build(flow, { start: ['flow.trigger', {}], wait: ['flow.delay', { delay_ms: 5 }] }, [
      ['start', 'output', 'wait', 'input'],
    ])
    const job = await flow.run('start', {})
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: 'INVALID_STATE', routineId: 'wait' })
  })
})
