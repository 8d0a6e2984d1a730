/**
 * One execution of a flow: status, per-routine state, history, shared data, output log, slot
 * buffers and the `done` promise. Everything a job needs lives here, so two jobs of one flow never
 * share data. The executor drives it through `JobCore` (internal).
 */
import type { ExecutionEvent } from './events'
import { ExecutionTracker, TRACKER_EVENT_TYPES } from './execution-tracker'
import { BoundedLog, type LogLimits } from './executor/bounded-log'
import { maskOf } from './executor/event-routes'
import {
  decodeJobSnapshot,
  type JobSnapshot,
  type JobTimeoutSnapshot,
  type PendingDeliverySnapshot,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
} from './job-snapshot'
import type { ErrorInfo, ExecutionRecord, JobStatus, OutputEntry, Payload, RoutineState } from './types'

/** Most output-log lines a job keeps (oldest dropped first). */
export const OUTPUT_LOG_LIMIT = 10_000
const DEFAULT_LIMITS: LogLimits = { maxSize: 1000, ttlMs: 3_600_000 }

/** Supplies the pending deliveries of a job attached to a running flow. */
export interface PendingSource {
  pendingDeliveries(): PendingDeliverySnapshot[]
  readonly nextDeliveryId: number
}

/** Options for creating a job (the executor does this; users get jobs from `Flow.execute`). */
export interface JobStateOptions {
  jobId?: string
  history?: { maxSize?: number; ttlMs?: number }
  routineIds?: Iterable<string>
}

/** A job-scoped observer (the job's tracker): receives the events of its job it wants, must not keep them. */
export interface JobObserver {
  record(event: ExecutionEvent): void
}

/** The event types a job's tracker receives; deliveries queued and emits it reads from the job's tallies. */
const TRACKER_MASK = maskOf(TRACKER_EVENT_TYPES)

/** Key of a job's internal state. */
export const jobCore: unique symbol = Symbol('routilux.jobCore')

/** Mutable internals of a job, written only by the executor. */
export class JobCore {
  status: JobStatus = 'running'
  error: ErrorInfo | undefined
  createdAt = Date.now()
  startedAt: number | undefined
  endedAt: number | undefined
  entry: { routineId: string; slot: string } | undefined
  readonly history: BoundedLog<ExecutionRecord>
  /** Created on the first `ctx.log` (most jobs never log). */
  output: BoundedLog<OutputEntry> | undefined
  /** routineId → slot → buffer, for append and custom merges. */
  readonly buffers = new Map<string, Map<string, Payload>>()
  /**
   * The job-scoped observer (the job's tracker). Called as a `record` method rather than a per-job
   * closure, so optimised dispatch code never depends on an object that dies with the job.
   */
  observer: JobObserver | undefined = undefined
  /** Event types `observer` wants, as a mask of `EVENT_BITS`. */
  observerMask = 0
  /** Deliveries queued (each `deliveryQueued`), counted whether or not the event object is built. */
  deliveriesQueued = 0
  /** Emits (each `eventEmitted`), counted whether or not the event object is built. */
  eventsEmitted = 0
  /** Set while the job is attached to a flow's executor. */
  link: PendingSource | undefined
  /** Pending deliveries read from a snapshot, until a flow resumes the job. */
  restored:
    | { pending: PendingDeliverySnapshot[]; nextDeliveryId: number; timeout: JobTimeoutSnapshot | undefined }
    | undefined
  /** The job timeout while attached: the limit and the epoch-ms deadline it fails the job at. */
  timeout: { limitMs: number; deadline: number } | undefined = undefined
  settle: (job: JobState) => void = () => {}

  /** The output log, created on first use. */
  outputLog(): BoundedLog<OutputEntry> {
    if (this.output === undefined) this.output = new BoundedLog({ maxSize: OUTPUT_LOG_LIMIT, ttlMs: 0 })
    return this.output
  }

  constructor(limits: LogLimits) {
    this.history = new BoundedLog(limits)
  }
}

function limitsOf(options: JobStateOptions['history']): LogLimits {
  return {
    maxSize: options?.maxSize ?? DEFAULT_LIMITS.maxSize,
    ttlMs: options?.ttlMs ?? DEFAULT_LIMITS.ttlMs,
  }
}

/** A fresh routine state with zeroed counters; every key is present from the start (one object shape). */
export function idleRoutineState(): RoutineState {
  return {
    status: 'idle',
    runs: 0,
    errors: 0,
    retries: 0,
    skips: 0,
    lastError: undefined,
    startedAt: undefined,
    endedAt: undefined,
    lastDurationMs: undefined,
    totalDurationMs: 0,
  }
}

/** True for `completed`, `failed` and `cancelled`: the job is over. */
export function isTerminal(status: JobStatus): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled'
}

/** The state of one job; `done` resolves (never rejects) once it is completed, failed or cancelled. */
export class JobState {
  readonly jobId: string
  readonly flowId: string
  /** Per-routine last outcome and accumulated counters. */
  readonly routineStates: Record<string, RoutineState> = {}
  /** Job-scoped data shared by all routines of this job. */
  readonly shared: Payload = {}
  /** Performance figures of this job, fed from its execution events. */
  readonly trace: ExecutionTracker
  /** Settles with this job when it is completed, failed or cancelled; never rejects. */
  readonly done: Promise<JobState>
  /** Internal state driven by the executor. */
  readonly [jobCore]: JobCore

