/**
 * The status a job-list row shows. The focused job's live status comes straight from the store (not
 * from the throttled live counts), so the row turns done in the same frame as the status chip; a
 * finished summary from the host is final and wins over a live status that has not caught up yet.
 */
import type { JobSummary } from '../../../electron/ipc/contract'

type JobStatus = JobSummary['status']

const FINISHED: ReadonlySet<JobStatus> = new Set(['completed', 'failed', 'cancelled'])

/** The row's status from the host's summary and, for the focused job, its live status. */
export function jobRowStatus(summary: JobStatus, live: JobStatus | null): JobStatus {
  if (FINISHED.has(summary) || live === null) return summary
  return live
}

/** The row's duration: the summary's, else the live end once the job is done, else time so far. */
export function jobRowDuration(
  summary: { readonly status: JobStatus; readonly startedAt: number; readonly durationMs: number | null },
  liveEndedAt: number | null,
  now: number,
): number | null {
  if (summary.durationMs !== null) return summary.durationMs
  if (liveEndedAt !== null) return Math.max(0, liveEndedAt - summary.startedAt)
  return summary.status === 'running' || summary.status === 'paused' ? now - summary.startedAt : null
}
