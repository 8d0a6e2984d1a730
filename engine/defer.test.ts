import { describe, expect, it } from 'vitest'
import type { RoutineContext } from './context'
import { ErrorCode } from './errors'
import { JobState } from './job-state'
import { codeOf, deferred, FlowHarness, sleep } from './testing/harness'
import type { Payload } from './types'

/**
 * A flow with routine `timer`: `trigger` defers `{ n }` to its own `fire` slot after `delayMs`;
 * `triggered` resolves once a trigger handler has run (so tests need not guess with sleeps).
 */
function timerFlow(delayMs: number, options?: ConstructorParameters<typeof FlowHarness>[0]) {
  const h = new FlowHarness(options)
  const triggered = deferred()
  h.routine('timer', {
    slots: {
      trigger: (data, ctx) => {
        ctx.defer(delayMs, 'fire', { n: data.n })
        triggered.resolve()
      },
      fire: (data, ctx) => h.record('timer', data, ctx),
    },
  })
  return Object.assign(h, { triggered: triggered.promise })
}

describe('ctx.defer', () => {
  it('delivers to the routine’s own slot in the same job after the delay, keeping each job open', async () => {
    const h = timerFlow(200, { executionMode: 'concurrent' })
    const a = h.flow.execute('timer', { n: 1 })
    const b = h.flow.execute('timer', { n: 2 })
    await h.triggered
    await sleep(1)
    expect([a.status, b.status]).toEqual(['running', 'running'])
    expect(h.received('timer')).toEqual([])
    expect(a.toJSON().pending).toEqual([
      { id: 2, routineId: 'timer', slot: 'fire', data: { n: 1 }, attempt: 1, dueAt: expect.any(Number) },
    ])
    await Promise.all([a.done, b.done])
    expect([a.status, b.status]).toEqual(['completed', 'completed'])
    expect(h.received('timer', a)).toEqual([{ n: 1 }])
    expect(h.received('timer', b)).toEqual([{ n: 2 }])
    expect(h.types(a)).toEqual([
      'jobStarted',
      'deliveryQueued',
      'routineStarted',
      'routineCompleted',
      'deliveryQueued',
      'routineStarted',
      'routineCompleted',
      'jobCompleted',
    ])
    expect(h.eventsOf(a, 'deliveryQueued')[1]).toMatchObject({
      deliveryId: 2,
      routineId: 'timer',
      slot: 'fire',
      attempt: 1,
      connectionId: undefined,
    })
  })

  it('can re-arm itself: a countdown of zero-delay and short defers runs to the end', async () => {
    const h = new FlowHarness()
    const seen: unknown[] = []
    h.routine('count', {
      slots: {
        trigger: (data, ctx) => {
          seen.push(data.n)
          if ((data.n as number) > 0)
            ctx.defer((data.n as number) % 2, 'trigger', { n: (data.n as number) - 1 })
        },
      },
    })
    const job = await h.run('count', { n: 4 })
    expect(job.status).toBe('completed')
    expect(seen).toEqual([4, 3, 2, 1, 0])
    expect(job.routineStates.count?.runs).toBe(5)
  })

  it('keeps counting while the job is paused; the due delivery waits for resume', async () => {
    const h = new FlowHarness()
    const fired: Payload[] = []
    h.routine('timer', {
      slots: {
        trigger: (_d, ctx) => {
          ctx.defer(10, 'fire', { x: 1 })
          void ctx.flow.pause(ctx.job)
        },
        fire: (data) => void fired.push(data),
      },
    })
    const job = h.flow.execute('timer')
    await sleep(60)
    expect(job.status).toBe('paused')
    expect(fired).toEqual([])
    // Due while paused: queued (published) and parked, no longer waiting on a timer.
    expect(h.eventsOf(job, 'deliveryQueued').map((e) => e.slot)).toEqual(['trigger', 'fire'])
    expect(job.toJSON().pending).toEqual([
      { id: 2, routineId: 'timer', slot: 'fire', data: { x: 1 }, attempt: 1 },
    ])
    h.flow.resume(job)
    await job.done
    expect(job.status).toBe('completed')
    expect(fired).toEqual([{ x: 1 }])
  })

  it('survives pause, snapshot and resume in a fresh flow with its due time, and runs exactly once', async () => {
    const first = timerFlow(200)
    const job = first.flow.execute('timer', { n: 7 })
    await first.triggered
    await first.flow.pause(job)
    const snapshot = JSON.parse(JSON.stringify(job.toJSON()))
    expect(snapshot.pending).toEqual([
      { id: 2, routineId: 'timer', slot: 'fire', data: { n: 7 }, attempt: 1, dueAt: expect.any(Number) },
    ])
    const dueAt = snapshot.pending[0].dueAt as number
    first.flow.cancel(job)

    const second = timerFlow(200)
    const restored = JobState.fromJSON(snapshot)
    second.flow.resume(restored)
    expect(restored.status).toBe('running')
    expect(restored.toJSON().pending).toEqual(snapshot.pending)
    await restored.done
    const firedAt = Date.now()
    expect(restored.status).toBe('completed')
    expect(second.received('timer')).toEqual([{ n: 7 }])
    expect(firedAt).toBeGreaterThanOrEqual(dueAt - 2)
    await sleep(20)
    expect(first.received('timer')).toEqual([])
    expect(second.received('timer')).toEqual([{ n: 7 }])
  })

  it('is dropped with its timer when the job is cancelled', async () => {
    const h = timerFlow(100)
    const job = h.flow.execute('timer', { n: 1 })
    await h.triggered
    h.flow.cancel(job)
    expect(job.status).toBe('cancelled')
    expect(await job.done).toBe(job)
    expect(job.toJSON().pending).toEqual([])
    await sleep(150)
    expect(h.received('timer')).toEqual([])
    expect(h.eventsOf(job, 'deliveryQueued').map((e) => e.slot)).toEqual(['trigger'])
  })

  it('is dropped when the job times out or another routine of the job STOPs it', async () => {
    const timedOut = timerFlow(60)
    const job = await timedOut.run('timer', { n: 1 }, { timeoutMs: 10 })
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: ErrorCode.JOB_TIMEOUT })

    const stopped = new FlowHarness()
    stopped.routine('both', {
      events: ['out'],
      slots: {
        trigger: (_d, ctx) => {
          ctx.defer(30, 'fire')
          ctx.emit('out')
        },
        fire: (data, ctx) => stopped.record('both', data, ctx),
      },
    })
    stopped.routine('bad', {
      slots: {
        in: () => {
          throw new Error('stop here')
        },
      },
    })
    stopped.wire('both.out -> bad.in')
    const failed = await stopped.run('both')
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatchObject({ code: ErrorCode.HANDLER_ERROR, routineId: 'bad' })
    expect(failed.toJSON().pending).toEqual([])

    await sleep(80)
    expect(timedOut.received('timer')).toEqual([])
    expect(stopped.received('both')).toEqual([])
  })

  it('rejects bad arguments with INVALID_ARGUMENT or UNKNOWN_SLOT and schedules nothing', async () => {
    const codes: Record<string, string | undefined> = {}
    const h = new FlowHarness()
    h.routine('timer', {
      slots: {
        trigger: (_d, ctx) => {
          const bad = ctx.defer.bind(ctx) as (...args: unknown[]) => void
          codes.negative = codeOf(() => bad(-1, 'fire'))
          codes.nan = codeOf(() => bad(Number.NaN, 'fire'))
          codes.infinite = codeOf(() => bad(Number.POSITIVE_INFINITY, 'fire'))
          codes.tooLong = codeOf(() => bad(2 ** 31, 'fire'))
          codes.text = codeOf(() => bad('5', 'fire'))
          codes.slotType = codeOf(() => bad(0, 5))
          codes.unknownSlot = codeOf(() => bad(0, 'nope'))
          codes.arrayData = codeOf(() => bad(0, 'fire', [1]))
          codes.nullData = codeOf(() => bad(0, 'fire', null))
        },
        fire: (data, ctx) => h.record('timer', data, ctx),
      },
    })
    const job = await h.run('timer')
    expect(codes).toEqual({
      negative: ErrorCode.INVALID_ARGUMENT,
      nan: ErrorCode.INVALID_ARGUMENT,
      infinite: ErrorCode.INVALID_ARGUMENT,
      tooLong: ErrorCode.INVALID_ARGUMENT,
      text: ErrorCode.INVALID_ARGUMENT,
      slotType: ErrorCode.INVALID_ARGUMENT,
      unknownSlot: ErrorCode.UNKNOWN_SLOT,
      arrayData: ErrorCode.INVALID_ARGUMENT,
      nullData: ErrorCode.INVALID_ARGUMENT,
    })
    expect(job.status).toBe('completed')
    expect(h.received('timer')).toEqual([])
  })

  it('an uncaught defer error is a handler error resolved by the strategy (default STOP)', async () => {
    const h = new FlowHarness().routine('timer', { slots: { trigger: (_d, ctx) => ctx.defer(0, 'nope') } })
    const job = await h.run('timer')
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: ErrorCode.UNKNOWN_SLOT, routineId: 'timer' })
  })

  it('copies its data, and schedules nothing once the delivery has finished', async () => {
    const h = timerFlow(0)
    let kept: RoutineContext | undefined
    h.routine('keep', {
      slots: {
        trigger: (data, ctx) => {
          kept = ctx
          ctx.defer(0, 'echo', data)
          data.n = 'changed'
        },
        echo: (data, ctx) => h.record('keep', data, ctx),
      },
    })
    const job = await h.run('keep', { n: 1 })
    expect(h.received('keep')).toEqual([{ n: 1 }])
    expect(() => kept?.defer(0, 'echo', { n: 2 })).not.toThrow()
    await sleep(5)
    expect(job.status).toBe('completed')
    expect(h.received('keep')).toEqual([{ n: 1 }])
    expect(codeOf(() => kept?.defer(0, 'nope'))).toBe(ErrorCode.UNKNOWN_SLOT)
  })
})