  constructor(flowId: string, options: JobStateOptions = {}) {
    this.jobId = options.jobId ?? globalThis.crypto.randomUUID()
    this.flowId = flowId
    const core = new JobCore(limitsOf(options.history))
    this.trace = new ExecutionTracker(core)
    core.observer = this.trace
    core.observerMask = TRACKER_MASK
    this[jobCore] = core
    this.done = new Promise<JobState>((resolve) => {
      core.settle = resolve
    })
    for (const id of options.routineIds ?? []) this.routineStates[id] = idleRoutineState()
  }

  /** Current status. */
  get status(): JobStatus {
    return this[jobCore].status
  }

  /** The error that failed the job (STOP or timeout); unset otherwise. */
  get error(): ErrorInfo | undefined {
    return this[jobCore].error
  }

  /** History records, oldest first (a copy). */
  get history(): readonly ExecutionRecord[] {
    return this[jobCore].history.toArray()
  }

  /** Output-log lines written by `ctx.log`, oldest first (a copy). */
  get outputLog(): readonly OutputEntry[] {
    return this[jobCore].output?.toArray() ?? []
  }

  /** Epoch ms when the job was created, started and ended. */
  get createdAt(): number {
    return this[jobCore].createdAt
  }
  get startedAt(): number | undefined {
    return this[jobCore].startedAt
  }
  get endedAt(): number | undefined {
    return this[jobCore].endedAt
  }

  /** True once completed, failed or cancelled. */
  get finished(): boolean {
    return isTerminal(this[jobCore].status)
  }

  /**
   * A versioned, JSON-ready snapshot including every pending delivery (queued, parked, or waiting on a
   * retry or `ctx.defer` timer) and slot buffer. Deliveries whose handler is running are not pending, so snapshot a
   * job after `await flow.pause(job)` for an exact picture.
   */
  toJSON(): JobSnapshot {
    const core = this[jobCore]
    const routineStates: Record<string, RoutineState> = {}
    for (const [id, state] of Object.entries(this.routineStates)) routineStates[id] = { ...state }
    const slotBuffers: Record<string, Record<string, Payload>> = {}
    for (const [routineId, slots] of core.buffers) {
      const out: Record<string, Payload> = {}
      for (const [slot, buffer] of slots) out[slot] = { ...buffer }
      slotBuffers[routineId] = out
    }
    const source = core.link
    const pending = isTerminal(core.status)
      ? []
      : source
        ? source.pendingDeliveries()
        : [...(core.restored?.pending ?? [])]
    const maxSize = core.history.limits.maxSize
    return {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      jobId: this.jobId,
      flowId: this.flowId,
      status: core.status,
      createdAt: core.createdAt,
      ...(core.startedAt !== undefined && { startedAt: core.startedAt }),
      ...(core.endedAt !== undefined && { endedAt: core.endedAt }),
      ...(core.entry !== undefined && { entry: { ...core.entry } }),
      ...(core.error !== undefined && { error: core.error }),
      routineStates,
      history: core.history.toArray(),
      historyLimits: { maxSize: Number.isFinite(maxSize) ? maxSize : null, ttlMs: core.history.limits.ttlMs },
      shared: { ...this.shared },
      output: core.output?.toArray() ?? [],
      slotBuffers,
      pending,
      nextDeliveryId: source ? source.nextDeliveryId : (core.restored?.nextDeliveryId ?? 1),
      ...timeoutField(core),
    }
  }

  /** Rebuilds a job from `toJSON()` output (or its JSON text parsed); bad input throws `INVALID_SNAPSHOT`. */
  static fromJSON(snapshot: unknown): JobState {
    const data = decodeJobSnapshot(snapshot)
    const job = new JobState(data.flowId, {
      jobId: data.jobId,
      history: {
        maxSize: data.historyLimits.maxSize ?? Number.POSITIVE_INFINITY,
        ttlMs: data.historyLimits.ttlMs,
      },
    })
    const core = job[jobCore]
    core.status = data.status
    core.createdAt = data.createdAt
    core.startedAt = data.startedAt
    core.endedAt = data.endedAt
    core.entry = data.entry ? { ...data.entry } : undefined
    core.error = data.error
    for (const [id, state] of Object.entries(data.routineStates))
      job.routineStates[id] = { ...idleRoutineState(), ...state }
    Object.assign(job.shared, data.shared)
    core.history.restore(data.history)
    if (data.output.length > 0) core.outputLog().restore(data.output)
    for (const [routineId, slots] of Object.entries(data.slotBuffers)) {
      const map = new Map<string, Payload>()
      for (const [slot, buffer] of Object.entries(slots)) map.set(slot, copyBuffer(buffer))
      core.buffers.set(routineId, map)
    }
    core.restored = {
      pending: data.pending.map((delivery) => ({ ...delivery })),
      nextDeliveryId: data.nextDeliveryId,
      timeout: data.timeout ? { ...data.timeout } : undefined,
    }
    if (isTerminal(core.status)) core.settle(job)
    return job
  }
}

/** The snapshot's `timeout` field: present only for an unfinished job that has a job timeout. */
function timeoutField(core: JobCore): { timeout?: JobTimeoutSnapshot } {
  if (isTerminal(core.status)) return {}
  if (core.link !== undefined) {
    const t = core.timeout
    if (t === undefined) return {}
    return {
      timeout: { limitMs: t.limitMs, remainingMs: Math.max(0, Math.min(t.limitMs, t.deadline - Date.now())) },
    }
  }
  const restored = core.restored?.timeout
  return restored ? { timeout: { ...restored } } : {}
}

function copyBuffer(buffer: Payload): Payload {
  const out: Payload = {}
  for (const [key, value] of Object.entries(buffer)) out[key] = Array.isArray(value) ? [...value] : value
  return out
}
