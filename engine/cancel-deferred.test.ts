import { describe, expect, it } from 'vitest'
import type { RoutineContext } from './context'
import { ErrorHandler } from './error-handler'
import { ErrorCode } from './errors'
import { codeOf, deferred, FlowHarness, sleep } from './testing/harness'

/** Long enough that a test would hang (and fail on its guard) if the deferral kept the job open. */
const FAR = 600_000

describe('ctx.cancelDeferred', () => {
  it('drops the deferrals not yet due to one slot of its routine in its job; the job completes without them', async () => {
    const h = new FlowHarness({ executionMode: 'concurrent' })
    const dropped: number[] = []
    h.routine('guard', {
      slots: {
        trigger: (data, ctx) => {
          ctx.defer(FAR, 'timeout', { n: data.n })
          ctx.defer(FAR, 'timeout', { n: data.n, second: true })
          ctx.defer(0, 'done', { n: data.n, cancel: data.cancel })
        },
        done: (data, ctx) => {
          if (data.cancel === true) dropped.push(ctx.cancelDeferred('timeout'))
        },
        timeout: (data, ctx) => h.record('guard', data, ctx),
      },
    })
    const kept = h.flow.execute('guard', { n: 1, cancel: false })
    const cancelled = h.flow.execute('guard', { n: 2, cancel: true })
    expect(await h.flow.waitForCompletion(cancelled, { timeoutMs: 10_000 })).toBe(true)
    expect(cancelled.status).toBe('completed')
    expect(dropped).toEqual([2])
    expect(h.received('guard')).toEqual([])
    // The other job of the flow keeps its own deferrals.
    expect(kept.status).toBe('running')
    expect(kept.toJSON().pending.map((p) => [p.slot, p.data])).toEqual([
      ['timeout', { n: 1 }],
      ['timeout', { n: 1, second: true }],
    ])
    h.flow.cancel(kept)
  })

  it('leaves other routines, other slots and retries waiting out their delay', async () => {
    const h = new FlowHarness()
    const dropped: number[] = []
    const retryOnce = new ErrorHandler({ strategy: 'retry', maxRetries: 1, retryDelayMs: 60 })
    h.routine('main', {
      events: ['out'],
      errorHandler: retryOnce,
      slots: {
        trigger: (_d, ctx) => {
          ctx.defer(FAR, 'tick', { kind: 'deferred' })
          ctx.defer(30, 'other', { kind: 'other slot' })
          ctx.defer(0, 'tick', { kind: 'flaky' })
          ctx.defer(15, 'stop')
          ctx.emit('out')
        },
        tick: (data, ctx) => {
          if (data.kind === 'flaky' && ctx.attempt === 1) throw new Error('flaky')
          h.record('main', data, ctx)
        },
        other: (data, ctx) => h.record('main', data, ctx),
        stop: (_d, ctx) => void dropped.push(ctx.cancelDeferred('tick')),
      },
    })
    const seen = deferred()
    h.routine('neighbour', {
      slots: {
        in: (_d, ctx) => ctx.defer(40, 'tick', { kind: 'neighbour' }),
        tick: (data, ctx) => {
          h.record('neighbour', data, ctx)
          seen.resolve()
        },
      },
    })
    h.wire('main.out -> neighbour.in')
    const job = h.flow.execute('main')
    expect(await h.flow.waitForCompletion(job, { timeoutMs: 10_000 })).toBe(true)
    await seen.promise
    expect(job.status).toBe('completed')
    expect(dropped).toEqual([1])
    expect(h.received('main')).toEqual([{ kind: 'other slot' }, { kind: 'flaky' }])
    expect(h.received('neighbour')).toEqual([{ kind: 'neighbour' }])
    expect(job.routineStates.main).toMatchObject({ retries: 1, errors: 1 })
  })

  it('checks its argument and drops nothing once the delivery has finished', async () => {
    const h = new FlowHarness()
    const codes: Record<string, string | undefined> = {}
    let kept: RoutineContext | undefined
    h.routine('r', {
      slots: {
        trigger: (_d, ctx) => {
          const bad = ctx.cancelDeferred.bind(ctx) as (...args: unknown[]) => number
          codes.slotType = codeOf(() => bad(5))
          codes.unknownSlot = codeOf(() => bad('nope'))
          codes.none = codeOf(() => bad('later'))
          kept = ctx
          ctx.defer(20, 'later')
        },
        later: (data, ctx) => h.record('r', data, ctx),
      },
    })
    const job = h.flow.execute('r')
    await sleep(5)
    expect(codes).toEqual({
      slotType: ErrorCode.INVALID_ARGUMENT,
      unknownSlot: ErrorCode.UNKNOWN_SLOT,
      none: undefined,
    })
    expect(kept?.cancelDeferred('later')).toBe(0)
    expect(job.toJSON().pending).toHaveLength(1)
    await job.done
    expect(h.received('r')).toEqual([{}])
  })
})
