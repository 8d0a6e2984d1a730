/**
 * Overlays for a job the host no longer streams (a finished job from the history, possibly of an
 * earlier run of the app): built from the engine's routine states, which hold last outcome and
 * counters but no queues or connection counts.
 */
import type { JobDetail, RoutineLive } from '../../../electron/ipc/contract'
import type { RoutineState } from '../../../engine/types'
import { emptyTrack, type JobTrack } from './job-track'

export function routineStateToLive(state: RoutineState): RoutineLive {
  return {
    status: state.status,
    attempt: 1,
    maxAttempts: null,
    runs: state.runs,
    errors: state.errors,
    retries: state.retries,
    skips: state.skips,
    running: 0,
    queued: 0,
    queueBySlot: {},
    retryWaiting: 0,
    lastDurationMs: state.lastDurationMs ?? null,
    avgDurationMs: state.runs > 0 ? state.totalDurationMs / state.runs : null,
    lastError: state.lastError ?? null,
    lastActivityAt: state.endedAt ?? state.startedAt ?? 0,
  }
}

/** A track for a job known only from its details. */
export function trackFromDetail(detail: JobDetail): JobTrack {
  const { summary } = detail
  const base = emptyTrack(summary.jobId, summary.flowId, summary.startedAt)
  const routines = new Map<string, RoutineLive>()
  for (const [id, state] of Object.entries(detail.routineStates)) routines.set(id, routineStateToLive(state))
  return {
    ...base,
    info: {
      ...base.info,
      status: summary.status,
      endedAt: summary.endedAt,
      error: summary.error,
      totals: { ...base.info.totals, deliveries: summary.counts.deliveries, errors: summary.counts.errors },
      final: summary.status !== 'running' && summary.status !== 'paused',
    },
    routines,
  }
}
