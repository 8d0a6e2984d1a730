/**
 * The setup every host test shares: a temporary host started for the current test and closed (its
 * folders removed) when the test ends, calls through a real endpoint connection (validated exactly as
 * in the app), and polling with a generous hang guard.
 */
import { onTestFinished } from 'vitest'
import type { JobSummary, RunOptions, SnapshotInfo } from '../../ipc/contract'
import type { StudioHost, StudioHostOptions } from '../studio-host'
import { loopDocument } from './loop-document'
import { createTempHost, type TempHost } from './temp-host'

/** Starts a host in fresh temporary folders for the running test. */
export async function startTempHost(overrides: Partial<StudioHostOptions> = {}): Promise<TempHost> {
  const temp = await createTempHost(overrides)
  onTestFinished(() => temp.close())
  return temp
}

/** Calls a contract method on `host` and returns its response; a failure throws the `StudioError`. */
export async function call<T>(host: StudioHost, method: string, request: unknown): Promise<T> {
  const connection = host.endpoint.connect('ipc', () => true)
  const result = await connection.call(method, request)
  connection.close()
  if (!result.ok) throw result.error
  return result.response as T
}

/** Polls `probe` until it gives a value (a hang guard of 25 s, generous for a loaded machine). */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 25_000
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Pauses job `jobId` on `host` and saves its snapshot. */
export async function pauseAndSave(host: StudioHost, jobId: string): Promise<SnapshotInfo> {
  await call(host, 'job.pause', { jobId })
  return call<SnapshotInfo>(host, 'snapshot.save', { jobId })
}

/** Starts the loop of `loopDocument()` from its `start` routine on `host`, with run `options` if given. */
export async function startLoopJob(host: StudioHost, options?: RunOptions): Promise<JobSummary> {
  const request = { document: loopDocument(), entry: 'start', params: {}, ...(options && { options }) }
  return (await call<{ job: JobSummary }>(host, 'job.start', request)).job
}
