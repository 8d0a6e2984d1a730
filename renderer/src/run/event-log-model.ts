/**
 * The event log's model: a one-line summary, a status and the payload of each sampled execution
 * event, and the filter the log applies (by routine, event kind, status and free text).
 */
import type { SampledEvent } from '../../../electron/ipc/contract'
import type { ExecutionEvent, ExecutionEventType } from '../../../engine/events'

/** How an event is coloured and filtered. */
export type EventStatus = 'ok' | 'error' | 'retry' | 'info'

export interface EventFilter {
  /** Only events concerning this routine; null for all. */
  readonly routine: string | null
  /** Only events of this kind; null for all. */
  readonly type: ExecutionEventType | null
  readonly status: EventStatus | null
  /** Case-insensitive text the summary must contain (emitted event names, error messages…). */
  readonly text: string
}

export const NO_FILTER: EventFilter = { routine: null, type: null, status: null, text: '' }

/** Every event kind with a label, in the order the filter lists them. */
export const EVENT_TYPE_LABELS: Readonly<Record<ExecutionEventType, string>> = {
  jobStarted: 'Job started',
  routineStarted: 'Routine started',
  routineCompleted: 'Routine completed',
  routineFailed: 'Routine failed',
  eventEmitted: 'Event emitted',
  deliveryQueued: 'Delivery queued',
  retryScheduled: 'Retry scheduled',
  outputLogged: 'Output logged',
  jobPaused: 'Job paused',
  jobResumed: 'Job resumed',
  jobCompleted: 'Job completed',
  jobFailed: 'Job failed',
  jobCancelled: 'Job cancelled',
}

/** The routine an event concerns, if any (the entry routine for `jobStarted`). */
export function eventRoutine(event: ExecutionEvent): string | null {
  switch (event.type) {
    case 'jobStarted':
      return event.entryId
    case 'routineStarted':
    case 'routineCompleted':
    case 'routineFailed':
    case 'deliveryQueued':
    case 'retryScheduled':
    case 'eventEmitted':
    case 'outputLogged':
      return event.routineId
    default:
      return null
  }
}

export function eventStatus(event: ExecutionEvent): EventStatus {
  switch (event.type) {
    case 'routineCompleted':
    case 'jobCompleted':
      return 'ok'
    case 'routineFailed':
      return event.resolution === 'retry' ? 'retry' : 'error'
    case 'jobFailed':
      return 'error'
    case 'retryScheduled':
      return 'retry'
    case 'outputLogged':
      return event.level === 'error' ? 'error' : 'info'
    default:
      return 'info'
  }
}

const ms = (value: number) => `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`

/** One line describing the event. */
export function eventSummary(event: ExecutionEvent): string {
  switch (event.type) {
    case 'jobStarted':
      return `Job started at ${event.entryId}.${event.slot}`
    case 'routineStarted':
      return `${event.routineId}.${event.slot} started${attemptText(event.attempt)}`
    case 'routineCompleted':
      return `${event.routineId}.${event.slot} completed in ${ms(event.durationMs)}${attemptText(event.attempt)}`
    case 'routineFailed':
      return `${event.routineId}.${event.slot} failed: ${event.error.code}: ${event.error.message} → ${event.resolution.toUpperCase()}`
    case 'eventEmitted':
      return `${event.routineId} emitted "${event.event}" to ${event.connectionIds.length} connection${event.connectionIds.length === 1 ? '' : 's'}`
    case 'deliveryQueued':
      return `Delivery #${event.deliveryId} queued for ${event.routineId}.${event.slot}${event.connectionId ? ` via ${event.connectionId}` : ''}`
    case 'retryScheduled':
      return `Retry of ${event.routineId}.${event.slot}: attempt ${event.nextAttempt}/${event.maxRetries + 1} in ${ms(event.delayMs)} (${event.error.message})`
    case 'outputLogged':
      return `[${event.level}] ${event.routineId}: ${event.message}`
    case 'jobPaused':
      return 'Job paused'
    case 'jobResumed':
      return 'Job resumed'
    case 'jobCompleted':
      return `Job completed in ${ms(event.durationMs)}`
    case 'jobFailed':
      return `Job failed: ${event.error.code}: ${event.error.message}`
    case 'jobCancelled':
      return `Job cancelled after ${ms(event.durationMs)}`
  }
}

function attemptText(attempt: number): string {
  return attempt > 1 ? ` (attempt ${attempt})` : ''
}

/** The data an event carries, for the payload inspector; undefined when it has none. */
export function eventPayload(event: ExecutionEvent): unknown {
  switch (event.type) {
    case 'jobStarted':
      return event.params
    case 'eventEmitted':
      return event.data
    case 'outputLogged':
      return event.data
    case 'routineFailed':
    case 'retryScheduled':
    case 'jobFailed':
      return event.error
    default:
      return undefined
  }
}

/** True when `filter` lets `sampled` through. */
export function matchesFilter(sampled: SampledEvent, filter: EventFilter): boolean {
  const event = sampled.event
  if (filter.type !== null && event.type !== filter.type) return false
  if (filter.routine !== null && eventRoutine(event) !== filter.routine) return false
  if (filter.status !== null && eventStatus(event) !== filter.status) return false
  const text = filter.text.trim().toLowerCase()
  if (text !== '' && !eventSummary(event).toLowerCase().includes(text)) return false
  return true
}

/** The events `filter` lets through, in order; the same array when nothing is filtered. */
export function filterEvents(events: readonly SampledEvent[], filter: EventFilter): readonly SampledEvent[] {
  if (filter.type === null && filter.routine === null && filter.status === null && filter.text.trim() === '')
    return events
  return events.filter((e) => matchesFilter(e, filter))
}
