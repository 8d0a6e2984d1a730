/**
 * Typed execution events. The executor publishes every state change as one of these; the tracker,
 * the metrics collector and the host's UI stream subscribe (`flow.observe`). Pure types only.
 */
import type { ErrorInfo, ErrorStrategy, Payload } from './types'

interface BaseEvent {
  readonly flowId: string
  readonly jobId: string
  /** Epoch milliseconds (`Date.now()` based, sub-millisecond precision where available). */
  readonly time: number
}

interface DeliveryRef {
  /** Id of the delivery, unique within the job; retries keep the id of the delivery they repeat. */
  readonly deliveryId: number
  readonly routineId: string
  readonly slot: string
  /** 1 for the first delivery, 2+ for retries. */
  readonly attempt: number
}

/** A job started: its entry routine and slot, and the run parameters. */
export interface JobStartedEvent extends BaseEvent {
  readonly type: 'jobStarted'
  readonly entryId: string
  readonly slot: string
  readonly params: Payload
}
/** A delivery's handler started (each attempt). */
export interface RoutineStartedEvent extends BaseEvent, DeliveryRef {
  readonly type: 'routineStarted'
}
/** A delivery's handler finished without error. */
export interface RoutineCompletedEvent extends BaseEvent, DeliveryRef {
  readonly type: 'routineCompleted'
  readonly durationMs: number
}
/** A delivery's handler failed, and how the error strategy resolved it. */
export interface RoutineFailedEvent extends BaseEvent, DeliveryRef {
  readonly type: 'routineFailed'
  readonly durationMs: number
  readonly error: ErrorInfo
  /** How the error was resolved: `retry` means a retry was scheduled (see `retryScheduled`). */
  readonly resolution: ErrorStrategy
}
/** A routine emitted an event, delivered once per listed connection. */
export interface EventEmittedEvent extends BaseEvent {
  readonly type: 'eventEmitted'
  readonly routineId: string
  readonly event: string
  /** Ids of the connections this emit was delivered to (one delivery each). */
  readonly connectionIds: readonly string[]
  readonly data: Payload
}
/** A delivery was queued: from a connection, the entry, a due retry or a due `ctx.defer`. */
export interface DeliveryQueuedEvent extends BaseEvent, DeliveryRef {
  readonly type: 'deliveryQueued'
  /** The connection that carried it; absent for the entry delivery. */
  readonly connectionId?: string
}
/** A failed delivery will be retried after `delayMs`. */
export interface RetryScheduledEvent extends BaseEvent, DeliveryRef {
  readonly type: 'retryScheduled'
  /** Attempt number of the scheduled redelivery. */
  readonly nextAttempt: number
  readonly maxRetries: number
  readonly delayMs: number
  readonly error: ErrorInfo
}
/** A line was written to the job's output log. */
export interface OutputLoggedEvent extends BaseEvent {
  readonly type: 'outputLogged'
  readonly routineId: string
  readonly level: 'debug' | 'info' | 'warn' | 'error'
  readonly message: string
  readonly data?: Payload
}
/** The job was paused. */
export interface JobPausedEvent extends BaseEvent {
  readonly type: 'jobPaused'
}
/** The job was resumed. */
export interface JobResumedEvent extends BaseEvent {
  readonly type: 'jobResumed'
}
/** The job completed: nothing was left in flight. */
export interface JobCompletedEvent extends BaseEvent {
  readonly type: 'jobCompleted'
  readonly durationMs: number
}
/** The job failed (STOP or job timeout), with the error. */
export interface JobFailedEvent extends BaseEvent {
  readonly type: 'jobFailed'
  readonly durationMs: number
  readonly error: ErrorInfo
}
/** The job was cancelled. */
export interface JobCancelledEvent extends BaseEvent {
  readonly type: 'jobCancelled'
  readonly durationMs: number
}

/** Every event the executor publishes. */
export type ExecutionEvent =
  | JobStartedEvent
  | RoutineStartedEvent
  | RoutineCompletedEvent
  | RoutineFailedEvent
  | EventEmittedEvent
  | DeliveryQueuedEvent
  | RetryScheduledEvent
  | OutputLoggedEvent
  | JobPausedEvent
  | JobResumedEvent
  | JobCompletedEvent
  | JobFailedEvent
  | JobCancelledEvent

/** The `type` of an execution event. */
export type ExecutionEventType = ExecutionEvent['type']

/** Events after which a job is finished. */
export const TERMINAL_EVENT_TYPES: ReadonlySet<ExecutionEventType> = new Set([
  'jobCompleted',
  'jobFailed',
  'jobCancelled',
])

/** A listener given to `flow.observe`. */
export type ExecutionListener = (event: ExecutionEvent) => void
