/**
 * Creating jobs inside a flow: a fresh job from `execute()` (the entry delivery is queued, never run
 * inline), or a job restored from a snapshot, whose pending deliveries — including those waiting on
 * a timer (retries, `ctx.defer`) — are re-created exactly once.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import { JobState, jobCore } from '../job-state'
import type { Payload } from '../types'
import { clock } from './clock'
import { admit, completeJob, timeoutJob } from './job-control'
import { publish } from './publish'
import { Delivery, type ExecutorState, JobRun } from './state'
import { waitOnTimer } from './timers'

function attach(ex: ExecutorState, job: JobState): JobRun {
  const run = new JobRun(ex, job)
  ex.runs.set(job, run)
  job[jobCore].link = run
  ex.registry.add(job)
  return run
}

/** Creates a running job whose first queued delivery is `params` to `entryId.slot`. */
export function startJob(
  ex: ExecutorState,
  entryId: string,
  slotName: string,
  params: Payload,
  timeoutMs: number | undefined,
): JobState {
  const routine = ex.graph.routine(entryId)
  const slot = routine.getSlot(slotName)
  if (slot === undefined) {
    throw new RoutiluxError(ErrorCode.UNKNOWN_SLOT, `entry routine "${entryId}" has no slot "${slotName}"`, {
      routineId: entryId,
      slot: slotName,
    })
  }
  const job = new JobState(ex.flowId, { history: ex.history, routineIds: ex.graph.routines.keys() })
  const run = attach(ex, job)
  const core = run.core
  const time = clock.now()
  const data = { ...params }
  core.startedAt = time
  core.entry = { routineId: entryId, slot: slotName }
  core.history.append({ routineId: entryId, event: 'start', data, timestamp: time })
  publish(ex, core, {
    type: 'jobStarted',
    flowId: ex.flowId,
    jobId: job.jobId,
    time,
    entryId,
    slot: slotName,
    params: data,
  })
  const link = ex.graph.target(entryId, slot)
  const entry = new Delivery(run, run.nextDeliveryId++, link, data, 1, undefined)
  admit(entry, time)
  if (timeoutMs !== undefined) armTimeout(run, timeoutMs, timeoutMs)
  return job
}

/** Starts the job-timeout timer: the job fails with `JOB_TIMEOUT` (naming `limitMs`) after `remainingMs`. */
function armTimeout(run: JobRun, limitMs: number, remainingMs: number): void {
  run.core.timeout = { limitMs, deadline: Date.now() + remainingMs }
  run.timer = setTimeout(timeoutJob, remainingMs, run, limitMs)
}

function invalid(message: string, details: Payload): never {
  throw new RoutiluxError(ErrorCode.INVALID_SNAPSHOT, message, details)
}

/** Attaches a job restored by `JobState.fromJSON` to this flow and re-queues its pending deliveries. */
export function attachRestored(ex: ExecutorState, job: JobState): void {
  const core = job[jobCore]
  const restored = core.restored
  if (restored === undefined) return
  const targets = restored.pending.map((spec) => {
    const routine = ex.graph.routines.get(spec.routineId)
    if (routine === undefined)
      invalid(`snapshot references unknown routine "${spec.routineId}"`, { routineId: spec.routineId })
    const slot = routine.getSlot(spec.slot)
    if (slot === undefined) {
      invalid(`snapshot references unknown slot "${spec.routineId}.${spec.slot}"`, {
        routineId: spec.routineId,
        slot: spec.slot,
      })
    }
    return { spec, routine, slot }
  })
  for (const [routineId, slots] of core.buffers) {
    const routine = ex.graph.routines.get(routineId)
    if (routine === undefined)
      invalid(`snapshot buffers reference unknown routine "${routineId}"`, { routineId })
    for (const slot of slots.keys()) {
      if (routine.getSlot(slot) === undefined) {
        invalid(`snapshot buffers reference unknown slot "${routineId}.${slot}"`, { routineId, slot })
      }
    }
  }
  if (ex.registry.jobs.has(job.jobId)) {
    throw new RoutiluxError(ErrorCode.INVALID_STATE, `a job with id ${job.jobId} is already in this flow`)
  }
  const run = attach(ex, job)
  run.nextDeliveryId = restored.nextDeliveryId
  core.restored = undefined
  if (restored.timeout !== undefined) armTimeout(run, restored.timeout.limitMs, restored.timeout.remainingMs)
  core.status = 'running'
  const time = clock.now()
  publish(ex, core, { type: 'jobResumed', flowId: ex.flowId, jobId: job.jobId, time })
  for (const { spec, slot } of targets) {
    const link = ex.graph.target(spec.routineId, slot, spec.connectionId)
    const d = new Delivery(run, spec.id, link, spec.data, spec.attempt, spec.merged)
    if (spec.dueAt === undefined) admit(d, time)
    else {
      run.inFlight++
      waitOnTimer(d, Math.max(0, spec.dueAt - Date.now()))
    }
  }
  if (run.inFlight === 0) completeJob(run)
}
