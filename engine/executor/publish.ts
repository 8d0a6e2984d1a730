/**
 * Builds and publishes execution events to the flow's observers and the job's own observers (its
 * tracker). An event object is built only when someone listens, and a throwing listener never
 * disturbs execution.
 */
import type { ExecutionEvent, ExecutionListener } from '../events'
import type { JobCore, JobObserver } from '../job-state'
import type { ErrorInfo, ErrorStrategy, OutputEntry, Payload } from '../types'
import type { Delivery, ExecutorState } from './state'

function deliver(listeners: readonly ExecutionListener[], event: ExecutionEvent): void {
  for (let i = 0; i < listeners.length; i++) {
    try {
      ;(listeners[i] as ExecutionListener)(event)
    } catch (error) {
      // Observers are outside the job: report their bugs without failing the job.
      console.error('routilux: an execution listener threw', error)
    }
  }
}

function listened(ex: ExecutorState, core: JobCore): boolean {
  return ex.listeners.length > 0 || core.observers.length > 0
}

/** Publishes `event` to the flow's listeners and the job's observers. */
export function publish(ex: ExecutorState, core: JobCore, event: ExecutionEvent): void {
  if (ex.listeners.length > 0) deliver(ex.listeners, event)
  const observers = core.observers
  for (let i = 0; i < observers.length; i++) {
    try {
      ;(observers[i] as JobObserver).record(event)
    } catch (error) {
      console.error('routilux: a job observer threw', error)
    }
  }
}

/** `routineStarted` for `d`. */
export function routineStarted(d: Delivery, time: number): void {
  const ex = d.run.ex
  const core = d.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'routineStarted',
    flowId: ex.flowId,
    jobId: d.run.job.jobId,
    time,
    deliveryId: d.id,
    routineId: d.link.routineId,
    slot: d.link.slot.name,
    attempt: d.attempt,
  })
}

/** `routineCompleted` for `d`. */
export function routineCompleted(d: Delivery, time: number, durationMs: number): void {
  const ex = d.run.ex
  const core = d.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'routineCompleted',
    flowId: ex.flowId,
    jobId: d.run.job.jobId,
    time,
    deliveryId: d.id,
    routineId: d.link.routineId,
    slot: d.link.slot.name,
    attempt: d.attempt,
    durationMs,
  })
}

/** `routineFailed` for `d`, with how the error was resolved. */
export function routineFailed(
  d: Delivery,
  time: number,
  durationMs: number,
  error: ErrorInfo,
  resolution: ErrorStrategy,
): void {
  const ex = d.run.ex
  const core = d.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'routineFailed',
    flowId: ex.flowId,
    jobId: d.run.job.jobId,
    time,
    deliveryId: d.id,
    routineId: d.link.routineId,
    slot: d.link.slot.name,
    attempt: d.attempt,
    durationMs,
    error,
    resolution,
  })
}

/** `deliveryQueued` for `d`. */
export function deliveryQueued(d: Delivery, time: number): void {
  const ex = d.run.ex
  const core = d.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'deliveryQueued',
    flowId: ex.flowId,
    jobId: d.run.job.jobId,
    time,
    deliveryId: d.id,
    routineId: d.link.routineId,
    slot: d.link.slot.name,
    attempt: d.attempt,
    // Always present (possibly undefined) so every event of this type has one shape.
    connectionId: d.link.connectionId,
  })
}

/** `retryScheduled` for the waiting retry `next` of a failed delivery. */
export function retryScheduled(
  next: Delivery,
  time: number,
  delayMs: number,
  maxRetries: number,
  error: ErrorInfo,
): void {
  const ex = next.run.ex
  const core = next.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'retryScheduled',
    flowId: ex.flowId,
    jobId: next.run.job.jobId,
    time,
    deliveryId: next.id,
    routineId: next.link.routineId,
    slot: next.link.slot.name,
    attempt: next.attempt - 1,
    nextAttempt: next.attempt,
    maxRetries,
    delayMs,
    error,
  })
}

/** `eventEmitted` for one emit of `d`. */
export function eventEmitted(
  d: Delivery,
  event: string,
  connectionIds: readonly string[],
  data: Payload,
  time: number,
): void {
  const ex = d.run.ex
  const core = d.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'eventEmitted',
    flowId: ex.flowId,
    jobId: d.run.job.jobId,
    time,
    routineId: d.link.routineId,
    event,
    connectionIds,
    data,
  })
}

/** `outputLogged` for a line written by `d`. */
export function outputLogged(d: Delivery, entry: OutputEntry): void {
  const ex = d.run.ex
  const core = d.run.core
  if (!listened(ex, core)) return
  publish(ex, core, {
    type: 'outputLogged',
    flowId: ex.flowId,
    jobId: d.run.job.jobId,
    time: entry.timestamp,
    routineId: entry.routineId,
    level: entry.level,
    message: entry.message,
    data: entry.data,
  })
}
