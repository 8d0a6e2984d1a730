/**
 * A job started with a job timeout keeps it through snapshot and restore, also by a new host: the
 * restored job gets the budget it had left when it was saved, and fails with JOB_TIMEOUT when that
 * runs out.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { JobSummary } from '../../ipc/contract'
import { call, pauseAndSave, startLoopJob, startTempHost, waitFor } from '../testing/host-test'
import { LOOP_ROUNDS } from '../testing/loop-document'

/** Well under the loop's run time (LOOP_ROUNDS × 20 ms), so the restored job cannot finish within it. */
const TIMEOUT_MS = 400

describe('snapshot job timeout', () => {
  it('a restored job still times out with the budget it had left', async () => {
    expect(LOOP_ROUNDS * 20).toBeGreaterThan(TIMEOUT_MS * 4)
    const temp = await startTempHost()
    const job = await startLoopJob(temp.host, { timeoutMs: TIMEOUT_MS })
    const saved = await pauseAndSave(temp.host, job.jobId)
    const file = JSON.parse(
      await readFile(join(temp.appData, 'snapshots', saved.path.slice('@snapshots/'.length)), 'utf8'),
    ) as { job: { timeout?: unknown } }
    expect(file.job.timeout).toMatchObject({ limitMs: TIMEOUT_MS })

    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    await call(host, 'job.resume', { jobId: job.jobId })
    const ended = await waitFor(async () => {
      const { jobs } = await call<{ jobs: JobSummary[] }>(host, 'job.list', {})
      const found = jobs.find((j) => j.jobId === job.jobId && j.live)
      return found && found.status !== 'running' && found.status !== 'paused' ? found : undefined
    }, 'the restored job to end')
    expect(ended.status).toBe('failed')
    expect(ended.error).toMatchObject({ code: 'JOB_TIMEOUT' })
  })
})
