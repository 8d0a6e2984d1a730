/**
 * Who wants which execution events, so the executor builds an event object only when someone will
 * receive it. Flow listeners are kept in one list per event type (an unfiltered listener is in every
 * list); a job's observer declares the types it wants as a bit mask. Lists are replaced, never
 * mutated, so subscribing or unsubscribing during a publish does not disturb it.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import type { ExecutionEventType, ExecutionListener } from '../events'

/** One bit per event type (the `satisfies` clause makes the compiler check the list is complete). */
export const EVENT_BITS = {
  jobStarted: 1 << 0,
  routineStarted: 1 << 1,
  routineCompleted: 1 << 2,
  routineFailed: 1 << 3,
  eventEmitted: 1 << 4,
  deliveryQueued: 1 << 5,
  retryScheduled: 1 << 6,
  outputLogged: 1 << 7,
  jobPaused: 1 << 8,
  jobResumed: 1 << 9,
  jobCompleted: 1 << 10,
  jobFailed: 1 << 11,
  jobCancelled: 1 << 12,
} as const satisfies Record<ExecutionEventType, number>

/** Every execution event type. */
export const EVENT_TYPES: readonly ExecutionEventType[] = Object.freeze(
  Object.keys(EVENT_BITS) as ExecutionEventType[],
)

/** The mask of `types`. */
export function maskOf(types: Iterable<ExecutionEventType>): number {
  let mask = 0
  for (const type of types) mask |= EVENT_BITS[type]
  return mask
}

/** Flow listeners by the event type they receive. */
export type ListenerLists = { -readonly [K in ExecutionEventType]: readonly ExecutionListener[] }

const NONE: readonly ExecutionListener[] = Object.freeze([])

/** No listeners. Written as one literal so every flow's lists share one object shape. */
export function emptyListenerLists(): ListenerLists {
  return {
    jobStarted: NONE,
    routineStarted: NONE,
    routineCompleted: NONE,
    routineFailed: NONE,
    eventEmitted: NONE,
    deliveryQueued: NONE,
    retryScheduled: NONE,
    outputLogged: NONE,
    jobPaused: NONE,
    jobResumed: NONE,
    jobCompleted: NONE,
    jobFailed: NONE,
    jobCancelled: NONE,
  }
}

/** Adds `listener` to the lists of `types`, after the listeners already there. */
export function addListener(
  lists: ListenerLists,
  listener: ExecutionListener,
  types: readonly ExecutionEventType[],
): void {
  for (const type of types) lists[type] = [...lists[type], listener]
}

/** Removes one occurrence of `listener` from the lists of `types`. */
export function removeListener(
  lists: ListenerLists,
  listener: ExecutionListener,
  types: readonly ExecutionEventType[],
): void {
  for (const type of types) {
    const list = lists[type]
    const index = list.indexOf(listener)
    if (index >= 0) lists[type] = [...list.slice(0, index), ...list.slice(index + 1)]
  }
}

/** The distinct types of an `observe` filter; anything but known event type names throws `INVALID_ARGUMENT`. */
export function parseEventTypes(types: unknown): ExecutionEventType[] {
  if (
    typeof types !== 'object' ||
    types === null ||
    typeof (types as Iterable<unknown>)[Symbol.iterator] !== 'function'
  ) {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, 'types must be a list of execution event types')
  }
  const out = new Set<ExecutionEventType>()
  for (const type of types as Iterable<unknown>) {
    if (typeof type !== 'string' || !Object.hasOwn(EVENT_BITS, type)) {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `unknown execution event type "${String(type)}"`, {
        type: String(type),
      })
    }
    out.add(type as ExecutionEventType)
  }
  return [...out]
}
