import { describe, expect, it, vi } from 'vitest'
import { ErrorCode, isRoutiluxError } from './errors'
import { JobState } from './job-state'
import { codeOf, FlowHarness } from './testing/harness'

async function finishedJob() {
  const h = new FlowHarness().source('src').sink('sink', { merge: 'append' }).wire('src.out -> sink.in')
  h.routine('logger', { slots: { trigger: (_d, ctx) => ctx.log('info', 'hello', { a: 1 }) } })
  const job = await h.run('src', { items: [1, 2, 3] })
  return job
}

describe('JobState snapshots', () => {
  it('round-trips through JSON text, versioned', async () => {
    const job = await finishedJob()
    const snapshot = job.toJSON()
    expect(snapshot).toMatchObject({
      format: 'routilux-job',
      version: 1,
      jobId: job.jobId,
      status: 'completed',
    })
    const restored = JobState.fromJSON(JSON.parse(JSON.stringify(job)))
    expect(restored.toJSON()).toEqual(JSON.parse(JSON.stringify(snapshot)))
    expect(restored.routineStates).toEqual(job.routineStates)
    expect(restored.history).toEqual(job.history)
    expect(await restored.done).toBe(restored)
  })

  it('does not mutate its input and can decode the same input twice', async () => {
    const input = JSON.parse(JSON.stringify(await finishedJob()))
    const before = JSON.stringify(input)
    const a = JobState.fromJSON(input)
    const b = JobState.fromJSON(input)
    expect(JSON.stringify(input)).toBe(before)
    expect(a.toJSON()).toEqual(b.toJSON())
    const state = a.routineStates.sink
    if (state) state.runs = 99
    expect(b.routineStates.sink?.runs).toBe(3)
  })

  it('keeps unbounded history limits as null in JSON', async () => {
    const h = new FlowHarness({ history: { maxSize: Number.POSITIVE_INFINITY, ttlMs: 0 } }).source('src')
    const job = await h.run('src')
    const snapshot = JSON.parse(JSON.stringify(job))
    expect(snapshot.historyLimits).toEqual({ maxSize: null, ttlMs: 0 })
    expect(JobState.fromJSON(snapshot).toJSON().historyLimits).toEqual({ maxSize: null, ttlMs: 0 })
  })

  it('rejects garbage with INVALID_SNAPSHOT, whatever its shape', async () => {
    const good = JSON.parse(JSON.stringify(await finishedJob()))
    const variants: unknown[] = [
      undefined,
      null,
      42,
      'text',
      [],
      [good],
      {},
      { ...good, format: 'something-else' },
      { ...good, version: 2 },
      { ...good, version: '1' },
      { ...good, jobId: '' },
      { ...good, jobId: 7 },
      { ...good, status: 'exploded' },
      { ...good, routineStates: [] },
      { ...good, routineStates: { sink: { status: 'completed' } } },
      { ...good, routineStates: { sink: { ...good.routineStates.sink, runs: -1 } } },
      { ...good, history: {} },
      { ...good, history: [{ routineId: 'a', event: 'x', data: 'nope', timestamp: 1 }] },
      { ...good, history: [{ routineId: 'a', event: 'x', data: {}, timestamp: 'yesterday' }] },
      { ...good, shared: null },
      { ...good, output: [{ routineId: 'a', level: 'loud', message: 'm', timestamp: 1 }] },
      { ...good, slotBuffers: { a: { in: [1, 2] } } },
      { ...good, pending: [{ id: 1, routineId: 'a', slot: 'in', data: {}, attempt: 0 }] },
      { ...good, pending: [{ id: 0, routineId: 'a', slot: 'in', data: {}, attempt: 1 }] },
      { ...good, pending: [{ id: 1, routineId: 'a', slot: 'in', attempt: 1 }] },
      {
        ...good,
        nextDeliveryId: 5,
        pending: [
          { id: 2, routineId: 'a', slot: 'in', data: {}, attempt: 1 },
          { id: 2, routineId: 'b', slot: 'in', data: {}, attempt: 1 },
        ],
      },
      { ...good, nextDeliveryId: 1, pending: [{ id: 3, routineId: 'a', slot: 'in', data: {}, attempt: 1 }] },
      { ...good, historyLimits: { maxSize: -1, ttlMs: 0 } },
      { ...good, createdAt: Number.NaN },
    ]
    for (const variant of variants) {
      expect(
        codeOf(() => JobState.fromJSON(variant)),
        JSON.stringify(variant)?.slice(0, 80),
      ).toBe(ErrorCode.INVALID_SNAPSHOT)
    }
  })

  it('names the offending path in the error', async () => {
    const good = JSON.parse(JSON.stringify(await finishedJob()))
    try {
      JobState.fromJSON({ ...good, history: [good.history[0], { ...good.history[0], timestamp: 'x' }] })
      expect.unreachable()
    } catch (error) {
      expect(isRoutiluxError(error, ErrorCode.INVALID_SNAPSHOT)).toBe(true)
      expect((error as Error).message).toContain('history.1.timestamp')
    }
  })
})

describe('history retention', () => {
  it('keeps the newest maxSize records, trimming on each append', async () => {
    const h = new FlowHarness({ history: { maxSize: 5 } }).source('src')
    const job = await h.run('src', { items: [1, 2, 3, 4, 5, 6, 7, 8] })
    expect(job.history).toHaveLength(5)
    expect(job.history.map((r) => r.data.item)).toEqual([4, 5, 6, 7, 8])
  })

  it('drops records older than ttlMs when a new one is appended', async () => {
    vi.useFakeTimers()
    try {
      const h = new FlowHarness({ history: { ttlMs: 1000 } }).routine('slow', {
        events: ['tick'],
        slots: {
          trigger: async (_d, ctx) => {
            ctx.emit('tick', { n: 1 })
            await new Promise((r) => setTimeout(r, 2000))
            ctx.emit('tick', { n: 2 })
          },
        },
      })
      const job = h.flow.execute('slow')
      await vi.advanceTimersByTimeAsync(2500)
      await job.done
      expect(job.history.map((r) => r.data.n)).toEqual([2])
    } finally {
      vi.useRealTimers()
    }
  })
})
