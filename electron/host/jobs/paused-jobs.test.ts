/**
 * A job left paused when the studio closes: listed after the restart as paused with its snapshot, and
 * finished by resuming it (or ended by cancelling it) with nothing lost or repeated.
 */
import { describe, expect, it } from 'vitest'
import type { JobDetail, JobSummary, SnapshotInfo } from '../../ipc/contract'
import type { StudioHost } from '../studio-host'
import { call, startLoopJob, startTempHost, waitFor } from '../testing/host-test'
import { LOOP_ROUNDS } from '../testing/loop-document'

async function pausedLoop(host: StudioHost): Promise<{ jobId: string; sinkRuns: number }> {
  const job = await startLoopJob(host)
  await waitFor(async () => {
    const d = await call<JobDetail>(host, 'job.get', { jobId: job.jobId })
    return (d.live?.routines.sink?.runs ?? 0) >= 3 ? d : undefined
  }, 'three rounds')
  await call(host, 'job.pause', { jobId: job.jobId })
  const paused = await call<JobDetail>(host, 'job.get', { jobId: job.jobId })
  return { jobId: job.jobId, sinkRuns: paused.routineStates.sink?.runs ?? 0 }
}

describe('paused jobs across a restart', () => {
  it('are listed as paused with their snapshot and finish when resumed', { timeout: 60_000 }, async () => {
    const temp = await startTempHost()
    const { jobId, sinkRuns } = await pausedLoop(temp.host)
    expect(sinkRuns).toBeLessThan(LOOP_ROUNDS)

    const host = await temp.restart()
    const listed = (await call<{ jobs: JobSummary[] }>(host, 'job.list', {})).jobs.find(
      (j) => j.jobId === jobId,
    )
    expect(listed).toMatchObject({
      status: 'paused',
      live: false,
      snapshot: `@snapshots/${jobId}-paused.json`,
    })
    const snapshots = (await call<{ snapshots: SnapshotInfo[] }>(host, 'snapshot.list', {})).snapshots
    expect(snapshots.map((s) => s.path)).toContain(listed?.snapshot)
    expect((await call<JobDetail>(host, 'job.get', { jobId })).routineStates.sink?.runs).toBe(sinkRuns)

    const resumed = await call<{ job: JobSummary }>(host, 'job.resume', { jobId })
    expect(resumed.job).toMatchObject({ live: true, status: 'running', restoredFrom: listed?.snapshot })
    const done = await waitFor(async () => {
      const d = await call<JobDetail>(host, 'job.get', { jobId })
      return d.summary.status === 'completed' ? d : undefined
    }, 'the resumed job')
    expect(done.routineStates.sink?.runs).toBe(LOOP_ROUNDS)
    expect(done.routineStates.next?.runs).toBe(LOOP_ROUNDS)
    // The kept snapshot is spent: restoring it would run the rest of the job a second time.
    const left = (await call<{ snapshots: SnapshotInfo[] }>(host, 'snapshot.list', {})).snapshots
    expect(left.map((s) => s.path)).not.toContain(listed?.snapshot)

    // Finished, the job is in the history as completed, without a snapshot to resume from.
    const after = await temp.restart()
    const finished = (await call<{ jobs: JobSummary[] }>(after, 'job.list', {})).jobs.find(
      (j) => j.jobId === jobId,
    )
    expect(finished).toMatchObject({ status: 'completed', live: false })
    expect(finished?.snapshot).toBeUndefined()
  })

  it('stay one snapshot however often the studio closes while they wait', { timeout: 60_000 }, async () => {
    const temp = await startTempHost()
    const { jobId } = await pausedLoop(temp.host)
    let host = await temp.restart()
    const kept = `@snapshots/${jobId}-paused.json`
    await call(host, 'snapshot.restore', { path: kept })
    host = await temp.restart()
    host = await temp.restart()
    const snapshots = (await call<{ snapshots: SnapshotInfo[] }>(host, 'snapshot.list', {})).snapshots
    expect(snapshots.map((s) => s.path)).toEqual([kept])
    const listed = (await call<{ jobs: JobSummary[] }>(host, 'job.list', {})).jobs
    expect(listed.filter((j) => j.jobId === jobId)).toMatchObject([{ status: 'paused', snapshot: kept }])
  })

  it('can be cancelled after the restart, and resuming an unknown job still fails', async () => {
    const temp = await startTempHost()
    const { jobId } = await pausedLoop(temp.host)
    const host = await temp.restart()
    const cancelled = await call<{ job: JobSummary }>(host, 'job.cancel', { jobId })
    expect(cancelled.job.status).toBe('cancelled')
    expect((await call<{ snapshots: SnapshotInfo[] }>(host, 'snapshot.list', {})).snapshots).toEqual([])
    await expect(call(host, 'job.resume', { jobId: 'no-such-job' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })
})
