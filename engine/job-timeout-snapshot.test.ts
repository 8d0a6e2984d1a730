import { describe, expect, it } from 'vitest'
import { ErrorCode } from './errors'
import { JobState } from './job-state'
import { codeOf, FlowHarness, sleep } from './testing/harness'
import type { Payload } from './types'

/** `entry` emits to `slow`, then pauses the job, so the snapshot holds one pending delivery to `slow`. */
function pausingFlow(slowHandler: () => Promise<void> | void = () => {}): FlowHarness {
  return new FlowHarness({ executionMode: 'concurrent' })
    .routine('entry', {
      events: ['out'],
      slots: {
        trigger: (_d, ctx) => {
          ctx.emit('out', { n: 1 })
          void ctx.flow.pause(ctx.job)
        },
      },
    })
    .routine('slow', { slots: { in: () => slowHandler() } })
    .wire('entry.out -> slow.in')
}

/** A handler that never finishes on its own (it only ends when the job's signal is aborted). */
const forever = (): Promise<void> => new Promise(() => {})

async function pausedSnapshot(timeoutMs: number | undefined): Promise<Payload> {
  const h = pausingFlow()
  const job = h.flow.execute('entry', {}, timeoutMs === undefined ? {} : { timeoutMs })
  await sleep(5)
  expect(job.status).toBe('paused')
  expect(job.toJSON().pending.map((d) => d.routineId)).toEqual(['slow'])
  const snapshot = JSON.parse(JSON.stringify(job)) as Payload
  h.flow.cancel(job)
  return snapshot
}

describe('job timeout across snapshot and restore', () => {
  it('a snapshot of an unfinished job carries the limit and the budget left', async () => {
    const snapshot = await pausedSnapshot(60_000)
    const timeout = snapshot.timeout as { limitMs: number; remainingMs: number }
    expect(timeout.limitMs).toBe(60_000)
    expect(timeout.remainingMs).toBeGreaterThan(0)
    expect(timeout.remainingMs).toBeLessThanOrEqual(60_000)
  })

  it('has no timeout field without a job timeout, nor once the job is finished', async () => {
    expect((await pausedSnapshot(undefined)).timeout).toBeUndefined()
    const h = new FlowHarness().source('src')
    const done = await h.run('src', {}, { timeoutMs: 60_000 })
    expect(done.status).toBe('completed')
    expect(done.toJSON().timeout).toBeUndefined()
  })

  it('a restored job still fails with JOB_TIMEOUT, naming its original limit', async () => {
    const snapshot = await pausedSnapshot(80)
    const restored = JobState.fromJSON(snapshot)
    const fresh = pausingFlow(forever)
    fresh.flow.resume(restored)
    await restored.done
    expect(restored.status).toBe('failed')
    expect(restored.error).toMatchObject({ code: ErrorCode.JOB_TIMEOUT, details: { timeoutMs: 80 } })
  }, 5_000)

  it('gets the remaining budget from its resume on, not the full limit again', async () => {
    const snapshot = await pausedSnapshot(3_600_000)
    const restored = JobState.fromJSON({ ...snapshot, timeout: { limitMs: 3_600_000, remainingMs: 30 } })
    const fresh = pausingFlow(forever)
    fresh.flow.resume(restored)
    await restored.done
    expect(restored.error).toMatchObject({ code: ErrorCode.JOB_TIMEOUT, details: { timeoutMs: 3_600_000 } })
  }, 5_000)

  it('time between restore and resume does not count, and a second snapshot keeps the budget', async () => {
    const snapshot = await pausedSnapshot(60_000)
    const before = (snapshot.timeout as { remainingMs: number }).remainingMs
    const restored = JobState.fromJSON(snapshot)
    await sleep(20)
    expect(restored.toJSON().timeout).toEqual({ limitMs: 60_000, remainingMs: before })
  })

  it('a job that finishes within its restored budget completes normally', async () => {
    const snapshot = await pausedSnapshot(60_000)
    const restored = JobState.fromJSON(snapshot)
    const fresh = pausingFlow()
    fresh.flow.resume(restored)
    await restored.done
    expect(restored.status).toBe('completed')
  })

  it('rejects a malformed timeout with INVALID_SNAPSHOT', async () => {
    const snapshot = await pausedSnapshot(60_000)
    for (const timeout of [
      { limitMs: 0, remainingMs: 0 },
      { limitMs: 100, remainingMs: -1 },
      { limitMs: 100, remainingMs: 101 },
      { limitMs: '100', remainingMs: 1 },
      { remainingMs: 1 },
    ]) {
      expect(codeOf(() => JobState.fromJSON({ ...snapshot, timeout }))).toBe(ErrorCode.INVALID_SNAPSHOT)
    }
  })
})
