/** Builders of live-execution stream values for unit tests of the run slice and its views. */
import type {
  ConnectionLive,
  ExecutionBatch,
  JobUpdate,
  RoutineLive,
  SampledEvent,
} from '../../../electron/ipc/contract'
import type { ExecutionEvent } from '../../../engine/events'

export function routineLive(patch: Partial<RoutineLive> = {}): RoutineLive {
  return {
    status: 'running',
    attempt: 1,
    maxAttempts: null,
    runs: 0,
    errors: 0,
    retries: 0,
    skips: 0,
    running: 0,
    queued: 0,
    queueBySlot: {},
    retryWaiting: 0,
    lastDurationMs: null,
    avgDurationMs: null,
    lastError: null,
    lastActivityAt: 1000,
    ...patch,
  }
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
    totals: {
      events: 0,
      deliveries: 0,
      emitted: 0,
      completed: 0,
      errors: 0,
      retries: 0,
      skips: 0,
      inFlight: 0,
      queued: 0,
    },
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
