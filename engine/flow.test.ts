import { describe, expect, it, vi } from 'vitest'
import { ErrorCode } from './errors'
import { Flow } from './flow'
import { Routine } from './routine'
import { codeOf, FlowHarness, sleep } from './testing/harness'

describe('Flow building', () => {
  it('adds routines under given or generated ids and rejects duplicates', () => {
    const flow = new Flow()
    expect(flow.addRoutine(new Routine(), 'a')).toBe('a')
    const generated = flow.addRoutine(new Routine())
    expect(flow.routines.has(generated)).toBe(true)
    expect(codeOf(() => flow.addRoutine(new Routine(), 'a'))).toBe(ErrorCode.DUPLICATE_ROUTINE)
  })

  it('validates both ends of a connection in order', () => {
    const h = new FlowHarness().source('src').sink('sink')
    const flow = h.flow
    expect(codeOf(() => flow.connect('nope', 'out', 'sink', 'in'))).toBe(ErrorCode.UNKNOWN_ROUTINE)
    expect(codeOf(() => flow.connect('src', 'nope', 'sink', 'in'))).toBe(ErrorCode.UNKNOWN_EVENT)
    expect(codeOf(() => flow.connect('src', 'out', 'nope', 'in'))).toBe(ErrorCode.UNKNOWN_ROUTINE)
    expect(codeOf(() => flow.connect('src', 'out', 'sink', 'nope'))).toBe(ErrorCode.UNKNOWN_SLOT)
    const connection = flow.connect('src', 'out', 'sink', 'in', { id: 'wire-1' })
    expect(connection).toMatchObject({
      id: 'wire-1',
      sourceId: 'src',
      event: 'out',
      targetId: 'sink',
      slot: 'in',
    })
    expect(codeOf(() => flow.connect('src', 'out', 'sink', 'in'))).toBe(ErrorCode.DUPLICATE_CONNECTION)
  })

  it('disconnects by object or id and removes a routine with its connections', async () => {
    const h = new FlowHarness().source('src').sink('a').sink('b')
    const toA = h.flow.connect('src', 'out', 'a', 'in')
    h.flow.connect('src', 'out', 'b', 'in')
    h.flow.disconnect(toA.id)
    expect(codeOf(() => h.flow.disconnect(toA))).toBe(ErrorCode.UNKNOWN_CONNECTION)
    await h.run('src', { v: 1 })
    expect(h.received('a')).toEqual([])
    expect(h.received('b')).toEqual([{ v: 1 }])
    h.flow.removeRoutine('b')
    expect(h.flow.connections).toEqual([])
    expect(codeOf(() => h.flow.removeRoutine('b'))).toBe(ErrorCode.UNKNOWN_ROUTINE)
  })

  it('rejects invalid options', () => {
    expect(codeOf(() => new Flow({ executionMode: 'parallel' as 'concurrent' }))).toBe(
      ErrorCode.INVALID_ARGUMENT,
    )
    expect(codeOf(() => new Flow({ maxWorkers: 0 }))).toBe(ErrorCode.INVALID_ARGUMENT)
    expect(codeOf(() => new Flow({ handlerTimeoutMs: -1 }))).toBe(ErrorCode.INVALID_ARGUMENT)
    expect(codeOf(() => new Flow({ history: { maxSize: -1 } }))).toBe(ErrorCode.INVALID_ARGUMENT)
  })

  it('uses 1 worker in sequential mode whatever maxWorkers says, 4 by default in concurrent mode', () => {
    expect(new Flow({ maxWorkers: 8 }).maxWorkers).toBe(1)
    expect(new Flow({ executionMode: 'concurrent' }).maxWorkers).toBe(4)
    expect(new Flow({ executionMode: 'concurrent', maxWorkers: 16 }).maxWorkers).toBe(16)
  })
})

