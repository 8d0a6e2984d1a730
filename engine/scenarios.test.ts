/**
 * End-to-end scenarios from the original project's improvement plan, done on the TypeScript engine.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorHandler } from './error-handler'
import { JobState } from './job-state'
import { FlowHarness, sleep } from './testing/harness'
import type { Payload } from './types'

afterEach(() => {
  vi.useRealTimers()
})

describe('scenarios', () => {
  it('multi-stage pipeline: fetch → validate → transform → store', async () => {
    const h = new FlowHarness().source('fetch')
    h.relay('validate', (d) => ({ ...d, valid: typeof d.item === 'number' }))
    h.relay('transform', (d) => ({ value: (d.item as number) * 10, valid: d.valid }))
    h.sink('store').wire(
      'fetch.out -> validate.in',
      'validate.out -> transform.in',
      'transform.out -> store.in',
    )
    const job = await h.run('fetch', { items: [1, 2] })
    expect(h.received('store')).toEqual([
      { value: 10, valid: true },
      { value: 20, valid: true },
    ])
    expect(Object.values(job.routineStates).every((s) => s.status === 'completed')).toBe(true)
  })

  it('branching by value: a router sends each item to one branch', async () => {
    const h = new FlowHarness().source('src').routine('router', {
      events: ['small', 'large'],
      slots: { in: (d, ctx) => ctx.emit((d.item as number) < 10 ? 'small' : 'large', d) },
    })
    h.sink('smalls')
      .sink('larges')
      .wire('src.out -> router.in', 'router.small -> smalls.in', 'router.large -> larges.in')
    await h.run('src', { items: [1, 50, 3, 99] })
    expect(h.received('smalls').map((d) => d.item)).toEqual([1, 3])
    expect(h.received('larges').map((d) => d.item)).toEqual([50, 99])
  })

  it('aggregation from several sources into one append slot', async () => {
    const h = new FlowHarness().routine('start', {
      events: ['go'],
      slots: { trigger: (_d, ctx) => ctx.emit('go') },
    })
    h.sink('agg', { merge: 'append' })
    for (const name of ['a', 'b', 'c']) {
      h.routine(name, { events: ['out'], slots: { in: (_d, ctx) => ctx.emit('out', { from: name }) } })
      h.wire(`start.go -> ${name}.in`, `${name}.out -> agg.in`)
    }
    await h.run('start')
    expect(h.received('agg').at(-1)).toEqual({ from: ['a', 'b', 'c'] })
  })

  it('a cycle ended by a condition', async () => {
    const h = new FlowHarness().routine('counter', {
      events: ['again', 'done'],
      slots: {
        trigger: (_d, ctx) => ctx.emit('again', { n: 1 }),
        in: (d, ctx) => {
          const n = d.n as number
          ctx.emit(n < 5 ? 'again' : 'done', { n: n + 1 })
        },
      },
    })
    h.sink('end').wire('counter.again -> counter.in', 'counter.done -> end.in')
    const job = await h.run('counter')
    expect(h.received('end')).toEqual([{ n: 6 }])
    expect(job.routineStates.counter?.runs).toBe(6)
  })

  it('parallel independent tasks overlap in concurrent mode', async () => {
    let active = 0
    let peak = 0
    const h = new FlowHarness({ executionMode: 'concurrent', maxWorkers: 5 }).source('src')
    for (let i = 0; i < 5; i++) {
      h.routine(`task${i}`, {
        slots: {
          in: async () => {
            peak = Math.max(peak, ++active)
            await sleep(10)
            active--
          },
        },
      })
      h.wire(`src.out -> task${i}.in`)
    }
    const job = await h.run('src')
    expect(peak).toBe(5)
    expect(job.status).toBe('completed')
  })

  it('dependencies respected: a join runs only once both inputs arrived', async () => {
    const h = new FlowHarness({ executionMode: 'concurrent' }).routine('start', {
      events: ['go'],
      slots: { trigger: (_d, ctx) => ctx.emit('go') },
    })
    h.routine('fast', { events: ['out'], slots: { in: async (_d, ctx) => ctx.emit('out', { fast: 1 }) } })
    h.routine('slow', {
      events: ['out'],
      slots: {
        in: async (_d, ctx) => {
          await sleep(10)
          ctx.emit('out', { slow: 2 })
        },
      },
    })
    h.routine('join', {
      events: ['out'],
      slots: {
        in: {
          merge: (previous, incoming) => ({ ...previous, ...incoming }),
          handler: (d, ctx) => {
            if ('fast' in d && 'slow' in d) ctx.emit('out', d)
          },
        },
      },
    })
    h.sink('end').wire(
      'start.go -> fast.in',
      'start.go -> slow.in',
      'fast.out -> join.in',
      'slow.out -> join.in',
    )
    h.wire('join.out -> end.in')
    await h.run('start')
    expect(h.received('end')).toEqual([{ fast: 1, slow: 2 }])
  })

  it('error isolation: a failing branch with CONTINUE does not stop its siblings', async () => {
    const h = new FlowHarness().source('src')
    h.routine('broken', {
      errorHandler: new ErrorHandler({ strategy: 'continue' }),
      slots: {
        in: () => {
          throw new Error('branch down')
        },
      },
    })
    h.sink('healthy').wire('src.out -> broken.in', 'src.out -> healthy.in')
    const job = await h.run('src', { items: [1, 2] })
    expect(job.status).toBe('completed')
    expect(h.received('healthy')).toHaveLength(2)
    expect(job.routineStates.broken).toMatchObject({ status: 'error_continued', errors: 2 })
  })

  it('stop / continue / retry-with-backoff, and a routine handler beating the flow handler', async () => {
    vi.useFakeTimers()
    const outcome = async (handler: ErrorHandler | undefined, flowHandler?: ErrorHandler) => {
      let calls = 0
      const h = new FlowHarness({ errorHandler: flowHandler }).routine('r', {
        errorHandler: handler,
        slots: {
          trigger: () => {
            if (++calls < 3) throw new Error('transient')
          },
        },
      })
      const job = h.flow.execute('r')
      await vi.advanceTimersByTimeAsync(1000)
      await job.done
      return [job.status, calls, h.eventsOf(job, 'retryScheduled').map((e) => e.delayMs)]
    }
    expect(await outcome(undefined)).toEqual(['failed', 1, []])
    expect(await outcome(new ErrorHandler({ strategy: 'continue' }))).toEqual(['completed', 1, []])
    const retry = new ErrorHandler({ strategy: 'retry', retryDelayMs: 100, retryBackoff: 3 })
    expect(await outcome(retry)).toEqual(['completed', 3, [100, 300]])
    expect(await outcome(retry, new ErrorHandler({ strategy: 'stop' }))).toEqual(['completed', 3, [100, 300]])
    expect(await outcome(undefined, retry)).toEqual(['completed', 3, [100, 300]])
  })

  it('pause and resume, then a serialization round trip of the finished job', async () => {
    const h = new FlowHarness().source('src')
    h.routine('slow', {
      events: ['out'],
      slots: {
        in: async (d, ctx) => {
          await sleep(1)
          ctx.emit('out', d)
        },
      },
    })
    h.sink('sink').wire('src.out -> slow.in', 'slow.out -> sink.in')
    const job = h.flow.execute('src', { items: [1, 2, 3] })
    await sleep(2)
    await h.flow.pause(job)
    const seenWhilePaused = h.received('sink').length
    await sleep(10)
    expect(h.received('sink')).toHaveLength(seenWhilePaused)
    h.flow.resume(job)
    await job.done
    expect(h.received('sink').map((d: Payload) => d.item)).toEqual([1, 2, 3])
    const restored = JobState.fromJSON(JSON.parse(JSON.stringify(job)))
    expect(restored.toJSON()).toEqual(JSON.parse(JSON.stringify(job.toJSON())))
  })
})
