/**
 * The overlay counters travel with a snapshot: a job paused, saved, restored by a new host and
 * resumed shows counts that go on from where they stopped and end at the engine's exact totals.
 */
import { describe, expect, it } from 'vitest'
import type { JobDetail, JobSummary, SnapshotInfo } from '../../ipc/contract'
import type { StudioHost } from '../studio-host'
import { call, pauseAndSave, startLoopJob, startTempHost, waitFor } from '../testing/host-test'
import { loopDocument, LOOP_ROUNDS as ROUNDS } from '../testing/loop-document'

describe('snapshot counters', () => {
  it('continue after a restart and end at the exact totals', { timeout: 60_000 }, async () => {
    const temp = await startTempHost()
    const job = await startLoopJob(temp.host)
    const detail = (host: StudioHost) => call<JobDetail>(host, 'job.get', { jobId: job.jobId })
    await waitFor(async () => {
      const d = await detail(temp.host)
      return (d.live?.routines.sink?.runs ?? 0) >= 5 ? d : undefined
    }, 'five rounds')
    await call(temp.host, 'job.pause', { jobId: job.jobId })
    const paused = await detail(temp.host)
    const sinkRuns = paused.live?.routines.sink?.runs ?? 0
    expect(sinkRuns).toBeLessThan(ROUNDS)
    const saved = await call<SnapshotInfo>(temp.host, 'snapshot.save', { jobId: job.jobId })

    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    const restored = await detail(host)
    expect(restored.live?.status).toBe('paused')
    expect(restored.live?.routines.sink?.runs).toBe(sinkRuns)
    expect(restored.live?.connections['next-sink']?.delivered).toBe(
      paused.live?.connections['next-sink']?.delivered,
    )
    expect(restored.live?.totals.deliveries).toBe(paused.live?.totals.deliveries)

    await call(host, 'job.resume', { jobId: job.jobId })
    const finished = await waitFor(async () => {
      const d = await detail(host)
      return d.summary.status === 'completed' ? d : undefined
    }, 'the resumed job')
    expect(finished.routineStates.sink?.runs).toBe(ROUNDS)
    expect(finished.live?.routines.sink).toMatchObject({ runs: ROUNDS, status: 'completed' })
    expect(finished.live?.routines.next?.runs).toBe(ROUNDS)
    expect(finished.live?.connections['next-sink']?.delivered).toBe(ROUNDS)
    expect(finished.live?.connections['wait-next']?.delivered).toBe(ROUNDS - 1)
  })

  it('restores a snapshot without counters (or with foreign ones) with counts starting afresh', async () => {
    const temp = await startTempHost()
    const job = await startLoopJob(temp.host)
    const saved = await pauseAndSave(temp.host, job.jobId)
    const { readFile, writeFile } = await import('node:fs/promises')
    const { join } = await import('node:path')
    const file = join(temp.appData, 'snapshots', saved.path.slice('@snapshots/'.length))
    const content = JSON.parse(await readFile(file, 'utf8'))
    content.counters = { jobId: 'someone-else', routines: {}, connections: {}, totals: {} }
    await writeFile(file, JSON.stringify(content))
    const host = await temp.restart()
    const restored = await call<{ job: JobSummary }>(host, 'snapshot.restore', { path: saved.path })
    expect(restored.job.status).toBe('paused')
    const d = await call<JobDetail>(host, 'job.get', { jobId: job.jobId })
    expect(d.live?.totals.deliveries).toBe(0)
  })

  it('feeds the host metrics after a restore, like a job started there', { timeout: 60_000 }, async () => {
    const temp = await startTempHost()
    const job = await startLoopJob(temp.host)
    const saved = await pauseAndSave(temp.host, job.jobId)
    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    await call(host, 'job.resume', { jobId: job.jobId })
    await waitFor(async () => {
      const d = await call<JobDetail>(host, 'job.get', { jobId: job.jobId })
      return d.summary.status === 'completed' ? d : undefined
    }, 'the resumed job')
    const { text } = await call<{ text: string }>(host, 'metrics.text', {})
    const sinkRuns = text.match(
      /routilux_routine_executions_total\{flow="loop",routine="sink",status="completed"\} (\d+)/,
    )
    expect(Number(sinkRuns?.[1])).toBeGreaterThan(0)
    expect(text).toMatch(/routilux_deliveries_in_flight\{flow="loop"\} 0/)
  })

  it('keeps the errors before the snapshot in the job details', { timeout: 60_000 }, async () => {
    const failing = loopDocument()
    const doc = {
      ...failing,
      routines: [
        ...failing.routines,
        // `round` is no list: the splitter fails on every round and the job goes on.
        {
          id: 'split',
          type: 'flow.splitter',
          config: { field: 'round' },
          errorHandler: { strategy: 'continue' as const },
        },
      ],
      connections: [
        ...failing.connections,
        {
          id: 'next-split',
          source: { routine: 'next', event: 'output' },
          target: { routine: 'split', slot: 'input' },
        },
      ],
    }
    const temp = await startTempHost()
    const { job } = await call<{ job: JobSummary }>(temp.host, 'job.start', {
      document: doc,
      entry: 'start',
      params: {},
    })
    const detail = (host: StudioHost) => call<JobDetail>(host, 'job.get', { jobId: job.jobId })
    await waitFor(async () => {
      const d = await detail(temp.host)
      return d.errors.length >= 3 ? d : undefined
    }, 'three errors')
    await call(temp.host, 'job.pause', { jobId: job.jobId })
    const before = (await detail(temp.host)).errors
    const saved = await call<SnapshotInfo>(temp.host, 'snapshot.save', { jobId: job.jobId })

    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    expect((await detail(host)).errors).toEqual(before)
    await call(host, 'job.resume', { jobId: job.jobId })
    const finished = await waitFor(async () => {
      const d = await detail(host)
      return d.summary.status === 'completed' ? d : undefined
    }, 'the resumed job')
    expect(finished.routineStates.split?.errors).toBe(ROUNDS)
    expect(finished.errors).toHaveLength(ROUNDS)
    expect(new Set(finished.errors.map((e) => e.time)).size).toBe(ROUNDS)
  })
})
