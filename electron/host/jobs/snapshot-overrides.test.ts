/**
 * A job started with run settings that override the document's execution (mode, workers) goes on
 * with the same settings once its snapshot is restored, also by a new host.
 */
import { describe, expect, it } from 'vitest'
import { call, pauseAndSave, startLoopJob, startTempHost } from '../testing/host-test'

describe('snapshot run settings', () => {
  it('restores a job with the mode and workers it was started with', async () => {
    const temp = await startTempHost()
    const job = await startLoopJob(temp.host, { mode: 'concurrent', maxWorkers: 3 })
    expect(temp.host.jobs.find(job.jobId)?.flow).toMatchObject({ executionMode: 'concurrent', maxWorkers: 3 })
    const saved = await pauseAndSave(temp.host, job.jobId)

    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    expect(host.jobs.find(job.jobId)?.flow).toMatchObject({ executionMode: 'concurrent', maxWorkers: 3 })
    await call(host, 'job.cancel', { jobId: job.jobId })
  })

  it('restores a job without overrides with the document settings', async () => {
    const temp = await startTempHost()
    const job = await startLoopJob(temp.host)
    const saved = await pauseAndSave(temp.host, job.jobId)
    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    expect(host.jobs.find(job.jobId)?.flow).toMatchObject({ executionMode: 'sequential', maxWorkers: 1 })
    await call(host, 'job.cancel', { jobId: job.jobId })
  })
})
