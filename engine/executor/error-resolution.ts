/**
 * Turns a failed delivery into a decision, uniformly for every routine (entry included): routine
 * handler → flow handler → STOP. Updates the routine state and history; the caller acts on the result.
 */
import { toErrorInfo } from '../errors'
import { idleRoutineState } from '../job-state'
import type { ErrorInfo, ErrorStrategy, RoutineState } from '../types'
import type { Delivery } from './state'

/** What to do with a failed delivery. */
export interface Resolution {
  readonly strategy: ErrorStrategy
  readonly info: ErrorInfo
  /** Delay before the retry, when `strategy` is `retry`. */
  readonly delayMs: number
  readonly maxRetries: number
}

/** The job's state of routine `routineId`, created on first use. */
export function routineStateOf(d: Delivery): RoutineState {
  const states = d.run.job.routineStates
  let state = states[d.link.routineId]
  if (state === undefined) {
    state = idleRoutineState()
    states[d.link.routineId] = state
  }
  return state
}

/**
 * The error as stored in routine and job state: its code, message and name plus where it happened.
 * Always the same keys in the same order (one object shape), whatever was thrown.
 */
export function errorInfoOf(d: Delivery, error: unknown): ErrorInfo {
  const info = toErrorInfo(error)
  return {
    code: info.code,
    message: info.message,
    name: info.name,
    stack: info.stack,
    routineId: d.link.routineId,
    slot: d.link.slot.name,
    details: info.details,
  }
}

/** Resolves `error` raised by `d` at epoch `time`, recording it in the routine state and history. */
export function resolveError(d: Delivery, error: unknown, time: number): Resolution {
  const info = errorInfoOf(d, error)
  const state = routineStateOf(d)
  const history = d.run.core.history
  const slot = d.link.slot.name
  state.errors++
  state.lastError = info
  history.append({
    routineId: d.link.routineId,
    event: 'error',
    data: { slot, attempt: d.attempt, code: info.code, message: info.message },
    timestamp: time,
  })
  const handler = d.link.routine.errorHandler ?? d.run.ex.errorHandler
  let strategy: ErrorStrategy = handler?.strategy ?? 'stop'
  const maxRetries = handler?.maxRetries ?? 0
  if (strategy === 'retry' && handler !== undefined) {
    if (d.attempt <= handler.maxRetries && handler.isRetryable(error)) {
      const delayMs = handler.delayFor(d.attempt)
      state.retries++
      history.append({
        routineId: d.link.routineId,
        event: 'retry',
        data: { slot, attempt: d.attempt + 1, delayMs, code: info.code },
        timestamp: time,
      })
      return { strategy, info, delayMs, maxRetries }
    }
    strategy = handler.isCritical ? 'stop' : 'continue'
  }
  if (strategy === 'stop') state.status = 'failed'
  else if (strategy === 'continue') state.status = 'error_continued'
  else {
    state.status = 'skipped'
    state.skips++
    history.append({
      routineId: d.link.routineId,
      event: 'skipped',
      data: { slot, code: info.code, message: info.message },
      timestamp: time,
    })
  }
  return { strategy, info, delayMs: 0, maxRetries }
}
