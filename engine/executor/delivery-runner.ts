/**
 * Runs one delivery: merge and validate, call the handler (synchronously, without a promise, unless
 * it returns one), enforce the handler timeout, then record the outcome and resolve errors
 * (STOP / CONTINUE / SKIP / RETRY on a timer).
 */
import { ErrorCode, RoutiluxError } from '../errors'
import { isTerminal } from '../job-state'
import type { Payload } from '../types'
import { clock } from './clock'
import { errorInfoOf, resolveError, routineStateOf } from './error-resolution'
import { failJob, finishInFlight, notifyIdle } from './job-control'
import { prepareInput } from './merge'
import { retryScheduled, routineCompleted, routineFailed, routineStarted } from './publish'
import { CLOSED, DETACHED, Delivery, RUNNING } from './state'
import { waitOnTimer } from './timers'

/** Scheduler entry point: starts `d` (and finishes it too when the handler is synchronous). */
export function startDelivery(d: Delivery): void {
  const run = d.run
  run.running++
  d.state = RUNNING
  const t0 = clock.start()
  d.t0 = t0
  const time = clock.epochOf(t0)
  const state = routineStateOf(d)
  state.status = 'running'
  state.runs++
  state.startedAt = time
  routineStarted(d, time)
  let input: Payload
  try {
    input = prepareInput(run.core, d)
  } catch (error) {
    failDelivery(d, error, undefined)
    return
  }
  const handler = d.link.slot.handler
  if (handler === undefined) {
    completeDelivery(d)
    return
  }
  let result: unknown
  let thrown: unknown
  let threw = false
  clock.freeze(time)
  try {
    result = handler(input, d)
  } catch (error) {
    threw = true
    thrown = error
  }
  clock.thaw()
  if (threw) failDelivery(d, thrown, input)
  else if (result !== undefined && typeof (result as PromiseLike<unknown>).then === 'function') {
    awaitHandler(d, result as PromiseLike<unknown>, input)
  } else completeDelivery(d)
}

function awaitHandler(d: Delivery, promise: PromiseLike<unknown>, input: Payload): void {
  const run = d.run
  if (run.awaiting === undefined) run.awaiting = new Set()
  run.awaiting.add(d)
  const timeoutMs = run.ex.handlerTimeoutMs
  if (timeoutMs !== undefined) d.timer = setTimeout(onHandlerTimeout, timeoutMs, d, timeoutMs, input)
  promise.then(
    () => settleAsync(d, false, undefined, input),
    (error: unknown) => settleAsync(d, true, error, input),
  )
}

function settleAsync(d: Delivery, failed: boolean, error: unknown, input: Payload): void {
  if (d.state !== RUNNING && d.state !== DETACHED) return
  d.run.awaiting?.delete(d)
  if (d.timer !== undefined) {
    clearTimeout(d.timer)
    d.timer = undefined
  }
  if (failed) failDelivery(d, error, input)
  else completeDelivery(d)
  d.run.ex.scheduler.pump()
}

function onHandlerTimeout(d: Delivery, timeoutMs: number, input: Payload): void {
  d.timer = undefined
  if (d.state !== RUNNING) return
  d.run.awaiting?.delete(d)
  const { routineId, slot } = d.link
  const error = new RoutiluxError(
    ErrorCode.HANDLER_TIMEOUT,
    `handler of "${routineId}.${slot.name}" did not finish within ${timeoutMs} ms`,
    { routineId, slot: slot.name, timeoutMs },
  )
  if (d.controller === undefined) d.controller = new AbortController()
  d.controller.abort(error)
  failDelivery(d, error, input)
  d.run.ex.scheduler.pump()
}

/** Ends the attempt (and its hold on a worker, unless detached already); returns the monotonic end time. */
function close(d: Delivery): number {
  const detached = d.state === DETACHED
  d.state = CLOSED
  const run = d.run
  const ex = run.ex
  ex.recent = d
  if (!detached) {
    run.running--
    ex.scheduler.release()
    if (run.pauseWaiters.length > 0) notifyIdle(run)
  }
  if (d.controller !== undefined) run.signalled?.delete(d)
  return clock.end()
}

function completeDelivery(d: Delivery): void {
  const t1 = close(d)
  const durationMs = t1 - d.t0
  const time = clock.epochOf(t1)
  const state = routineStateOf(d)
  state.status = 'completed'
  state.endedAt = time
  state.lastDurationMs = durationMs
  state.totalDurationMs += durationMs
  routineCompleted(d, time, durationMs)
  if (!isTerminal(d.run.core.status)) finishInFlight(d.run)
}

/** `input` is what the handler received, if merging got that far; a retry hands it over again. */
function failDelivery(d: Delivery, error: unknown, input: Payload | undefined): void {
  const t1 = close(d)
  const durationMs = t1 - d.t0
  const time = clock.epochOf(t1)
  const run = d.run
  const state = routineStateOf(d)
  state.endedAt = time
  state.lastDurationMs = durationMs
  state.totalDurationMs += durationMs
  if (isTerminal(run.core.status)) {
    // The job already ended; record what happened without resolving it again.
    const info = errorInfoOf(d, error)
    state.status = 'failed'
    state.errors++
    state.lastError = info
    routineFailed(d, time, durationMs, info, 'stop')
    return
  }
  const resolution = resolveError(d, error, time)
  routineFailed(d, time, durationMs, resolution.info, resolution.strategy)
  if (resolution.strategy === 'retry') {
    const next = new Delivery(run, d.id, d.link, d.data, d.attempt + 1, input)
    waitOnTimer(next, resolution.delayMs)
    retryScheduled(next, clock.now(), resolution.delayMs, resolution.maxRetries, resolution.info)
  } else if (resolution.strategy === 'stop') failJob(run, resolution.info)
  else finishInFlight(run)
}
