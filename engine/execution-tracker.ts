/**
 * Per-job performance bookkeeping fed from the execution-event stream. Every figure is an aggregate
 * (counters, sums, a fixed-size duration histogram), so memory stays constant however long the job
 * runs and recording an event is O(1).
 */
import type { ExecutionEvent, ExecutionEventType } from './events'
import { EVENT_TYPES } from './executor/event-routes'
import { type DurationPercentiles, LogHistogram } from './metrics/log-histogram'
import type { ErrorStrategy, JobStatus } from './types'

/** Performance of one routine inside a job; every attempt (first delivery or retry) counts. */
export interface RoutinePerformance {
  /** Attempts started. */
  readonly totalExecutions: number
  /** Attempts that finished without error. */
  readonly completed: number
  /** Attempts that raised an error, whatever strategy resolved it. */
  readonly failed: number
  /** `completed / (completed + failed)`; 0 before any attempt finished. */
  readonly successRate: number
  /** Statistics over finished attempts; 0 before any attempt finished. */
  readonly avgDurationMs: number
  readonly minDurationMs: number
  readonly maxDurationMs: number
}

/** How many routine errors each strategy resolved. */
export type ResolutionCounts = Readonly<Record<ErrorStrategy, number>>

/** Job-level totals. */
export interface FlowPerformance {
  readonly flowId?: string
  readonly jobId?: string
  /** `idle` until the tracker has seen `jobStarted`. */
  readonly status: JobStatus | 'idle'
  /** Epoch milliseconds. */
  readonly startedAt?: number
  readonly endedAt?: number
  /** Wall time from start to end, or to now while the job is unfinished. */
  readonly durationMs: number
  /** Time spent paused (included in `durationMs`). */
  readonly pausedMs: number
  /** Distinct routines that started at least one attempt. */
  readonly routinesExecuted: number
  readonly totalExecutions: number
  readonly completedExecutions: number
  readonly failedExecutions: number
  readonly errorsByResolution: ResolutionCounts
  readonly retriesScheduled: number
  readonly deliveriesQueued: number
  readonly eventsEmitted: number
  readonly outputsLogged: number
  /** Sum of all attempt durations (exceeds `durationMs` when handlers overlap). */
  readonly handlerTimeMs: number
  /** Finished attempts per second of job wall time (excluding paused time). */
  readonly executionsPerSecond: number
  /** Emits per second of job wall time (excluding paused time). */
  readonly eventsPerSecond: number
}

/** Running totals a job keeps itself, so its tracker need not receive an event object for each. */
export interface JobTallies {
  readonly deliveriesQueued: number
  readonly eventsEmitted: number
}

/** The event types a tracker bound to `JobTallies` needs (all but `deliveryQueued` and `eventEmitted`). */
export const TRACKER_EVENT_TYPES: readonly ExecutionEventType[] = Object.freeze(
  EVENT_TYPES.filter((type) => type !== 'deliveryQueued' && type !== 'eventEmitted'),
)

/** One routine in the "slowest" list, ranked by average attempt duration. */
export interface SlowRoutine {
  readonly routineId: string
  readonly avgDurationMs: number
  readonly maxDurationMs: number
  readonly totalExecutions: number
}

/** Everything the tracker knows, as plain serialisable data. */
export interface PerformanceMetrics {
  readonly flow: FlowPerformance
  readonly routines: Readonly<Record<string, RoutinePerformance>>
  readonly slowestRoutines: readonly SlowRoutine[]
  /** Quantiles (ms) of attempt durations over all routines of the job. */
  readonly durationPercentiles: DurationPercentiles
}

class RoutineStats {
  started = 0
  completed = 0
  failed = 0
  totalMs = 0
  minMs = Number.POSITIVE_INFINITY
  maxMs = 0

  finish(durationMs: number): void {
    this.totalMs += durationMs
    if (durationMs < this.minMs) this.minMs = durationMs
    if (durationMs > this.maxMs) this.maxMs = durationMs
  }

  snapshot(): RoutinePerformance {
    const finished = this.completed + this.failed
    return {
      totalExecutions: this.started,
      completed: this.completed,
      failed: this.failed,
      successRate: finished === 0 ? 0 : this.completed / finished,
      avgDurationMs: finished === 0 ? 0 : this.totalMs / finished,
      minDurationMs: finished === 0 ? 0 : this.minMs,
      maxDurationMs: this.maxMs,
    }
  }
}

/**
 * Aggregates one job's execution events into routine and job performance figures. Given `tallies`
 * (as a job's own tracker is), it adds the job's counts of queued deliveries and emits to the
 * `deliveryQueued` and `eventEmitted` events it records, so it can be fed `TRACKER_EVENT_TYPES` only.
 */
export class ExecutionTracker {
  readonly #tallies: JobTallies | undefined
  readonly #routines = new Map<string, RoutineStats>()
  readonly #durations = new LogHistogram()
  #flowId: string | undefined
  #jobId: string | undefined
  #status: JobStatus | 'idle' = 'idle'
  #startedAt: number | undefined
  #endedAt: number | undefined
  #jobDurationMs: number | undefined
  #pausedAt: number | undefined
  #pausedMs = 0
  #started = 0
  #completed = 0
  #failed = 0
  #handlerMs = 0
  #retries = 0
  #deliveries = 0
  #emits = 0
  #outputs = 0
  readonly #resolutions: Record<ErrorStrategy, number> = { stop: 0, continue: 0, retry: 0, skip: 0 }

