import { describe, expect, it } from 'vitest'
import type { Payload } from '../../../types'
import { RoutineRegistry } from '../../registry'
import { runSlot } from '../../test-support'
import { builtinRoutines } from '../catalog'
import { deliver, only } from '../shared/harness'
import { TIMER_SLOT } from '../shared/timers'

const registry = new RoutineRegistry(builtinRoutines)
const make = (type: string, config: Payload = {}) => {
  const { routine, problems } = registry.instantiate({ type, config })
  expect(problems).toEqual([])
  return routine
}

describe('flow.splitter', () => {
  it('emits one item per element with index and count, then done', async () => {
    const run = await deliver('flow.splitter', { field: 'order.lines' }, 'input', {
      order: { lines: ['a', 'b'] },
    })
    expect(run.emits).toEqual([
      { event: 'item', data: { item: 'a', index: 0, count: 2 } },
      { event: 'item', data: { item: 'b', index: 1, count: 2 } },
      { event: 'done', data: { count: 2 } },
    ])
  })

  it('splits the input by convention and rejects a non-list with a coded error', async () => {
    expect((await deliver('flow.splitter', {}, 'input', { data: [1] })).emits).toHaveLength(2)
    await expect(deliver('flow.splitter', {}, 'input', { data: 'x' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
  })
})

describe('flow.aggregator', () => {
  it('collects the expected count read from the payloads, ordered by index, per job', async () => {
    const routine = make('flow.aggregator')
    const jobA = {}
    const jobB = {}
    await runSlot(routine, 'input', { item: 'a1', index: 1, count: 2 }, { shared: jobA })
    await runSlot(routine, 'input', { item: 'b0', index: 0, count: 2 }, { shared: jobB })
    const done = await runSlot(routine, 'input', { item: 'a0', index: 0, count: 2 }, { shared: jobA })
    expect(only(done)).toEqual({
      items: ['a0', 'a1'],
      count: 2,
      expected: 2,
      complete: true,
      reason: 'count',
    })
    expect(jobB).toMatchObject({ '$state:routine': { items: [{ value: 'b0', index: 0 }] } })
  })

  it('emits a partial group when its timer fires, and ignores a stale timer', async () => {
    const routine = make('flow.aggregator', { count: 3, timeout_ms: 50 })
    const shared = {}
    const first = await runSlot(routine, 'input', { item: 1 }, { shared })
    expect(first.timers).toEqual([{ delayMs: 50, slot: TIMER_SLOT, data: { generation: 0 } }])
    await runSlot(routine, 'input', { item: 2 }, { shared })
    const fired = await runSlot(routine, TIMER_SLOT, first.timers[0]?.data ?? {}, { shared })
    expect(only(fired)).toMatchObject({ items: [1, 2], complete: false, reason: 'timeout' })
    await runSlot(routine, 'input', { item: 3 }, { shared })
    expect((await runSlot(routine, TIMER_SLOT, { generation: 0 }, { shared })).emits).toEqual([])
  })

  it('state is plain JSON (it survives a snapshot round trip)', async () => {
    const routine = make('flow.aggregator', { count: 2 })
    const shared: Payload = {}
    await runSlot(routine, 'input', { item: { deep: [1] } }, { shared })
    const restored = JSON.parse(JSON.stringify(shared)) as Payload
    expect(only(await runSlot(routine, 'input', { item: 2 }, { shared: restored })).items).toEqual([
      { deep: [1] },
      2,
    ])
  })

  it('flush emits what was collected; a timeout without timer support is a coded error', async () => {
    const routine = make('flow.aggregator', { count: 5 })
    const shared = {}
    await runSlot(routine, 'input', { item: 1 }, { shared })
    expect(only(await runSlot(routine, 'flush', {}, { shared }))).toMatchObject({
      items: [1],
      reason: 'flush',
    })
    const timed = make('flow.aggregator', { count: 5, timeout_ms: 10 })
    await expect(runSlot(timed, 'input', { item: 1 }, { noDefer: true })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    })
  })

  it('hides its timer slot from the descriptor but keeps it on the routine', () => {
    expect(registry.describeType('flow.aggregator').slots.map((s) => s.name)).toEqual(['input', 'flush'])
    expect(make('flow.aggregator').getSlot(TIMER_SLOT)).toBeDefined()
  })
})

describe('flow.batcher', () => {
  it('emits full batches and a partial one on timeout', async () => {
    const routine = make('flow.batcher', { size: 2, max_wait_ms: 30, field: 'v' })
    const shared = {}
    const r1 = await runSlot(routine, 'input', { v: 1 }, { shared })
    const r2 = await runSlot(routine, 'input', { v: 2 }, { shared })
    expect(only(r2)).toEqual({ items: [1, 2], index: 0, count: 2, reason: 'size' })
    const r3 = await runSlot(routine, 'input', { v: 3 }, { shared })
    expect((await runSlot(routine, TIMER_SLOT, r1.timers[0]?.data ?? {}, { shared })).emits).toEqual([])
    expect(only(await runSlot(routine, TIMER_SLOT, r3.timers[0]?.data ?? {}, { shared }))).toEqual({
      items: [3],
      index: 1,
      count: 1,
      reason: 'timeout',
    })
  })
})

describe('flow.debouncer', () => {
  it('emits only the last payload of a burst', async () => {
    const routine = make('flow.debouncer', { wait_ms: 20 })
    const shared = {}
    const runs = [
      await runSlot(routine, 'input', { n: 1 }, { shared }),
      await runSlot(routine, 'input', { n: 2 }, { shared }),
    ]
    const timers = runs.flatMap((r) => r.timers)
    expect(timers.map((t) => t.delayMs)).toEqual([20, 20])
    expect((await runSlot(routine, TIMER_SLOT, timers[0]?.data ?? {}, { shared })).emits).toEqual([])
    expect(only(await runSlot(routine, TIMER_SLOT, timers[1]?.data ?? {}, { shared }))).toEqual({
      n: 2,
      $dropped: 1,
    })
  })
})

describe('flow.delay', () => {
  it('schedules the payload and passes it on when the timer fires', async () => {
    const routine = make('flow.delay', { delay_ms: 15 })
    const run = await runSlot(routine, 'input', { x: 1 })
    expect(run.emits).toEqual([])
    expect(run.timers).toEqual([{ delayMs: 15, slot: TIMER_SLOT, data: { payload: { x: 1 } } }])
    expect(only(await runSlot(routine, TIMER_SLOT, run.timers[0]?.data ?? {}))).toEqual({ x: 1 })
  })
})

describe('flow.filter and flow.mapper', () => {
  it('filters on a condition', async () => {
    const config = { condition: 'data.age >= config.min', min: 18 }
    expect((await deliver('flow.filter', config, 'input', { data: { age: 20 } })).emits[0]?.event).toBe(
      'passed',
    )
    expect((await deliver('flow.filter', config, 'input', { data: { age: 2 } })).emits[0]).toEqual({
      event: 'rejected',
      data: { data: { age: 2 } },
    })
  })

  it('reports a bad condition as a config problem', () => {
    expect(
      registry.instantiate({ type: 'flow.filter', config: { condition: 'data >' } }).problems[0],
    ).toMatchObject({
      code: 'EXPRESSION_ERROR',
      location: { path: '$.config.condition' },
    })
  })

  it('maps keys with expressions, optionally keeping the input', async () => {
    const mappings = { total: 'data.price * data.qty', name: 'upper(data.name)' }
    const out = only(await deliver('flow.mapper', { mappings }, 'input', { price: 2, qty: 3, name: 'ab' }))
    expect(out).toEqual({ total: 6, name: 'AB' })
    const kept = only(
      await deliver('flow.mapper', { mappings: { n: 'len(data.s)' }, keep_input: true }, 'input', {
        s: 'abc',
        t: 1,
      }),
    )
    expect(kept).toEqual({ s: 'abc', t: 1, n: 3 })
  })
})

describe('flow.join', () => {
  it('waits for every input of the job, then emits them keyed by input and starts over', async () => {
    const routine = make('flow.join', { inputs: ['left', 'right'] })
    expect([...routine.slots.keys()]).toEqual(['left', 'right'])
    const shared = {}
    expect((await runSlot(routine, 'left', { l: 1 }, { shared })).emits).toEqual([])
    expect((await runSlot(routine, 'left', { l: 2 }, { shared })).emits).toEqual([])
    expect((await runSlot(routine, 'right', { r: 1 }, { shared, routineId: 'other' })).emits).toEqual([])
    expect(only(await runSlot(routine, 'right', { r: 3 }, { shared }))).toEqual({
      left: { l: 2 },
      right: { r: 3 },
    })
    expect((await runSlot(routine, 'right', { r: 4 }, { shared })).emits).toEqual([])
  })
})

describe('flow.logger', () => {
  it('writes a templated line to the output log and passes the payload on', async () => {
    const run = await deliver(
      'flow.logger',
      { level: 'warn', message: 'order {id} for {customer.name} {missing}' },
      'input',
      {
        id: 7,
        customer: { name: 'Ada' },
      },
    )
    expect(run.logs).toEqual([
      { level: 'warn', message: 'order 7 for Ada {missing}', data: { id: 7, customer: { name: 'Ada' } } },
    ])
    expect(run.emits).toEqual([{ event: 'output', data: { id: 7, customer: { name: 'Ada' } } }])
  })
})
