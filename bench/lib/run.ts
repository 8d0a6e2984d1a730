/** One timed execution with the timing points of workloads.md §1.4. */
import type { Flow, JobState, Payload } from '../../engine'
import type { Probe } from './probe'

/** Timings of one execution, in milliseconds from just before `execute()`. */
export interface RunTiming {
  /** `performance.now()` just before `execute()`, to place harness stamps on the same axis. */
  readonly t0: number
  /** `execute()` returned (our entry handler is queued, not run, so this is near zero). */
  readonly execMs: number
  /** The probe reached its target: every expected delivery was handled. */
  readonly doneMs: number
  /** `flow.waitForCompletion(job)` resolved. */
  readonly apiMs: number
  /** `apiMs − doneMs`: how long after the last handled delivery the engine reported completion. */
  readonly latencyMs: number
  readonly status: string
  readonly waitResult: boolean
  /** The completion wait returned before the probe finished (must never happen). */
  readonly premature: boolean
  readonly job: JobState
}

/** Executes `entryId` once and waits through the engine's own completion API. */
export async function timeRun(
  flow: Flow,
  entryId: string,
  params: Payload,
  probe: Probe,
  target: number,
  keepValues = false,
): Promise<RunTiming> {
  probe.reset(target, keepValues)
  const t0 = performance.now()
  const job = flow.execute(entryId, params)
  const tExec = performance.now()
  const waitResult = await flow.waitForCompletion(job, { timeoutMs: 300_000 })
  const tApi = performance.now()
  const doneMs = probe.doneAt - t0
  return {
    t0,
    execMs: tExec - t0,
    doneMs,
    apiMs: tApi - t0,
    latencyMs: tApi - probe.doneAt,
    status: job.status,
    waitResult,
    premature: !probe.done,
    job,
  }
}

/** Throws unless every run completed, its wait returned true and nothing finished prematurely. */
export function checkRuns(label: string, runs: readonly RunTiming[]): void {
  const bad = runs.find((r) => r.status !== 'completed' || !r.waitResult || r.premature)
  if (bad !== undefined) {
    throw new Error(`${label}: status ${bad.status}, wait ${bad.waitResult}, premature ${bad.premature}`)
  }
}
