/**
 * Copies an execution event for the stream and the ring buffer with its payload fields truncated
 * (`data`, `params`, error `details` and over-long stacks), so kept events stay small.
 */
import type { ExecutionEvent } from '../../../engine/events'
import type { ErrorInfo } from '../../../engine/types'
import { truncatePayload } from './truncate'

const MAX_STACK = 4000
const MAX_MESSAGE = 2000

/** A size-bounded copy of an error. */
export function truncateError(error: ErrorInfo): ErrorInfo {
  return {
    ...error,
    message: error.message.length > MAX_MESSAGE ? `${error.message.slice(0, MAX_MESSAGE)}…` : error.message,
    ...(error.stack !== undefined && {
      stack: error.stack.length > MAX_STACK ? `${error.stack.slice(0, MAX_STACK)}…` : error.stack,
    }),
    ...(error.details !== undefined && { details: truncatePayload(error.details) }),
  }
}

/** A size-bounded copy of an event. */
export function truncateEvent(event: ExecutionEvent): ExecutionEvent {
  switch (event.type) {
    case 'eventEmitted':
      return { ...event, data: truncatePayload(event.data) }
    case 'jobStarted':
      return { ...event, params: truncatePayload(event.params) }
    case 'routineFailed':
    case 'retryScheduled':
    case 'jobFailed':
      return { ...event, error: truncateError(event.error) }
    case 'outputLogged':
      return {
        ...event,
        message:
          event.message.length > MAX_MESSAGE ? `${event.message.slice(0, MAX_MESSAGE)}…` : event.message,
        ...(event.data !== undefined && { data: truncatePayload(event.data) }),
      }
    default:
      return event
  }
}
