/**
 * One test per defect of the Python original (reference §7) that applies to the engine, showing
 * the fixed behaviour. Numbers refer to that list.
 */
import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './error-handler'
import { ErrorCode, isRoutiluxError } from './errors'
import { JobState } from './job-state'
import { MetricsCollector } from './metrics/metrics-collector'
import { FlowHarness, sleep } from './testing/harness'

/** `count` routines, all with an `in` slot and an `out` event (identical port names). */
function uniformChain(count: number) {
  const h = new FlowHarness().source('src')
  for (let i = 0; i < count; i++) h.relay(`r${i}`, (d) => ({ path: `${String(d.path ?? '')}>r${i}` }))
  return h
}

describe('Python defects, fixed', () => {
  it('§7.1 connections resolve by routine id, so repeated port names stay exact', async () => {
    const h = uniformChain(3).sink('end')
    h.wire('src.out -> r2.in', 'r2.out -> r0.in', 'r0.out -> r1.in', 'r1.out -> end.in')
    await h.run('src', {})
    expect(h.received('end')).toEqual([{ path: '>r2>r0>r1' }])
  })

  it('§7.2 pending deliveries are keyed by flow routine ids and run after resume', async () => {
    const h = new FlowHarness().routine('entry', {
      events: ['out'],
      slots: {
        trigger: (_d, ctx) => {
          void ctx.flow.pause(ctx.job)
          ctx.emit('out', { v: 1 })
        },
      },
    })
    h.sink('k').wire('entry.out -> k.in')
    const job = h.flow.execute('entry')
    await sleep(2)
    expect(job.toJSON().pending).toMatchObject([{ routineId: 'k', slot: 'in' }])
    const restored = JobState.fromJSON(JSON.parse(JSON.stringify(job)))
    h.flow.cancel(job)
    const fresh = new FlowHarness().sink('entry', { slot: 'trigger' }).sink('k')
    fresh.flow.resume(restored)
    await restored.done
    expect(fresh.received('k')).toEqual([{ v: 1 }])
  })

  it('§7.3 decoding a snapshot leaves its input untouched (decoding twice works)', async () => {
    const job = await new FlowHarness().source('src').run('src', { items: [1] })
    const input = JSON.parse(JSON.stringify(job))
    const copy = structuredClone(input)
    JobState.fromJSON(input)
    expect(input).toEqual(copy)
    expect(JobState.fromJSON(input).history).toEqual(job.history)
  })

  it('§7.4 no runtime flag is persisted: a restored paused job does not pause its new flow', async () => {
    const h = new FlowHarness().routine('entry', {
      slots: { trigger: (_d, ctx) => void ctx.flow.pause(ctx.job) },
    })
    const job = h.flow.execute('entry')
    await sleep(2)
    const restored = JobState.fromJSON(JSON.parse(JSON.stringify(job)))
    const fresh = new FlowHarness().source('entry')
    expect(restored.status).toBe('paused')
    expect((await fresh.run('entry')).status).toBe('completed')
    h.flow.cancel(job)
  })

  it('§7.6 snapshots carry a format version; unknown versions are rejected', async () => {
    const job = await new FlowHarness().source('src').run('src')
    const snapshot = JSON.parse(JSON.stringify(job))
    expect(snapshot.version).toBe(1)
    let error: unknown
    try {
      JobState.fromJSON({ ...snapshot, version: 99 })
    } catch (caught) {
      error = caught
    }
    expect(isRoutiluxError(error, ErrorCode.INVALID_SNAPSHOT)).toBe(true)
  })

  it('§7.7 slot buffers are per job, and handlers get copies', async () => {
    const h = new FlowHarness().source('src').sink('acc', { merge: 'append' }).wire('src.out -> acc.in')
    const first = await h.run('src', { items: ['x'] })
    const second = await h.run('src', { items: ['y'] })
    expect(h.received('acc', first)).toEqual([{ item: ['x'] }])
    expect(h.received('acc', second)).toEqual([{ item: ['y'] }])
  })

  it('§7.8 retry budgets are per delivery of each job, never shared across runs or routines', async () => {
    const calls: string[] = []
    const h = new FlowHarness({
      errorHandler: new ErrorHandler({ strategy: 'retry', maxRetries: 2, retryDelayMs: 1 }),
    })
    h.source('src')
    for (const id of ['a', 'b']) {
      h.routine(id, {
        slots: {
          in: (_d, ctx) => {
            calls.push(`${id}${ctx.attempt}`)
            throw new Error('always')
          },
        },
      })
      h.wire(`src.out -> ${id}.in`)
    }
    await h.run('src')
    await h.run('src')
    expect(calls.filter((c) => c.startsWith('a'))).toEqual(['a1', 'a2', 'a3', 'a1', 'a2', 'a3'])
    expect(calls.filter((c) => c.startsWith('b'))).toEqual(['b1', 'b2', 'b3', 'b1', 'b2', 'b3'])
  })

  it('§7.9 pause and completion are per job', async () => {
    const h = new FlowHarness({ executionMode: 'concurrent' }).routine('slow', {
      slots: { trigger: () => sleep(10) },
    })
    const a = h.flow.execute('slow')
    const b = h.flow.execute('slow')
    await h.flow.pause(a)
    await b.done
    expect([a.status, b.status]).toEqual(['paused', 'completed'])
    h.flow.resume(a)
    await a.done
    expect(a.status).toBe('completed')
  })

  it('§7.10 resume replays nothing that already ran', async () => {
    const counts: Record<string, number> = {}
    const h = new FlowHarness().routine('entry', {
      events: ['out'],
      slots: {
        trigger: (_d, ctx) => {
          counts.entry = (counts.entry ?? 0) + 1
          ctx.emit('out', { n: 1 })
          void ctx.flow.pause(ctx.job)
          ctx.emit('out', { n: 2 })
        },
      },
    })
    h.routine('sink', {
      slots: {
        in: {
          merge: 'append',
          handler: () => {
            counts.sink = (counts.sink ?? 0) + 1
          },
        },
      },
    })
    h.wire('entry.out -> sink.in')
    const job = h.flow.execute('entry')
    await sleep(2)
    h.flow.resume(job)
    h.flow.resume(job)
    await job.done
    expect(counts).toEqual({ entry: 1, sink: 2 })
  })

  it('§7.12 cancel drops the queue: nothing of a cancelled job runs under a later one', async () => {
    const h = new FlowHarness().source('src').sink('sink').wire('src.out -> sink.in')
    const cancelled = h.flow.execute('src', { items: [1, 2, 3] })
    h.flow.cancel(cancelled)
    const next = await h.run('src', { items: [9] })
    expect(h.received('sink')).toEqual([{ item: 9 }])
    expect(h.received('sink', cancelled)).toEqual([])
    expect(next.status).toBe('completed')
  })

  it('§7.13 downstream errors are resolved like the entry: flow handler, else STOP', async () => {
    const failing = () => {
      throw new Error('downstream')
    }
    const plain = new FlowHarness()
      .source('src')
      .routine('bad', { slots: { in: failing } })
      .wire('src.out -> bad.in')
    expect((await plain.run('src')).status).toBe('failed')
    const tolerant = new FlowHarness({ errorHandler: new ErrorHandler({ strategy: 'skip' }) })
    tolerant
      .source('src')
      .routine('bad', { slots: { in: failing } })
      .wire('src.out -> bad.in')
    const job = await tolerant.run('src')
    expect(job.status).toBe('completed')
    expect(job.routineStates.bad?.skips).toBe(1)
  })

  it('§7.14 an exhausted non-critical RETRY continues and a critical one stops', async () => {
    const run = async (isCritical: boolean) => {
      const h = new FlowHarness().routine('r', {
        errorHandler: new ErrorHandler({ strategy: 'retry', maxRetries: 1, retryDelayMs: 1, isCritical }),
        slots: {
          trigger: () => {
            throw new Error('x')
          },
        },
      })
      return (await h.run('r')).status
    }
    expect(await run(false)).toBe('completed')
    expect(await run(true)).toBe('failed')
  })

  it('§7.15 retries wait on timers and record one error per attempt (no duplicates)', async () => {
    const h = new FlowHarness().routine('r', {
      errorHandler: new ErrorHandler({ strategy: 'retry', maxRetries: 2, retryDelayMs: 1 }),
      slots: {
        trigger: () => {
          throw new Error('x')
        },
      },
    })
    const job = await h.run('r')
    expect(h.history(job).filter((e) => e === 'r.error')).toHaveLength(3)
    expect(h.history(job).filter((e) => e === 'r.retry')).toHaveLength(2)
  })

  it('§7.16 an entry without the slot is rejected up front', () => {
    const h = new FlowHarness().sink('no-trigger')
    expect(() => h.flow.execute('no-trigger')).toThrow(
      expect.objectContaining({ code: ErrorCode.UNKNOWN_SLOT }),
    )
  })

  it('§7.17 a STOP in one job leaves the other jobs of the flow running', async () => {
    const h = new FlowHarness().routine('r', {
      slots: {
        trigger: (data) => {
          if (data.fail) throw new Error('stop me')
        },
      },
    })
    const [bad, good] = await Promise.all([h.run('r', { fail: true }), h.run('r', { fail: false })])
    expect([bad.status, good.status]).toEqual(['failed', 'completed'])
  })

  it('§7.18 execute timeouts are enforced', async () => {
    const h = new FlowHarness().routine('slow', { slots: { trigger: () => sleep(100) } })
    expect((await h.run('slow', {}, { timeoutMs: 5 })).error?.code).toBe(ErrorCode.JOB_TIMEOUT)
  })

  it('§7.19 each job has its own tracker, and successful attempts are counted as completed', async () => {
    const h = new FlowHarness().source('src').sink('sink').wire('src.out -> sink.in')
    const a = await h.run('src', { items: [1, 2] })
    const b = await h.run('src', { items: [1] })
    expect(a.trace).not.toBe(b.trace)
    expect(a.trace.getRoutinePerformance('sink')).toMatchObject({
      totalExecutions: 2,
      completed: 2,
      successRate: 1,
    })
    expect(b.trace.getRoutinePerformance('sink')).toMatchObject({ totalExecutions: 1, completed: 1 })
    expect(typeof a.trace.getPerformanceMetrics().flow.totalExecutions).toBe('number')
  })

  it('§7.22 a flow given a collector records its metrics', async () => {
    const metrics = new MetricsCollector()
    const h = new FlowHarness({ id: 'measured', metrics }).source('src')
    await h.run('src')
    expect(metrics.getCounter('routilux_flow_executions_total', { flow: 'measured' })?.value).toBe(1)
  })

  it('§7.24/25 a job settles by itself the moment its last delivery ends, without polling or waiting', async () => {
    const h = new FlowHarness().source('src')
    const job = h.flow.execute('src')
    await Promise.resolve()
    await Promise.resolve()
    expect(job.status).toBe('completed')
  })

  it('§7.29 payload keys named flow or job_state are plain data; nothing is injected', async () => {
    const h = new FlowHarness().source('src').sink('sink').wire('src.out -> sink.in')
    await h.run('src', { flow: 'f', job_state: 'j' })
    expect(h.received('sink')).toEqual([{ flow: 'f', job_state: 'j' }])
  })
})