describe('execute and run', () => {
  it('validates the entry up front: unknown routine, missing slot (default trigger), bad params', () => {
    const h = new FlowHarness().sink('sink')
    expect(codeOf(() => h.flow.execute('nope'))).toBe(ErrorCode.UNKNOWN_ROUTINE)
    expect(codeOf(() => h.flow.execute('sink'))).toBe(ErrorCode.UNKNOWN_SLOT)
    expect(
      codeOf(() => h.flow.execute('sink', [] as unknown as Record<string, unknown>, { slot: 'in' })),
    ).toBe(ErrorCode.INVALID_ARGUMENT)
    expect(codeOf(() => h.flow.execute('sink', {}, { slot: 'in', timeoutMs: 0 }))).toBe(
      ErrorCode.INVALID_ARGUMENT,
    )
    expect(h.flow.jobs.size).toBe(0)
  })

  it('returns a running job; the entry is its first queued delivery, never run inside execute()', async () => {
    const h = new FlowHarness().sink('sink')
    const job = h.flow.execute('sink', { x: 1 }, { slot: 'in' })
    expect(job.status).toBe('running')
    expect(h.received('sink')).toEqual([])
    expect(h.types(job)).toEqual(['jobStarted', 'deliveryQueued'])
    const done = await job.done
    expect(done).toBe(job)
    expect(h.received('sink')).toEqual([{ x: 1 }])
    expect(job.status).toBe('completed')
  })

  it('run() resolves with the job whatever the outcome', async () => {
    const flow = new Flow()
    const routine = new Routine()
    routine.defineSlot('trigger', () => {
      throw new Error('boom')
    })
    flow.addRoutine(routine, 'r')
    const job = await flow.run('r')
    expect(job.status).toBe('failed')
  })

  it('waitForCompletion resolves true when done, false on timeout', async () => {
    const h = new FlowHarness().routine('slow', { slots: { trigger: () => sleep(30) } })
    const job = h.flow.execute('slow')
    expect(await h.flow.waitForCompletion(job, { timeoutMs: 1 })).toBe(false)
    expect(await h.flow.waitForCompletion(job)).toBe(true)
    expect(await h.flow.waitForCompletion(job, { timeoutMs: 1 })).toBe(true)
  })
})

describe('scheduling', () => {
  it('runs sequential deliveries strictly FIFO (breadth-first by emission order)', async () => {
    const order: string[] = []
    const h = new FlowHarness()
    const node = (id: string) =>
      h.routine(id, {
        events: ['out'],
        slots: {
          trigger: (_d, ctx) => {
            order.push(id)
            ctx.emit('out')
          },
          in: (_d, ctx) => {
            order.push(id)
            ctx.emit('out')
          },
        },
      })
    for (const id of ['S', 'A', 'B', 'A1', 'B1']) node(id)
    h.wire('S.out -> A.in', 'S.out -> B.in', 'A.out -> A1.in', 'B.out -> B1.in')
    await h.run('S')
    expect(order).toEqual(['S', 'A', 'B', 'A1', 'B1'])
  })

  it('delivers one emit to its slots in connection order and several emits in emit order', async () => {
    const h = new FlowHarness().source('src').sink('r1').sink('r2').sink('r3')
    h.wire('src.out -> r2.in', 'src.out -> r1.in', 'src.out -> r3.in')
    const seen: string[] = []
    h.flow.observe((e) => {
      if (e.type === 'routineStarted' && e.routineId !== 'src') seen.push(`${e.routineId}`)
    })
    await h.run('src', { items: ['a', 'b'] })
    expect(seen).toEqual(['r2', 'r1', 'r3', 'r2', 'r1', 'r3'])
    expect(h.received('r1')).toEqual([{ item: 'a' }, { item: 'b' }])
  })

  it('overlaps async handlers up to maxWorkers, shared by all jobs of the flow', async () => {
    let active = 0
    let peak = 0
    const h = new FlowHarness({ executionMode: 'concurrent', maxWorkers: 3 }).source('src')
    for (let i = 0; i < 5; i++) {
      h.routine(`w${i}`, {
        slots: {
          in: async () => {
            active++
            peak = Math.max(peak, active)
            await sleep(5)
            active--
          },
        },
      })
      h.wire(`src.out -> w${i}.in`)
    }
    const jobs = await Promise.all([h.run('src'), h.run('src')])
    expect(jobs.map((j) => j.status)).toEqual(['completed', 'completed'])
    expect(peak).toBe(3)
  })

  it('settles a job in the same turn as its last delivery (no polling)', async () => {
    const h = new FlowHarness().source('src').sink('sink')
    h.wire('src.out -> sink.in')
    const job = await h.run('src', { items: [1, 2, 3] })
    const types = h.types(job)
    expect(types.at(-2)).toBe('routineCompleted')
    expect(types.at(-1)).toBe('jobCompleted')
  })
})

