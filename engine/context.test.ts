import { describe, expect, it } from 'vitest'
import type { RoutineContext } from './context'
import { ErrorHandler } from './error-handler'
import { ErrorCode } from './errors'
import { FlowHarness, sleep } from './testing/harness'

describe('RoutineContext', () => {
  it('describes the delivery: routine id in the flow, slot, job, flow, config, attempt', async () => {
    const contexts: RoutineContext[] = []
    const h = new FlowHarness().routine('entry', {
      config: { greeting: 'hi' },
      slots: { go: (_d, ctx) => void contexts.push(ctx) },
    })
    const job = await h.run('entry', {}, { slot: 'go' })
    const ctx = contexts[0] as RoutineContext
    expect(ctx).toMatchObject({ routineId: 'entry', slotName: 'go', attempt: 1, config: { greeting: 'hi' } })
    expect(ctx.job).toBe(job)
    expect(ctx.flow).toBe(h.flow)
    expect(ctx.signal.aborted).toBe(false)
  })

  it('emitting an undeclared event throws UNKNOWN_EVENT inside the handler', async () => {
    const h = new FlowHarness().routine('r', {
      events: ['out'],
      slots: { trigger: (_d, ctx) => ctx.emit('nope') },
    })
    const job = await h.run('r')
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: ErrorCode.UNKNOWN_EVENT, routineId: 'r' })
  })

  it('emit data must be a plain object', async () => {
    const h = new FlowHarness().routine('r', {
      events: ['out'],
      slots: { trigger: (_d, ctx) => ctx.emit('out', 5 as unknown as Record<string, unknown>) },
    })
    expect((await h.run('r')).error).toMatchObject({ code: ErrorCode.INVALID_ARGUMENT })
  })

  it('an emit with no data delivers {} and a declared but unconnected event is recorded only', async () => {
    const h = new FlowHarness()
      .routine('r', {
        events: ['out', 'spare'],
        slots: {
          trigger: (_d, ctx) => {
            ctx.emit('out')
            ctx.emit('spare')
          },
        },
      })
      .sink('sink')
      .wire('r.out -> sink.in')
    const job = await h.run('r')
    expect(h.received('sink')).toEqual([{}])
    expect(h.history(job)).toEqual(['r.start', 'r.out', 'r.spare'])
    expect(h.eventsOf(job, 'eventEmitted').map((e) => e.connectionIds.length)).toEqual([1, 0])
  })

  it('log() writes the job output log and publishes outputLogged', async () => {
    const h = new FlowHarness().routine('logger', {
      slots: {
        trigger: (data, ctx) => {
          ctx.log('info', 'hello', { n: data.n })
          ctx.log('warn', 'careful')
        },
      },
    })
    const job = await h.run('logger', { n: 1 })
    expect(
      job.outputLog.map(({ routineId, level, message, data }) => ({ routineId, level, message, data })),
    ).toEqual([
      { routineId: 'logger', level: 'info', message: 'hello', data: { n: 1 } },
      { routineId: 'logger', level: 'warn', message: 'careful', data: undefined },
    ])
    expect(h.eventsOf(job, 'outputLogged').map((e) => e.message)).toEqual(['hello', 'careful'])
  })

  it('log() rejects unknown levels', async () => {
    const h = new FlowHarness().routine('logger', {
      slots: { trigger: (_d, ctx) => ctx.log('fatal' as 'info', 'x') },
    })
    expect((await h.run('logger')).error).toMatchObject({ code: ErrorCode.INVALID_ARGUMENT })
  })
})

