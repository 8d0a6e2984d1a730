/**
 * Deliveries pending in a snapshot are announced again when the restored job resumes; the overlay
 * counts, which already hold them, must not count them twice. A busy flow interrupted by a pause,
 * a snapshot and a restore by a new host ends with the same counts as the same flow run straight.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../engine/document/types'
import type { JobDetail, JobSummary } from '../../ipc/contract'
import type { StudioHost } from '../studio-host'
import { call, pauseAndSave, startTempHost, waitFor } from '../testing/host-test'

const SENSOR = resolve(__dirname, '../../../resources/examples/sensor-stream.routilux.json')

async function finished(host: StudioHost, jobId: string): Promise<JobDetail> {
  return waitFor(async () => {
    const d = await call<JobDetail>(host, 'job.get', { jobId })
    return d.summary.status === 'completed' ? d : undefined
  }, `job ${jobId}`)
}

// The store batches by time as well as by size, so only the counts before it are the same each run.
const delivered = (d: JobDetail) =>
  Object.fromEntries(
    Object.entries(d.live?.connections ?? {})
      .filter(([id]) => !id.endsWith('-store'))
      .map(([id, c]) => [id, c.delivered]),
  )
const beforeStore = (d: JobDetail) => (d.live?.totals.deliveries ?? 0) - (d.routineStates.store?.runs ?? 0)

describe('snapshot deliveries', () => {
  it('counts the pending deliveries of a restored job once', { timeout: 120_000 }, async () => {
    const document = JSON.parse(readFileSync(SENSOR, 'utf8')) as FlowDocument
    const start = (host: StudioHost) =>
      call<{ job: JobSummary }>(host, 'job.start', { document, entry: 'start', params: {} })
    const temp = await startTempHost()
    const straight = await finished(temp.host, (await start(temp.host)).job.jobId)

    const { job } = await start(temp.host)
    await waitFor(async () => {
      const d = await call<JobDetail>(temp.host, 'job.get', { jobId: job.jobId })
      return (d.live?.totals.deliveries ?? 0) > 1000 ? d : undefined
    }, 'a busy job')
    const saved = await pauseAndSave(temp.host, job.jobId)
    expect(saved.pendingDeliveries).toBeGreaterThan(0)

    const host = await temp.restart()
    await call(host, 'snapshot.restore', { path: saved.path })
    await call(host, 'job.resume', { jobId: job.jobId })
    const resumed = await finished(host, job.jobId)
    expect(resumed.routineStates.threshold?.runs).toBe(straight.routineStates.threshold?.runs)
    expect(delivered(resumed)).toEqual(delivered(straight))
    expect(beforeStore(resumed)).toBe(beforeStore(straight))
  })
})
