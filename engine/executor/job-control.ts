/**
 * Job lifecycle inside a flow: admitting deliveries, the exact in-flight count, pause / resume,
 * and the three endings (completed, failed, cancelled). A job settles the moment its count reaches
 * zero, or at once when it fails or is cancelled.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import type { ExecutionEvent } from '../events'
import { isTerminal } from '../job-state'
import type { ErrorInfo, JobStatus } from '../types'
import { clock } from './clock'
import { deliveryQueued, publish } from './publish'
import { DETACHED, type Delivery, type JobRun } from './state'

/** Counts a new delivery in its job, queues it (or parks it while paused) and publishes `deliveryQueued`. */
export function admit(d: Delivery, time: number): void {
  d.run.inFlight++
  requeue(d, time)
}

/** Queues an already counted delivery (one whose timer is due, or a restored one). */
export function requeue(d: Delivery, time: number): void {
  const run = d.run
  if (run.core.status === 'paused') run.parked.push(d)
  else d.run.ex.scheduler.push(d)
  deliveryQueued(d, time)
}

/** One of the job's deliveries is done for good; completes the job when it was the last. */
export function finishInFlight(run: JobRun): void {
  if (--run.inFlight === 0 && run.core.status === 'running') completeJob(run)
}

/** Resolves `pause()` promises once none of the job's handlers is running. */
export function notifyIdle(run: JobRun): void {
  if (run.running !== 0 || run.pauseWaiters.length === 0) return
  const waiters = run.pauseWaiters
  run.pauseWaiters = []
  for (const resolve of waiters) resolve()
}

/**
 * Job-level events are written as literals with a fixed key order: objects built by spreading get
 * transition maps that die with them, and every new map deoptimises the observers' code.
 */
function jobEvent(
  run: JobRun,
  type: 'jobCompleted' | 'jobCancelled' | 'jobPaused' | 'jobResumed',
): ExecutionEvent {
  const time = clock.now()
  const flowId = run.ex.flowId
  const jobId = run.job.jobId
  const durationMs = time - (run.core.startedAt ?? time)
  switch (type) {
    case 'jobPaused':
      return { type: 'jobPaused', flowId, jobId, time }
    case 'jobResumed':
      return { type: 'jobResumed', flowId, jobId, time }
    case 'jobCompleted':
      return { type: 'jobCompleted', flowId, jobId, time, durationMs }
    case 'jobCancelled':
      return { type: 'jobCancelled', flowId, jobId, time, durationMs }
  }
}

function end(run: JobRun, status: JobStatus, abortReason: unknown): void {
  const { ex, core } = run
  core.status = status
  core.endedAt = clock.now()
  if (run.timer !== undefined) clearTimeout(run.timer)
  run.timer = undefined
  if (run.waiting !== undefined) {
    for (const waiting of run.waiting) clearTimeout(waiting.timer)
    run.waiting = undefined
  }
  if (abortReason !== undefined) {
    run.abortReason = abortReason
    ex.scheduler.queue.removeWhere((d) => d.run === run)
    run.parked = []
    if (run.signalled !== undefined) {
      for (const d of run.signalled) d.controller?.abort(abortReason)
      run.signalled = undefined
    }
    if (run.awaiting !== undefined) {
      for (const d of run.awaiting) detach(d)
      run.awaiting = undefined
      ex.scheduler.kick()
    }
  }
}

/**
 * Lets go of an async handler still running when its job failed or was cancelled: its worker is
 * freed at once, so a handler that never settles cannot block the flow. Its signal is aborted; its
 * outcome is still recorded when (if) it settles, and whatever it emits is discarded.
 */
function detach(d: Delivery): void {
  const run = d.run
  d.state = DETACHED
  if (d.timer !== undefined) clearTimeout(d.timer)
  d.timer = undefined
  run.running--
  run.ex.scheduler.release()
}
function finalize(run: JobRun): void {
  const { ex, core, job } = run
  ex.runs.delete(job)
  core.link = undefined
  ex.registry.finished(job)
  const waiters = run.pauseWaiters
  run.pauseWaiters = []
  for (const resolve of waiters) resolve()
  core.settle(job)
}

/** Ends the job as `completed`. */
export function completeJob(run: JobRun): void {
  end(run, 'completed', undefined)
  publish(run.ex, run.core, jobEvent(run, 'jobCompleted'))
  finalize(run)
}

/** Ends the job as `failed` with `error` (STOP or JOB_TIMEOUT): drops its queue, aborts its handlers. */
export function failJob(run: JobRun, error: ErrorInfo): void {
  if (isTerminal(run.core.status)) return
  run.core.error = error
  end(run, 'failed', new RoutiluxError(error.code, error.message, error.details))
  const time = clock.now()
  publish(run.ex, run.core, {
    type: 'jobFailed',
    flowId: run.ex.flowId,
    jobId: run.job.jobId,
    time,
    durationMs: time - (run.core.startedAt ?? time),
    error,
  })
  finalize(run)
}

/** Ends the job as `cancelled`: drops its queue and timers, aborts its running handlers. */
export function cancelJob(run: JobRun): void {
  if (isTerminal(run.core.status)) return
  end(run, 'cancelled', new RoutiluxError(ErrorCode.JOB_CANCELLED, `job ${run.job.jobId} was cancelled`))
  publish(run.ex, run.core, jobEvent(run, 'jobCancelled'))
  finalize(run)
}

/** Fails the job with `JOB_TIMEOUT` (timer callback). */
export function timeoutJob(run: JobRun, timeoutMs: number): void {
  run.timer = undefined
  failJob(run, {
    code: ErrorCode.JOB_TIMEOUT,
    message: `job exceeded its ${timeoutMs} ms timeout`,
    name: 'RoutiluxError',
    details: { timeoutMs },
  })
}

/** Pauses dispatching; resolves once none of the job's handlers is running. */
export function pauseJob(run: JobRun): Promise<void> {
  const core = run.core
  if (core.status === 'running') {
    core.status = 'paused'
    const swept = run.ex.scheduler.queue.removeWhere((d) => d.run === run)
    for (const d of swept) run.parked.push(d)
    publish(run.ex, core, jobEvent(run, 'jobPaused'))
  }
  if (core.status !== 'paused' || run.running === 0) return Promise.resolve()
  return new Promise((resolve) => run.pauseWaiters.push(resolve))
}

/** Resumes a paused job: its parked deliveries go back to the flow's queue. */
export function resumeJob(run: JobRun): void {
  const core = run.core
  if (core.status !== 'paused') return
  core.status = 'running'
  publish(run.ex, core, jobEvent(run, 'jobResumed'))
  const parked = run.parked
  run.parked = []
  for (const d of parked) run.ex.scheduler.push(d)
  if (run.inFlight === 0) completeJob(run)
}
