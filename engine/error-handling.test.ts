import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorHandler, type ErrorHandlerOptions } from './error-handler'
import { ErrorCode, RoutiluxError } from './errors'
import { FlowHarness, sleep } from './testing/harness'

afterEach(() => {
  vi.useRealTimers()
})

/** src emits each item to `flaky` (fails while `failures(item, attempt)` says so) and to `after`. */
function flakyFlow(failures: (item: unknown, attempt: number) => boolean, handler?: ErrorHandlerOptions) {
  const attempts: string[] = []
  const h = new FlowHarness().source('src')
  h.routine('flaky', {
    events: ['out'],
    errorHandler: handler ? new ErrorHandler(handler) : undefined,
    slots: {
      in: (data, ctx) => {
        attempts.push(`${String(data.item)}#${ctx.attempt}`)
        if (failures(data.item, ctx.attempt)) throw new Error(`boom ${String(data.item)}`)
        ctx.emit('out', data)
      },
    },
  })
  h.sink('after').wire('src.out -> flaky.in', 'flaky.out -> after.in')
  return { h, attempts }
}

describe('STOP (the default)', () => {
  it('fails the job with the routine id, drops queued deliveries', async () => {
    const { h, attempts } = flakyFlow((item) => item === 2)
    const job = await h.run('src', { items: [1, 2, 3] })
    expect(job.status).toBe('failed')
    expect(job.error).toMatchObject({ code: ErrorCode.HANDLER_ERROR, message: 'boom 2', routineId: 'flaky' })
    expect(attempts).toEqual(['1#1', '2#1'])
    expect(h.received('after')).toEqual([])
    expect(job.routineStates.flaky).toMatchObject({ status: 'failed', errors: 1 })
    expect(h.types(job).at(-1)).toBe('jobFailed')
  })

  it("aborts the job's running handlers and discards their later emits", async () => {
    let reason: unknown
    const h = new FlowHarness({ executionMode: 'concurrent', maxWorkers: 4 }).source('src')
    h.routine('long', {
      events: ['out'],
      slots: {
        in: async (_d, ctx) => {
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()))
          reason = ctx.signal.reason
          ctx.emit('out', { late: true })
        },
      },
    })
    h.routine('failing', {
      slots: {
        in: async () => {
          await sleep(1)
          throw new Error('fatal')
        },
      },
    })
    h.sink('after').wire('src.out -> long.in', 'src.out -> failing.in', 'long.out -> after.in')
    const job = await h.run('src')
    expect(job.status).toBe('failed')
    await sleep(5)
    expect(reason).toBeInstanceOf(RoutiluxError)
    expect(h.received('after')).toEqual([])
  })
})

describe('CONTINUE and SKIP', () => {
  it('CONTINUE records the error in routine state and history, not in job.error', async () => {
    const { h, attempts } = flakyFlow((item) => item === 2, { strategy: 'continue' })
    const job = await h.run('src', { items: [1, 2, 3] })
    expect(job.status).toBe('completed')
    expect(job.error).toBeUndefined()
    expect(attempts).toEqual(['1#1', '2#1', '3#1'])
    expect(h.received('after')).toEqual([{ item: 1 }, { item: 3 }])
    expect(job.routineStates.flaky).toMatchObject({ status: 'completed', runs: 3, errors: 1 })
    expect(job.routineStates.flaky?.lastError).toMatchObject({ message: 'boom 2' })
    expect(h.history(job)).toContain('flaky.error')
  })

  it('a routine status is its last outcome while counters accumulate', async () => {
    const { h } = flakyFlow((item) => item === 3, { strategy: 'continue' })
    const job = await h.run('src', { items: [1, 2, 3] })
    expect(job.routineStates.flaky).toMatchObject({ status: 'error_continued', runs: 3, errors: 1 })
  })

  it('SKIP marks the routine skipped, counts it, records it and goes on', async () => {
    const { h } = flakyFlow((item) => item === 1, { strategy: 'skip' })
    const job = await h.run('src', { items: [1, 2] })
    expect(job.status).toBe('completed')
    expect(job.routineStates.flaky).toMatchObject({ status: 'completed', skips: 1, errors: 1 })
    expect(h.history(job)).toEqual(expect.arrayContaining(['flaky.error', 'flaky.skipped']))
    const failed = h.eventsOf(job, 'routineFailed')
    expect(failed.map((e) => e.resolution)).toEqual(['skip'])
  })
})