describe('observers and job retention', () => {
  it('publishes one eventEmitted per emit (with connection ids) and one deliveryQueued per delivery', async () => {
    const h = new FlowHarness().source('src').sink('a').sink('b')
    const c1 = h.flow.connect('src', 'out', 'a', 'in')
    const c2 = h.flow.connect('src', 'out', 'b', 'in')
    const job = await h.run('src', { items: [1, 2] })
    const emitted = h.eventsOf(job, 'eventEmitted')
    expect(emitted.map((e) => [e.routineId, e.event, e.connectionIds, e.data])).toEqual([
      ['src', 'out', [c1.id, c2.id], { item: 1 }],
      ['src', 'out', [c1.id, c2.id], { item: 2 }],
    ])
    const queued = h.eventsOf(job, 'deliveryQueued')
    expect(queued.map((e) => [e.routineId, e.connectionId])).toEqual([
      ['src', undefined],
      ['a', c1.id],
      ['b', c2.id],
      ['a', c1.id],
      ['b', c2.id],
    ])
    expect(new Set(queued.map((e) => e.deliveryId)).size).toBe(5)
  })

  it('observe() returns an idempotent unsubscribe; a throwing listener does not disturb the job', async () => {
    const h = new FlowHarness().source('src')
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const seen: string[] = []
    const off = h.flow.observe((e) => seen.push(e.type))
    h.flow.observe(() => {
      throw new Error('listener bug')
    })
    const first = await h.run('src')
    expect(first.status).toBe('completed')
    expect(seen.length).toBeGreaterThan(0)
    off()
    off()
    const count = seen.length
    await h.run('src')
    expect(seen.length).toBe(count)
    expect(errors).toHaveBeenCalled()
    errors.mockRestore()
  })

  it('observe() with types delivers only those types, in subscription order among listeners', async () => {
    const h = new FlowHarness().source('src').sink('sink').wire('src.out -> sink.in')
    const seen: string[] = []
    h.flow.observe((e) => seen.push(`jobs:${e.type}`), { types: ['jobStarted', 'jobCompleted'] })
    const offQueued = h.flow.observe((e) => seen.push(`queued:${e.type}`), {
      types: new Set(['deliveryQueued', 'deliveryQueued'] as const),
    })
    const job = await h.run('src', { items: [1] })
    expect(seen).toEqual([
      'jobs:jobStarted',
      'queued:deliveryQueued',
      'queued:deliveryQueued',
      'jobs:jobCompleted',
    ])
    // The unfiltered listener (the harness's) still sees everything.
    expect(h.types(job)).toEqual([
      'jobStarted',
      'deliveryQueued',
      'routineStarted',
      'eventEmitted',
      'deliveryQueued',
      'routineCompleted',
      'routineStarted',
      'routineCompleted',
      'jobCompleted',
    ])
    offQueued()
    seen.length = 0
    await h.run('src', { items: [1] })
    expect(seen).toEqual(['jobs:jobStarted', 'jobs:jobCompleted'])
  })

  it('observe() rejects unknown event types and a filter that is not a list', () => {
    const flow = new Flow()
    const listener = () => {}
    const bad = (types: unknown) => codeOf(() => flow.observe(listener, { types } as never))
    expect(bad(['jobStarted', 'jobExploded'])).toBe(ErrorCode.INVALID_ARGUMENT)
    expect(bad('jobStarted')).toBe(ErrorCode.INVALID_ARGUMENT)
    expect(bad(42)).toBe(ErrorCode.INVALID_ARGUMENT)
    expect(bad([])).toBeUndefined()
    expect(codeOf(() => flow.observe(undefined as never))).toBe(ErrorCode.INVALID_ARGUMENT)
  })

  it('keeps unfinished jobs and the last 100 finished ones in flow.jobs', async () => {
    const h = new FlowHarness().source('src')
    const first = await h.run('src')
    for (let i = 0; i < 120; i++) await h.run('src')
    expect(h.flow.jobs.size).toBe(100)
    expect(h.flow.jobs.has(first.jobId)).toBe(false)
    const blocker = new FlowHarness().routine('wait', { slots: { trigger: () => sleep(20) } })
    const running = blocker.flow.execute('wait')
    for (let i = 0; i < 3; i++) await blocker.run('wait')
    expect(blocker.flow.jobs.get(running.jobId)).toBe(running)
    await running.done
  })
})
