import { describe, expect, it } from 'vitest'
import { Flow } from '../../../flow'
import { JobState } from '../../../job-state'
import type { Payload } from '../../../types'
import { RoutineRegistry } from '../../registry'
import { builtinRoutines } from '../catalog'
import { TIMER_SLOT } from '../shared/timers'

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

  it('Delay keeps the job open without holding the flow, then passes the payload on', async () => {
    const flow = new Flow({ id: 'delay' })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        wait: ['flow.delay', { delay_ms: 400 }],
        out: ['flow.logger', { message: '{n}' }],
      },
      [
        ['start', 'output', 'wait', 'input'],
        ['wait', 'output', 'out', 'input'],
      ],
    )
    const job = flow.execute('start', { n: 1 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(job.status).toBe('running')
    expect(job.outputLog).toEqual([])
    await job.done
    expect(job.status).toBe('completed')
    expect(job.outputLog.map((e) => e.message)).toEqual(['1'])
  })

  it('Aggregator emits a partial group when its timeout fires', async () => {
    const flow = new Flow({ id: 'agg-timeout' })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        split: ['flow.splitter', { field: 'items' }],
        collect: ['flow.aggregator', { count: 5, timeout_ms: 20 }],
        out: ['flow.logger', { message: '{items} {complete} {reason}' }],
      },
      [
        ['start', 'output', 'split', 'input'],
        ['split', 'item', 'collect', 'input'],
        ['collect', 'output', 'out', 'input'],
      ],
    )
    const job = await flow.run('start', { items: ['a', 'b'] })
    expect(job.status).toBe('completed')
    expect(job.outputLog.map((e) => e.message)).toEqual(['["a","b"] false timeout'])
  })

  it('Aggregator and Batcher drop their timeout once their group is out: the job ends with the work', async () => {
    const flow = new Flow({ id: 'agg-done' })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        split: ['flow.splitter', { field: 'items' }],
        collect: ['flow.aggregator', { timeout_ms: 600_000 }],
        group: ['flow.batcher', { size: 2, max_wait_ms: 600_000, field: 'item' }],
        out: ['flow.logger', { message: '{items} {complete} {reason}' }],
        batches: ['flow.logger', { message: 'batch {items}' }],
      },
      [
        ['start', 'output', 'split', 'input'],
        ['split', 'item', 'collect', 'input'],
        ['split', 'item', 'group', 'input'],
        ['collect', 'output', 'out', 'input'],
        ['group', 'batch', 'batches', 'input'],
      ],
    )
    const job = flow.execute('start', { items: ['a', 'b'] })
    expect(await flow.waitForCompletion(job, { timeoutMs: 10_000 })).toBe(true)
    expect(job.status).toBe('completed')
    expect(job.outputLog.map((e) => e.message).sort()).toEqual(['["a","b"] true count', 'batch ["a","b"]'])
  })

  it('Debouncer keeps one timer per job, for the newest input', async () => {
    const flow = new Flow({ id: 'debounce-timers' })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        split: ['flow.splitter', { field: 'items' }],
        calm: ['flow.debouncer', { wait_ms: 600_000 }],
      },
      [
        ['start', 'output', 'split', 'input'],
        ['split', 'item', 'calm', 'input'],
      ],
    )
    const job = flow.execute('start', { items: [1, 2, 3, 4] })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await flow.pause(job)
    expect(job.toJSON().pending).toMatchObject([
      { routineId: 'calm', slot: TIMER_SLOT, data: { sequence: 4 } },
    ])
    flow.cancel(job)
  })

  it('Debouncer passes on only the last payload of a burst', async () => {
    const flow = new Flow({ id: 'debounce' })
    build(
      flow,
      {
        start: ['flow.trigger', {}],
        split: ['flow.splitter', { field: 'items' }],
        calm: ['flow.debouncer', { wait_ms: 300 }],
        out: ['flow.logger', { message: '{item} after {$dropped} dropped' }],
      },
      [
        ['start', 'output', 'split', 'input'],
        ['split', 'item', 'calm', 'input'],
        ['calm', 'output', 'out', 'input'],
      ],
    )
    const job = await flow.run('start', { items: [1, 2, 3] })
    expect(job.outputLog.map((e) => e.message)).toEqual(['3 after 2 dropped'])
  })

  it('a pending timer survives pause, snapshot and resume in a fresh flow, and runs once', async () => {
    const make = () => {
      const flow = new Flow({ id: 'snap' })
      build(
        flow,
        {
          start: ['flow.trigger', {}],
          wait: ['flow.delay', { delay_ms: 600 }],
          out: ['flow.logger', { message: 'done {n}' }],
        },
        [
          ['start', 'output', 'wait', 'input'],
          ['wait', 'output', 'out', 'input'],
        ],
      )
      return flow
    }
    const first = make()
    const job = first.execute('start', { n: 7 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await first.pause(job)
    const snapshot = JSON.parse(JSON.stringify(job.toJSON()))
    expect(snapshot.pending).toMatchObject([
      { routineId: 'wait', slot: TIMER_SLOT, data: { payload: { n: 7 } } },
    ])
    expect(typeof snapshot.pending[0].dueAt).toBe('number')
    first.cancel(job)
    const second = make()
    const restored = JobState.fromJSON(snapshot)
    second.resume(restored)
    await restored.done
    expect(restored.status).toBe('completed')
    expect(restored.outputLog.map((e) => e.message)).toEqual(['done 7'])
    expect(job.outputLog).toEqual([])
  })

  it('cancelling a job drops its timers', async () => {
    const flow = new Flow({ id: 'cancel' })
    build(
      flow,
      { start: ['flow.trigger', {}], wait: ['flow.delay', { delay_ms: 300 }], out: ['flow.logger', {}] },
      [
        ['start', 'output', 'wait', 'input'],
        ['wait', 'output', 'out', 'input'],
      ],
    )
    const job = flow.execute('start', {})
    await new Promise((resolve) => setTimeout(resolve, 5))
    flow.cancel(job)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(job.status).toBe('cancelled')
    expect(job.outputLog).toEqual([])
  })
})
