import { describe, expect, it } from 'vitest'
import { ErrorHandler } from './error-handler'
import { ErrorCode } from './errors'
import { JobState } from './job-state'
import { codeOf, deferred, FlowHarness, sleep } from './testing/harness'

describe('pause and resume', () => {
  it('pause sets paused at once; running handlers finish and their emits wait; resume finishes the job', async () => {
    const gate = deferred()
    const h = new FlowHarness({ executionMode: 'concurrent' }).routine('entry', {
      events: ['out'],
      slots: {
        trigger: async (_d, ctx) => {
          await gate.promise
          ctx.emit('out', { n: 1 })
        },
      },
    })
    h.sink('sink').wire('entry.out -> sink.in')
    const job = h.flow.execute('entry')
    await sleep(1)
    let paused = false
    const pausing = h.flow.pause(job).then(() => {
      paused = true
    })
    expect(job.status).toBe('paused')
    await sleep(1)
    expect(paused).toBe(false)
    gate.resolve()
    await pausing
    await sleep(5)
    expect(h.received('sink')).toEqual([])
    expect(job.status).toBe('paused')
    expect(job.toJSON().pending.map((p) => [p.routineId, p.slot, p.data])).toEqual([['sink', 'in', { n: 1 }]])
    h.flow.resume(job)
    expect(job.status).toBe('running')
    await job.done
    expect(job.status).toBe('completed')
    expect(h.received('sink')).toEqual([{ n: 1 }])
    expect(h.types(job)).toEqual(expect.arrayContaining(['jobPaused', 'jobResumed', 'jobCompleted']))
  })

  it('a paused job never completes until resumed, even with nothing left to run', async () => {
    const h = new FlowHarness().routine('entry', {
      slots: { trigger: (_d, ctx) => void ctx.flow.pause(ctx.job) },
    })
    const job = h.flow.execute('entry')
    await sleep(5)
    expect(job.status).toBe('paused')
    h.flow.resume(job)
    expect(job.status).toBe('completed')
  })

  it('retry timers keep counting while paused but their deliveries wait for resume', async () => {
    let attempts = 0
    const h = new FlowHarness().routine('flaky', {
      errorHandler: new ErrorHandler({ strategy: 'retry', retryDelayMs: 5 }),
      slots: {
        trigger: () => {
          if (++attempts === 1) throw new Error('first')
        },
      },
    })
    const job = h.flow.execute('flaky')
    await sleep(1)
    await h.flow.pause(job)
    expect(job.toJSON().pending).toMatchObject([
      { routineId: 'flaky', attempt: 2, dueAt: expect.any(Number) },
    ])
    await sleep(20)
    expect(attempts).toBe(1)
    const pending = job.toJSON().pending
    expect(pending).toMatchObject([{ attempt: 2 }])
    expect(pending[0]?.dueAt).toBeUndefined()
    h.flow.resume(job)
    await job.done
    expect(attempts).toBe(2)
    expect(job.status).toBe('completed')
  })
})

/** src → gate, src → flaky (fails on attempt 1, retries after 30 ms); gate pauses the job and emits to a and b. */
function snapshotFlow() {
  const calls: string[] = []
  const h = new FlowHarness().routine('src', {
    events: ['first', 'second'],
    slots: {
      trigger: (_d, ctx) => {
        calls.push('src')
        ctx.emit('first', { x: 1 })
        ctx.emit('second', { y: 2 })
      },
    },
  })
  h.routine('flaky', {
    errorHandler: new ErrorHandler({ strategy: 'retry', retryDelayMs: 30 }),
    slots: {
      in: {
        merge: 'append',
        handler: (data, ctx) => {
          calls.push(`flaky#${ctx.attempt}:${JSON.stringify(data)}`)
          if (ctx.attempt === 1) throw new Error('not yet')
        },
      },
    },
  })
  h.routine('gate', {
    events: ['out'],
    slots: {
      in: (_d, ctx) => {
        calls.push('gate')
        void ctx.flow.pause(ctx.job)
        ctx.emit('out', { z: 3 })
      },
    },
  })
  h.routine('a', { slots: { in: (d) => void calls.push(`a:${JSON.stringify(d)}`) } })
  h.routine('b', { slots: { in: (d) => void calls.push(`b:${JSON.stringify(d)}`) } })
  h.wire('src.first -> flaky.in', 'src.second -> gate.in', 'gate.out -> a.in', 'gate.out -> b.in')
  return { h, calls }
}