describe('timeouts and cancellation', () => {
  it('handlerTimeoutMs turns a slow delivery into HANDLER_TIMEOUT, aborts its signal and drops its late emits', async () => {
    let aborted: unknown
    const h = new FlowHarness({
      handlerTimeoutMs: 10,
      errorHandler: new ErrorHandler({ strategy: 'continue' }),
    })
    h.routine('slow', {
      events: ['out'],
      slots: {
        trigger: async (_d, ctx) => {
          await sleep(40)
          aborted = ctx.signal.reason
          ctx.emit('out')
        },
      },
    })
    h.sink('after').wire('slow.out -> after.in')
    const job = await h.run('slow')
    expect(job.status).toBe('completed')
    expect(job.routineStates.slow?.lastError).toMatchObject({ code: ErrorCode.HANDLER_TIMEOUT })
    await sleep(50)
    expect(aborted).toMatchObject({ code: ErrorCode.HANDLER_TIMEOUT })
    expect(h.received('after')).toEqual([])
  })

  it('a timed-out delivery can be retried by its strategy', async () => {
    const h = new FlowHarness({ handlerTimeoutMs: 10 })
    h.routine('slowOnce', {
      errorHandler: new ErrorHandler({ strategy: 'retry', retryDelayMs: 1 }),
      slots: { trigger: (_d, ctx) => (ctx.attempt === 1 ? sleep(50) : undefined) },
    })
    const job = await h.run('slowOnce')
    expect(job.status).toBe('completed')
    expect(job.routineStates.slowOnce).toMatchObject({ status: 'completed', retries: 1 })
  })

  it('timeoutMs fails the job with JOB_TIMEOUT at once and aborts its handlers', async () => {
    let signal: AbortSignal | undefined
    let handlerFinished = false
    const h = new FlowHarness().routine('slow', {
      slots: {
        trigger: async (_d, ctx) => {
          signal = ctx.signal
          await sleep(200)
          handlerFinished = true
        },
      },
    })
    const job = await h.run('slow', {}, { timeoutMs: 15 })
    expect(handlerFinished).toBe(false)
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: ErrorCode.JOB_TIMEOUT })
    expect(signal?.aborted).toBe(true)
    expect(h.types(job).at(-1)).toBe('jobFailed')
  })

  it('cancel() sets cancelled at once, resolves done, drops pending work and aborts handlers', async () => {
    let signal: AbortSignal | undefined
    const h = new FlowHarness({ executionMode: 'concurrent' }).source('src')
    h.routine('waiting', {
      events: ['out'],
      slots: {
        in: async (_d, ctx) => {
          signal = ctx.signal
          await sleep(30)
          ctx.emit('out')
          ctx.log('info', 'late')
        },
      },
    })
    h.routine('retrying', {
      errorHandler: new ErrorHandler({ strategy: 'retry', retryDelayMs: 5 }),
      slots: {
        in: () => {
          throw new Error('again')
        },
      },
    })
    h.sink('after').wire('src.out -> waiting.in', 'src.out -> retrying.in', 'waiting.out -> after.in')
    const job = h.flow.execute('src')
    await sleep(3)
    h.flow.cancel(job)
    expect(job.status).toBe('cancelled')
    expect(signal?.aborted).toBe(true)
    expect(signal?.reason).toMatchObject({ code: ErrorCode.JOB_CANCELLED })
    await job.done
    await sleep(40)
    expect(job.routineStates.retrying?.runs).toBe(1)
    expect(h.received('after')).toEqual([])
    expect(job.outputLog).toEqual([])
    expect(h.types(job)).toContain('jobCancelled')
    h.flow.cancel(job)
    expect(h.types(job).filter((t) => t === 'jobCancelled')).toHaveLength(1)
  })

  it('a handler that never settles cannot block the flow once its job is cancelled', async () => {
    const h = new FlowHarness().routine('hang', {
      slots: { trigger: (data) => (data.hang ? new Promise<void>(() => {}) : undefined) },
    })
    const stuck = h.flow.execute('hang', { hang: true })
    await sleep(2)
    h.flow.cancel(stuck)
    const next = await h.run('hang', { hang: false })
    expect(next.status).toBe('completed')
    expect(stuck.status).toBe('cancelled')
    expect(stuck.routineStates.hang?.status).toBe('running')
  })

  it("an aborted handler's outcome is still recorded when it settles after its job ended", async () => {
    const h = new FlowHarness({ executionMode: 'concurrent' }).routine('polite', {
      events: ['out'],
      slots: {
        trigger: async (_d, ctx) => {
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve))
          ctx.emit('out')
          throw ctx.signal.reason
        },
      },
    })
    h.sink('after').wire('polite.out -> after.in')
    const job = h.flow.execute('polite')
    await sleep(2)
    h.flow.cancel(job)
    await sleep(2)
    expect(h.received('after')).toEqual([])
    expect(job.routineStates.polite).toMatchObject({
      status: 'failed',
      lastError: { code: ErrorCode.JOB_CANCELLED },
    })
    expect(h.eventsOf(job, 'routineFailed').map((e) => e.resolution)).toEqual(['stop'])
  })
})
