import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './error-handler'
import { deferred, FlowHarness, sleep } from './testing/harness'

/** A concurrent flow: src → slow (async, append) → sink; `flaky` fails its first attempt per job. */
function sharedFlow() {
  const attempts: string[] = []
  const h = new FlowHarness({ executionMode: 'concurrent', maxWorkers: 8 }).source('src')
  h.routine('slow', {
    events: ['out'],
    slots: {
      in: {
        merge: 'append',
        handler: async (data, ctx) => {
          await sleep(2)
          ctx.job.shared.last = data.item
          ctx.emit('out', { items: data.item })
        },
      },
    },
  })
  h.routine('flaky', {
    errorHandler: new ErrorHandler({ strategy: 'retry', maxRetries: 1, retryDelayMs: 3 }),
    slots: {
      in: (data, ctx) => {
        attempts.push(`${String(data.item)}#${ctx.attempt}`)
        if (ctx.attempt === 1) throw new Error('first attempt fails')
      },
    },
  })
  h.sink('sink').wire('src.out -> slow.in', 'src.out -> flaky.in', 'slow.out -> sink.in')
  return { h, attempts }
}

describe('two concurrent jobs of one flow', () => {
  it('never mix append buffers, shared data, history or retry budgets', async () => {
    const { h, attempts } = sharedFlow()
    const [a, b] = await Promise.all([
      h.run('src', { items: ['a1', 'a2'] }),
      h.run('src', { items: ['b1', 'b2'] }),
    ])
    expect([a.status, b.status]).toEqual(['completed', 'completed'])
    expect(h.received('sink', a).map((d) => d.items)).toEqual([['a1'], ['a1', 'a2']])
    expect(h.received('sink', b).map((d) => d.items)).toEqual([['b1'], ['b1', 'b2']])
    expect(a.shared.last).toEqual(['a1', 'a2'])
    expect(b.shared.last).toEqual(['b1', 'b2'])
    const itemsIn = (job: typeof a) =>
      job.history.filter((r) => r.routineId === 'src').map((r) => r.data.item ?? r.data.items)
    expect(itemsIn(a).flat()).toEqual(['a1', 'a2', 'a1', 'a2'])
    expect(itemsIn(b).flat()).toEqual(['b1', 'b2', 'b1', 'b2'])
    expect(attempts.sort()).toEqual(['a1#1', 'a1#2', 'a2#1', 'a2#2', 'b1#1', 'b1#2', 'b2#1', 'b2#2'])
    expect(a.routineStates.flaky).toMatchObject({ retries: 2, status: 'completed' })
    expect(b.routineStates.flaky).toMatchObject({ retries: 2, status: 'completed' })
  })

  it('pause, cancel and completion of one job leave the other untouched', async () => {
    const gate = deferred()
    const h = new FlowHarness({ executionMode: 'concurrent' }).routine('entry', {
      events: ['out'],
      slots: {
        trigger: async (data, ctx) => {
          if (data.wait) await gate.promise
          ctx.emit('out', data)
        },
      },
    })
    h.sink('sink').wire('entry.out -> sink.in')
    const paused = h.flow.execute('entry', { job: 'paused', wait: true })
    const cancelled = h.flow.execute('entry', { job: 'cancelled', wait: true })
    const free = h.flow.execute('entry', { job: 'free' })
    await sleep(1)
    const pausing = h.flow.pause(paused)
    h.flow.cancel(cancelled)
    await free.done
    expect([paused.status, cancelled.status, free.status]).toEqual(['paused', 'cancelled', 'completed'])
    gate.resolve()
    await pausing
    expect(h.received('sink').map((d) => d.job)).toEqual(['free'])
    h.flow.resume(paused)
    await paused.done
    expect(paused.status).toBe('completed')
    expect(h.received('sink').map((d) => d.job)).toEqual(['free', 'paused'])
  })

  it('a failing job does not disturb a running one', async () => {
    const h = new FlowHarness({ executionMode: 'concurrent' }).routine('entry', {
      events: ['out'],
      slots: {
        trigger: async (data, ctx) => {
          await sleep(data.fail ? 1 : 5)
          if (data.fail) throw new Error('fatal for this job only')
          ctx.emit('out', data)
        },
      },
    })
    h.sink('sink').wire('entry.out -> sink.in')
    const [failed, ok] = await Promise.all([h.run('entry', { fail: true }), h.run('entry', { fail: false })])
    expect(failed.status).toBe('failed')
    expect(ok.status).toBe('completed')
    expect(h.received('sink')).toEqual([{ fail: false }])
  })
})
