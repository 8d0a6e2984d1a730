/**
 * A flow: routines wired by connections, and the executor that runs jobs over them. Deliveries of
 * all jobs run FIFO through one scheduler with at most `maxWorkers` handlers in flight; everything
 * else (buffers, retries, pause, cancel, completion) is per job.
 */
import type { Connection } from './connection'
import type { ErrorHandler } from './error-handler'
import { ErrorCode, RoutiluxError } from './errors'
import type { ExecutionEventType, ExecutionListener } from './events'
import { createExecutor } from './executor/create'
import { startDelivery } from './executor/delivery-runner'
import { addListener, EVENT_TYPES, parseEventTypes, removeListener } from './executor/event-routes'
import type { FlowGraph } from './executor/graph'
import { cancelJob, pauseJob, resumeJob } from './executor/job-control'
import { attachRestored, startJob } from './executor/job-start'
import type { ExecutorState } from './executor/state'
import { isTerminal, type JobState, jobCore } from './job-state'
import { FLOW_METRICS_EVENT_TYPES, recordFlowMetrics } from './metrics/flow-metrics'
import type { MetricsCollector } from './metrics/metrics-collector'
import { isRecord } from './payload'
import type { Routine } from './routine'
import type { Payload } from './types'

declare module './context' {
  interface RoutineContext {
    /** The flow running this delivery. */
    readonly flow: Flow
  }
}

/** Options of `new Flow()`. */
export interface FlowOptions {
  id?: string
  /** `sequential` (default) runs one handler at a time in strict FIFO order. */
  executionMode?: 'sequential' | 'concurrent'
  /** Handlers in flight at once, shared by all jobs of the flow; default 4 (always 1 when sequential). */
  maxWorkers?: number
  errorHandler?: ErrorHandler
  /** History retention per job; defaults 1000 records / 1 hour. */
  history?: { maxSize?: number; ttlMs?: number }
  /** Per-delivery timeout of async handlers, raising `HANDLER_TIMEOUT`. */
  handlerTimeoutMs?: number
  metrics?: MetricsCollector
}

/** Options of `flow.observe()`. */
export interface ObserveOptions {
  /** The event types the listener receives; default every type. */
  types?: Iterable<ExecutionEventType>
}

/** Options of `execute()` and `run()`. */
export interface ExecuteOptions {
  /** Entry slot; default `trigger`. */
  slot?: string
  /** Fails the job with `JOB_TIMEOUT` after this many milliseconds. */
  timeoutMs?: number
}

function invalid(message: string): never {
  throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, message)
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value !== undefined && !(typeof value === 'number' && value > 0 && value <= 2_147_483_647)) {
    invalid(`${name} must be a positive number of milliseconds`)
  }
  return value
}

function checkOptions(options: FlowOptions): void {
  const mode = options.executionMode ?? 'sequential'
  if (mode !== 'sequential' && mode !== 'concurrent') invalid(`unknown execution mode "${String(mode)}"`)
  const workers = options.maxWorkers
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1)) {
    invalid('maxWorkers must be an integer ≥ 1')
  }
  const history = options.history
  if (history?.maxSize !== undefined && !(history.maxSize >= 0)) invalid('history.maxSize must be ≥ 0')
  if (history?.ttlMs !== undefined && !(history.ttlMs >= 0)) invalid('history.ttlMs must be ≥ 0')
  positive(options.handlerTimeoutMs, 'handlerTimeoutMs')
}

/** A graph of routines plus the executor for its jobs. */
export class Flow {
  readonly id: string
  readonly executionMode: 'sequential' | 'concurrent'
  readonly maxWorkers: number
  readonly #graph: FlowGraph
  readonly #ex: ExecutorState

  constructor(options: FlowOptions = {}) {
    checkOptions(options)
    this.id = options.id ?? globalThis.crypto.randomUUID()
    this.executionMode = options.executionMode ?? 'sequential'
    this.maxWorkers = this.executionMode === 'sequential' ? 1 : (options.maxWorkers ?? 4)
    this.#ex = createExecutor(this, this.maxWorkers, startDelivery, options)
    this.#graph = this.#ex.graph
    if (options.metrics !== undefined) {
      this.observe(recordFlowMetrics(options.metrics, this.id), { types: FLOW_METRICS_EVENT_TYPES })
    }
  }

  /** Adds a routine under `id` (default: a generated id) and returns the id; taken ids throw `DUPLICATE_ROUTINE`. */
  addRoutine(routine: Routine, id?: string): string {
    return this.#graph.addRoutine(routine, id)
  }

  /** Removes a routine and its connections; unknown ids throw `UNKNOWN_ROUTINE`. */
  removeRoutine(id: string): void {
    this.#graph.removeRoutine(id)
  }

