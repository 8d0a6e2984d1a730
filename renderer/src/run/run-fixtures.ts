/** Builders of live-execution stream values for unit tests of the run slice and its views. */
import type {
  ConnectionLive,
  ExecutionBatch,
  JobDetail,
  JobLiveState,
  JobSummary,
  JobUpdate,
  RoutineLive,
  SampledEvent,
} from '../../../electron/ipc/contract'
import type { ExecutionEvent } from '../../../engine/events'
import { IDLE_ROUTINE, ZERO_TOTALS } from './job-track'

/** A routine's overlay: running, first attempt, nothing counted yet. */
export function routineLive(patch: Partial<RoutineLive> = {}): RoutineLive {
  return { ...IDLE_ROUTINE, status: 'running', attempt: 1, lastActivityAt: 1000, ...patch }
}

export function connectionLive(patch: Partial<ConnectionLive> = {}): ConnectionLive {
  return { delivered: 0, errors: 0, lastDeliveredAt: null, ...patch }
}

export function jobUpdate(patch: Partial<JobUpdate> = {}): JobUpdate {
  return {
    jobId: 'job-1',
    flowId: 'chain',
    status: 'running',
    startedAt: 1000,
    endedAt: null,
    error: null,
    full: false,
    final: false,
    routines: {},
    connections: {},
    totals: ZERO_TOTALS,
    window: {
      intervalMs: 33,
      deliveries: 0,
      completed: 0,
      errors: 0,
      durationP50Ms: null,
      durationP95Ms: null,
      durationMaxMs: null,
    },
    events: [],
    droppedEvents: 0,
    ...patch,
  }
}

/** The live state of `job-1` as the host returns it on request (no window, no events). */
export function liveState(patch: Partial<JobLiveState> = {}): JobLiveState {
  const {
    full: _full,
    final: _final,
    window: _window,
    events: _events,
    droppedEvents: _dropped,
    ...state
  } = jobUpdate()
  return { ...state, ...patch }
}

/** The job list's entry of a running `job-1`. */
export function jobSummary(patch: Partial<JobSummary> = {}): JobSummary {
  return {
    jobId: 'job-1',
    flowId: 'chain',
    documentName: 'Chain',
    documentPath: null,
    entry: 'a',
    status: 'running',
    startedAt: 1000,
    endedAt: null,
    durationMs: null,
    error: null,
    live: true,
    restoredFrom: null,
    counts: { runs: 0, errors: 0, deliveries: 0 },
    ...patch,
  }
}

/** The host's answer to `job.get` for a job with nothing recorded yet. */
export function jobDetail(summary: JobSummary): JobDetail {
  return { summary, routineStates: {}, shared: {}, output: [], errors: [], live: null, historySize: 0 }
}

export function batch(seq: number, time: number, jobs: JobUpdate[]): ExecutionBatch {
  return { seq, time, jobs }
}

const base = { flowId: 'chain', jobId: 'job-1', time: 1000 }

/** A sampled event numbered `seq`. */
export function sampled(
  seq: number,
  event: Partial<ExecutionEvent> & Pick<ExecutionEvent, 'type'>,
): SampledEvent {
  return { seq, event: { ...base, ...event } as ExecutionEvent }
}