describe('RETRY', () => {
  it('redelivers after retryDelayMs × retryBackoff^(n−1) on timers', async () => {
    vi.useFakeTimers()
    const { h, attempts } = flakyFlow((_item, attempt) => attempt <= 3, {
      strategy: 'retry',
      maxRetries: 3,
      retryDelayMs: 10,
      retryBackoff: 2,
    })
    const job = h.flow.execute('src', { items: ['x'] })
    await vi.advanceTimersByTimeAsync(0)
    expect(attempts).toEqual(['x#1'])
    await vi.advanceTimersByTimeAsync(9)
    expect(attempts).toEqual(['x#1'])
    await vi.advanceTimersByTimeAsync(1)
    expect(attempts).toEqual(['x#1', 'x#2'])
    await vi.advanceTimersByTimeAsync(20)
    expect(attempts).toEqual(['x#1', 'x#2', 'x#3'])
    await vi.advanceTimersByTimeAsync(40)
    expect(attempts).toEqual(['x#1', 'x#2', 'x#3', 'x#4'])
    await job.done
    expect(job.status).toBe('completed')
    expect(h.eventsOf(job, 'retryScheduled').map((e) => [e.nextAttempt, e.delayMs])).toEqual([
      [2, 10],
      [3, 20],
      [4, 40],
    ])
    expect(job.routineStates.flaky).toMatchObject({ status: 'completed', retries: 3, errors: 3, runs: 4 })
    expect(h.received('after')).toEqual([{ item: 'x' }])
  })

  it('caps a backoff delay beyond what a timer can hold instead of retrying at once', async () => {
    const { h, attempts } = flakyFlow(() => true, { strategy: 'retry', retryDelayMs: 1e10 })
    const job = h.flow.execute('src', { items: ['x'] })
    await sleep(30)
    expect(attempts).toEqual(['x#1'])
    const [pending] = job.toJSON().pending
    expect(pending).toMatchObject({ routineId: 'flaky', attempt: 2 })
    expect(pending?.dueAt).toBeGreaterThan(Date.now() + 2_147_483_647 - 60_000)
    h.flow.cancel(job)
  })

  it('never blocks other deliveries while a retry waits', async () => {
    const { h, attempts } = flakyFlow((item, attempt) => item === 1 && attempt === 1, {
      strategy: 'retry',
      retryDelayMs: 5,
    })
    await h.run('src', { items: [1, 2, 3] })
    expect(attempts).toEqual(['1#1', '2#1', '3#1', '1#2'])
  })

  it('exhausted retries: non-critical → CONTINUE, critical → STOP', async () => {
    const always = () => true
    const soft = flakyFlow(always, { strategy: 'retry', maxRetries: 2, retryDelayMs: 1 })
    const softJob = await soft.h.run('src', { items: [1] })
    expect(soft.attempts).toEqual(['1#1', '1#2', '1#3'])
    expect(softJob.status).toBe('completed')
    expect(softJob.routineStates.flaky).toMatchObject({ status: 'error_continued', retries: 2, errors: 3 })
    const hard = flakyFlow(always, { strategy: 'retry', maxRetries: 2, retryDelayMs: 1, isCritical: true })
    const hardJob = await hard.h.run('src', { items: [1] })
    expect(hard.attempts).toEqual(['1#1', '1#2', '1#3'])
    expect(hardJob.status).toBe('failed')
    expect(hardJob.error).toMatchObject({ routineId: 'flaky', message: 'boom 1' })
  })

  it('an error the retryable predicate rejects is handled as exhausted at once', async () => {
    const { h, attempts } = flakyFlow(() => true, {
      strategy: 'retry',
      retryDelayMs: 1,
      retryable: (error) => !(error instanceof Error && error.message.startsWith('boom')),
      isCritical: true,
    })
    const job = await h.run('src', { items: [1] })
    expect(attempts).toEqual(['1#1'])
    expect(job.status).toBe('failed')
  })

  it('redelivers the already merged payload (no second merge)', async () => {
    let calls = 0
    const seen: unknown[] = []
    const h = new FlowHarness().source('src')
    h.routine('acc', {
      errorHandler: new ErrorHandler({ strategy: 'retry', retryDelayMs: 1 }),
      slots: {
        in: {
          merge: 'append',
          handler: (data) => {
            seen.push(data.item)
            if (++calls === 2) throw new Error('once')
          },
        },
      },
    })
    h.wire('src.out -> acc.in')
    await h.run('src', { items: ['a', 'b'] })
    expect(seen).toEqual([['a'], ['a', 'b'], ['a', 'b']])
  })
})

describe('resolution order: routine → flow → STOP, for every routine', () => {
  it('the routine-level handler beats the flow-level one', async () => {
    const { h } = flakyFlow((item) => item === 1, { strategy: 'continue' })
    h.flow.setErrorHandler(new ErrorHandler({ strategy: 'stop' }))
    expect((await h.run('src', { items: [1, 2] })).status).toBe('completed')
  })

  it('the flow-level handler applies to routines without one, the entry included', async () => {
    const h = new FlowHarness({ errorHandler: new ErrorHandler({ strategy: 'continue' }) })
    h.routine('entry', {
      slots: {
        trigger: () => {
          throw 'a plain string'
        },
      },
    })
    const job = await h.run('entry')
    expect(job.status).toBe('completed')
    expect(job.routineStates.entry).toMatchObject({ status: 'error_continued' })
    expect(job.routineStates.entry?.lastError).toMatchObject({
      code: ErrorCode.HANDLER_ERROR,
      message: 'a plain string',
    })
  })

  it('keeps the code of a RoutiluxError and the name and message of any other error', async () => {
    const h = new FlowHarness({ errorHandler: new ErrorHandler({ strategy: 'continue' }) }).source('src')
    h.routine('coded', {
      slots: {
        in: () => {
          throw new RoutiluxError('MY_CODE', 'coded failure', { extra: 1 })
        },
      },
    })
    h.routine('plain', {
      slots: {
        in: () => {
          throw new RangeError('out of range')
        },
      },
    })
    h.wire('src.out -> coded.in', 'src.out -> plain.in')
    const job = await h.run('src')
    expect(job.routineStates.coded?.lastError).toMatchObject({ code: 'MY_CODE', details: { extra: 1 } })
    expect(job.routineStates.plain?.lastError).toMatchObject({
      code: ErrorCode.HANDLER_ERROR,
      name: 'RangeError',
      message: 'out of range',
      routineId: 'plain',
      slot: 'in',
    })
  })
})