  /** Connects `sourceId.event` to `targetId.slot` (ids are flow routine ids); `id` names the connection. */
  connect(
    sourceId: string,
    event: string,
    targetId: string,
    slot: string,
    options?: { id?: string },
  ): Connection {
    return this.#graph.connect(sourceId, event, targetId, slot, options?.id)
  }

  /** Removes a connection (object or id). */
  disconnect(connection: Connection | string): void {
    this.#graph.disconnect(connection)
  }

  /** Routines by flow id. */
  get routines(): ReadonlyMap<string, Routine> {
    return this.#graph.routines
  }

  /** Connections in creation order. */
  get connections(): readonly Connection[] {
    return this.#graph.connections
  }

  /** The flow-level error handler (used when a routine has none). */
  get errorHandler(): ErrorHandler | undefined {
    return this.#ex.errorHandler
  }

  /** Sets (or clears) the flow-level error handler. */
  setErrorHandler(handler: ErrorHandler | undefined): this {
    this.#ex.errorHandler = handler
    return this
  }

  /**
   * Starts a job: validates the entry (unknown routine or slot throws), queues the entry delivery and
   * returns the running job at once; the entry handler runs later, never inside this call.
   */
  execute(entryId: string, params: Payload = {}, options: ExecuteOptions = {}): JobState {
    if (!isRecord(params)) invalid('params must be a plain object')
    const timeoutMs = positive(options.timeoutMs, 'timeoutMs')
    return startJob(this.#ex, entryId, options.slot ?? 'trigger', params, timeoutMs)
  }

  /** `execute()` then wait for the job to finish; always resolves with the job, whatever the outcome. */
  run(entryId: string, params?: Payload, options?: ExecuteOptions): Promise<JobState> {
    return this.execute(entryId, params, options).done
  }

  /** Resolves `true` once `job` has finished, or `false` if `timeoutMs` passes first. */
  waitForCompletion(job: JobState, options: { timeoutMs?: number } = {}): Promise<boolean> {
    if (job.finished) return Promise.resolve(true)
    const timeoutMs = options.timeoutMs
    if (timeoutMs === undefined) return job.done.then(() => true)
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs)
      job.done.then(() => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  }

  /** Stops dispatching the job's deliveries; resolves once none of its handlers is running. */
  pause(job: JobState): Promise<void> {
    const run = this.#ex.runs.get(job)
    if (run !== undefined) return pauseJob(run)
    this.#checkNotForeign(job)
    const core = job[jobCore]
    if (core.status === 'running') core.status = 'paused'
    return Promise.resolve()
  }

  /** Resumes a paused job of this flow, or attaches a job restored from a snapshot and finishes it here. */
  resume(job: JobState): void {
    const run = this.#ex.runs.get(job)
    if (run !== undefined) {
      resumeJob(run)
      return
    }
    this.#checkNotForeign(job)
    if (!isTerminal(job.status)) attachRestored(this.#ex, job)
  }

  /** Cancels the job at once: pending deliveries are dropped and running handlers' signals aborted. */
  cancel(job: JobState): void {
    const run = this.#ex.runs.get(job)
    if (run !== undefined) {
      cancelJob(run)
      return
    }
    this.#checkNotForeign(job)
    const core = job[jobCore]
    if (isTerminal(core.status)) return
    core.status = 'cancelled'
    core.endedAt = Date.now()
    core.restored = undefined
    core.settle(job)
  }

  /**
   * Subscribes `listener` to this flow's execution events — every type, or only `options.types` —
   * and returns the unsubscribe function. Events no listener wants are never built, so a filter
   * makes observing cheaper. Unknown types throw `INVALID_ARGUMENT`.
   *
   * @example
   * const stop = flow.observe((e) => console.log(e.type, e.jobId), { types: ['jobCompleted', 'jobFailed'] })
   */
  observe(listener: ExecutionListener, options: ObserveOptions = {}): () => void {
    if (typeof listener !== 'function') invalid('listener must be a function')
    const types = options.types === undefined ? EVENT_TYPES : parseEventTypes(options.types)
    const lists = this.#ex.listeners
    addListener(lists, listener, types)
    let active = true
    return () => {
      if (!active) return
      active = false
      removeListener(lists, listener, types)
    }
  }

  /** Unfinished jobs plus the last 100 finished ones, by job id. */
  get jobs(): ReadonlyMap<string, JobState> {
    return this.#ex.registry.jobs
  }

  #checkNotForeign(job: JobState): void {
    if (job[jobCore].link !== undefined) {
      throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `job ${job.jobId} belongs to another running flow`)
    }
  }
}