  constructor(tallies?: JobTallies) {
    this.#tallies = tallies
  }

  /** Feeds one execution event of this tracker's job; O(1), allocation-free after a routine's first attempt. */
  record(event: ExecutionEvent): void {
    switch (event.type) {
      case 'deliveryQueued':
        this.#deliveries++
        return
      case 'routineStarted':
        this.#started++
        this.#stats(event.routineId).started++
        return
      case 'routineCompleted': {
        const stats = this.#stats(event.routineId)
        stats.completed++
        stats.finish(event.durationMs)
        this.#completed++
        this.#finish(event.durationMs)
        return
      }
      case 'routineFailed': {
        const stats = this.#stats(event.routineId)
        stats.failed++
        stats.finish(event.durationMs)
        this.#failed++
        this.#resolutions[event.resolution]++
        this.#finish(event.durationMs)
        return
      }
      case 'eventEmitted':
        this.#emits++
        return
      case 'retryScheduled':
        this.#retries++
        return
      case 'outputLogged':
        this.#outputs++
        return
      case 'jobStarted':
        this.#flowId = event.flowId
        this.#jobId = event.jobId
        this.#status = 'running'
        this.#startedAt = event.time
        return
      case 'jobPaused':
        this.#status = 'paused'
        this.#pausedAt = event.time
        return
      case 'jobResumed':
        this.#status = 'running'
        this.#endPause(event.time)
        return
      case 'jobCompleted':
        this.#end('completed', event.time, event.durationMs)
        return
      case 'jobFailed':
        this.#end('failed', event.time, event.durationMs)
        return
      case 'jobCancelled':
        this.#end('cancelled', event.time, event.durationMs)
        return
    }
  }

  /** Performance of routine `id` in this job, or `undefined` when it never started. */
  getRoutinePerformance(id: string): RoutinePerformance | undefined {
    return this.#routines.get(id)?.snapshot()
  }

  /** Job-level totals, durations and throughput. */
  getFlowPerformance(): FlowPerformance {
    const durationMs = this.#durationMs()
    const activeSeconds = Math.max(0, durationMs - this.#pausedMs - this.#openPauseMs()) / 1000
    const finished = this.#completed + this.#failed
    const emits = this.#emits + (this.#tallies?.eventsEmitted ?? 0)
    return {
      ...(this.#flowId !== undefined && { flowId: this.#flowId }),
      ...(this.#jobId !== undefined && { jobId: this.#jobId }),
      status: this.#status,
      ...(this.#startedAt !== undefined && { startedAt: this.#startedAt }),
      ...(this.#endedAt !== undefined && { endedAt: this.#endedAt }),
      durationMs,
      pausedMs: this.#pausedMs + this.#openPauseMs(),
      routinesExecuted: this.#routines.size,
      totalExecutions: this.#started,
      completedExecutions: this.#completed,
      failedExecutions: this.#failed,
      errorsByResolution: { ...this.#resolutions },
      retriesScheduled: this.#retries,
      deliveriesQueued: this.#deliveries + (this.#tallies?.deliveriesQueued ?? 0),
      eventsEmitted: emits,
      outputsLogged: this.#outputs,
      handlerTimeMs: this.#handlerMs,
      executionsPerSecond: activeSeconds > 0 ? finished / activeSeconds : 0,
      eventsPerSecond: activeSeconds > 0 ? emits / activeSeconds : 0,
    }
  }

  /** Routine map, job totals, the slowest routines (by average attempt duration) and duration quantiles. */
  getPerformanceMetrics(options?: { slowest?: number }): PerformanceMetrics {
    const routines: Record<string, RoutinePerformance> = {}
    const ranked: SlowRoutine[] = []
    for (const [routineId, stats] of this.#routines) {
      const perf = stats.snapshot()
      routines[routineId] = perf
      if (perf.completed + perf.failed > 0) {
        ranked.push({
          routineId,
          avgDurationMs: perf.avgDurationMs,
          maxDurationMs: perf.maxDurationMs,
          totalExecutions: perf.totalExecutions,
        })
      }
    }
    ranked.sort((a, b) => b.avgDurationMs - a.avgDurationMs || b.maxDurationMs - a.maxDurationMs)
    return {
      flow: this.getFlowPerformance(),
      routines,
      slowestRoutines: ranked.slice(0, Math.max(0, options?.slowest ?? 5)),
      durationPercentiles: this.#durations.quantiles(),
    }
  }

  #stats(routineId: string): RoutineStats {
    let stats = this.#routines.get(routineId)
    if (stats === undefined) {
      stats = new RoutineStats()
      this.#routines.set(routineId, stats)
    }
    return stats
  }

  #finish(durationMs: number): void {
    this.#handlerMs += durationMs
    this.#durations.record(durationMs)
  }

  #end(status: JobStatus, time: number, durationMs: number): void {
    this.#status = status
    this.#endedAt = time
    this.#jobDurationMs = durationMs
    this.#endPause(time)
  }

  #endPause(time: number): void {
    if (this.#pausedAt === undefined) return
    this.#pausedMs += Math.max(0, time - this.#pausedAt)
    this.#pausedAt = undefined
  }

  #openPauseMs(): number {
    return this.#pausedAt === undefined ? 0 : Math.max(0, Date.now() - this.#pausedAt)
  }

  #durationMs(): number {
    if (this.#jobDurationMs !== undefined) return this.#jobDurationMs
    if (this.#startedAt === undefined) return 0
    return Math.max(0, Date.now() - this.#startedAt)
  }
}
