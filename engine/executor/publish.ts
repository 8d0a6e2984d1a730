/**
 * Builds and publishes execution events to the flow's listeners and the job's own observer (its
 * tracker). An event object is built only when a listener or the observer wants its type, and a
 * throwing listener never disturbs execution. Deliveries queued and emits are also tallied on the job,
 * so its tracker can count them without receiving an object for each.
 */
import type { ExecutionEvent, ExecutionListener } from '../events'
import type { JobCore } from '../job-state'
import type { ErrorInfo, ErrorStrategy, OutputEntry, Payload } from '../types'
import { EVENT_BITS } from './event-routes'
import type { Delivery, ExecutorState } from './state'

const ROUTINE_STARTED = EVENT_BITS.routineStarted
const ROUTINE_COMPLETED = EVENT_BITS.routineCompleted
const ROUTINE_FAILED = EVENT_BITS.routineFailed
const DELIVERY_QUEUED = EVENT_BITS.deliveryQueued
const RETRY_SCHEDULED = EVENT_BITS.retryScheduled
const EVENT_EMITTED = EVENT_BITS.eventEmitted
const OUTPUT_LOGGED = EVENT_BITS.outputLogged

function dispatch(
  listeners: readonly ExecutionListener[],
  core: JobCore,
  bit: number,
  event: ExecutionEvent,
): void {
  for (let i = 0; i < listeners.length; i++) {
    try {
      ;(listeners[i] as ExecutionListener)(event)
    } catch (error) {
      // Observers are outside the job: report their bugs without failing the job.
      console.error('routilux: an execution listener threw', error)
    }
  }
  if ((core.observerMask & bit) === 0) return
  try {
    core.observer?.record(event)
  } catch (error) {
    console.error('routilux: a job observer threw', error)
  }
}

/** Publishes `event` to the flow's listeners and the job's observer that want its type. */
export function publish(ex: ExecutorState, core: JobCore, event: ExecutionEvent): void {
  dispatch(ex.listeners[event.type], core, EVENT_BITS[event.type], event)
}

/** `routineStarted` for `d`. */
export function routineStarted(d: Delivery, time: number): void {
  const ex = d.run.ex
  const core = d.run.core
  const listeners = ex.listeners.routineStarted
  if (listeners.length === 0 && (core.observerMask & ROUTINE_STARTED) === 0) return
  dispatch(listeners, core, ROUTINE_STARTED, {
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
  const listeners = ex.listeners.routineCompleted
  if (listeners.length === 0 && (core.observerMask & ROUTINE_COMPLETED) === 0) return
  dispatch(listeners, core, ROUTINE_COMPLETED, {
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
  const listeners = ex.listeners.routineFailed
  if (listeners.length === 0 && (core.observerMask & ROUTINE_FAILED) === 0) return
  dispatch(listeners, core, ROUTINE_FAILED, {
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
  core.deliveriesQueued++
  const listeners = ex.listeners.deliveryQueued
  if (listeners.length === 0 && (core.observerMask & DELIVERY_QUEUED) === 0) return
  dispatch(listeners, core, DELIVERY_QUEUED, {
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
  const listeners = ex.listeners.retryScheduled
  if (listeners.length === 0 && (core.observerMask & RETRY_SCHEDULED) === 0) return
  dispatch(listeners, core, RETRY_SCHEDULED, {
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
  core.eventsEmitted++
  const listeners = ex.listeners.eventEmitted
  if (listeners.length === 0 && (core.observerMask & EVENT_EMITTED) === 0) return
  dispatch(listeners, core, EVENT_EMITTED, {
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
  const listeners = ex.listeners.outputLogged
  if (listeners.length === 0 && (core.observerMask & OUTPUT_LOGGED) === 0) return
  dispatch(listeners, core, OUTPUT_LOGGED, {
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