/** A job of `snapshotFlow()` once its gate has paused it (no guessing with sleeps), and its snapshot as JSON text. */
async function pausedJob() {
  const original = snapshotFlow()
  const gated = deferred()
  const stop = original.h.flow.observe(() => gated.resolve(), { types: ['jobPaused'] })
  const job = original.h.flow.execute('src')
  await gated.promise
  stop()
  await original.h.flow.pause(job)
  return { original, job, text: JSON.stringify(job) }
}

describe('snapshots of paused jobs', () => {
  it('resume in a fresh flow runs every pending delivery (incl. a waiting retry) exactly once', async () => {
    const { original, job, text } = await pausedJob()
    expect(job.status).toBe('paused')
    expect(original.calls).toEqual(['src', 'flaky#1:{"x":[1]}', 'gate'])
    original.h.flow.cancel(job)

    const restored = JobState.fromJSON(JSON.parse(text))
    expect(restored.jobId).toBe(job.jobId)
    expect(restored.status).toBe('paused')
    expect(restored.history.map((r) => r.event)).toEqual(job.history.map((r) => r.event))
    const fresh = snapshotFlow()
    fresh.h.flow.resume(restored)
    const done = await restored.done
    expect(done.status).toBe('completed')
    expect(fresh.calls.sort()).toEqual(['a:{"z":3}', 'b:{"z":3}', 'flaky#2:{"x":[1]}'])
    expect(restored.routineStates.flaky).toMatchObject({ status: 'completed', runs: 2, retries: 1 })
    expect(fresh.h.flow.jobs.get(restored.jobId)).toBe(restored)
    await sleep(40)
    expect(original.calls).toEqual(['src', 'flaky#1:{"x":[1]}', 'gate'])
  })

  it('keeps slot buffers and shared data across the round trip', async () => {
    const h = new FlowHarness().source('src')
    h.routine('acc', {
      slots: {
        in: {
          merge: 'append',
          handler: (data, ctx) => {
            ctx.job.shared.seen = data.item
            if ((data.item as unknown[]).length === 2) void ctx.flow.pause(ctx.job)
          },
        },
      },
    })
    h.wire('src.out -> acc.in')
    const job = h.flow.execute('src', { items: [1, 2, 3] })
    await sleep(5)
    expect(job.status).toBe('paused')
    const snapshot = JSON.parse(JSON.stringify(job))
    expect(snapshot.slotBuffers).toEqual({ acc: { in: { item: [1, 2] } } })
    expect(snapshot.shared).toEqual({ seen: [1, 2] })
    const restored = JobState.fromJSON(snapshot)
    const fresh = new FlowHarness().source('src').sink('acc', { merge: 'append' }).wire('src.out -> acc.in')
    fresh.flow.resume(restored)
    await restored.done
    expect(fresh.received('acc')).toEqual([{ item: [1, 2, 3] }])
    expect(restored.shared).toEqual({ seen: [1, 2] })
    h.flow.cancel(job)
  })

  it('resuming on a flow lacking a referenced routine or slot gives INVALID_SNAPSHOT', async () => {
    const { original, job, text } = await pausedJob()
    original.h.flow.cancel(job)
    const missingRoutine = new FlowHarness().source('src').sink('a').sink('flaky')
    const missingSlot = new FlowHarness().source('src').sink('a').sink('b').sink('flaky', { slot: 'other' })
    for (const h of [missingRoutine, missingSlot]) {
      const restored = JobState.fromJSON(JSON.parse(text))
      expect(codeOf(() => h.flow.resume(restored))).toBe(ErrorCode.INVALID_SNAPSHOT)
      expect(h.flow.jobs.size).toBe(0)
      expect(restored.status).toBe('paused')
    }
  })

  it('a job id can be attached once per flow (INVALID_STATE), and a live job only to its own flow', async () => {
    const { original, job, text } = await pausedJob()
    const other = snapshotFlow()
    for (const action of [() => other.h.flow.resume(job), () => other.h.flow.cancel(job)]) {
      expect(action).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_ARGUMENT }))
    }
    original.h.flow.cancel(job)
    const first = JobState.fromJSON(JSON.parse(text))
    other.h.flow.resume(first)
    expect(() => other.h.flow.resume(JobState.fromJSON(JSON.parse(text)))).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_STATE }),
    )
    await first.done
    expect(first.status).toBe('completed')
  })
})
