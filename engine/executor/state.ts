/**
 * The executor's data: a flow-wide `ExecutorState`, one `JobRun` per active job and one `Delivery`
 * per slot activation. A delivery doubles as the handler's `RoutineContext`, so dispatching a
 * delivery allocates nothing else. Behaviour lives in the modules that import this one.
 */
import type { RoutineContext } from '../context'
import type { ErrorHandler } from '../error-handler'
import type { JobSnapshot, PendingDeliverySnapshot } from '../job-snapshot'
import { type JobCore, type JobState, jobCore, type PendingSource } from '../job-state'
import type { OutputEntry, Payload } from '../types'
import type { ListenerLists } from './event-routes'
import type { FlowGraph, OutLink } from './graph'
import type { JobRegistry } from './job-registry'
import type { Scheduler } from './scheduler'

/** Delivery lifecycle state: queued in the flow or parked in its paused job. */
export const QUEUED = 0
/** Delivery lifecycle state: its handler is running. */
export const RUNNING = 1
/** Delivery lifecycle state: waiting on a timer (a retry's delay or a `ctx.defer`). */
export const WAITING = 2
/** Delivery lifecycle state: finished (its context no longer emits). */
export const CLOSED = 3
/** Delivery lifecycle state: still running after its job ended; no longer holds a worker. */
export const DETACHED = 4

/** What a delivery calls back into for `ctx.emit`, `ctx.log`, `ctx.defer` and `ctx.cancelDeferred`. */
export interface DeliveryPort {
  emit(delivery: Delivery, event: string, data: Payload | undefined): void
  log(delivery: Delivery, level: OutputEntry['level'], message: string, data: Payload | undefined): void
  defer(delivery: Delivery, delayMs: number, slot: string, data: Payload | undefined): void
  cancelDeferred(delivery: Delivery, slot: string): number
}

/** Flow-wide executor state shared by all jobs of one flow. */
export interface ExecutorState {
  readonly flow: RoutineContext['flow']
  readonly flowId: string
  readonly graph: FlowGraph
  readonly port: DeliveryPort
  readonly scheduler: Scheduler<Delivery>
  readonly registry: JobRegistry
  readonly runs: Map<JobState, JobRun>
  /** Flow listeners by the event type they receive. */
  readonly listeners: ListenerLists
  /**
   * The last finished delivery. Deliveries never outlive their job, so without one kept alive a full
   * GC between runs collects their hidden class and deoptimises every function that handles them,
   * making the next run several times slower.
   */
  recent: Delivery | undefined
  errorHandler: ErrorHandler | undefined
  readonly handlerTimeoutMs: number | undefined
  readonly history: { maxSize?: number; ttlMs?: number } | undefined
}

/**
 * One activation of a slot; also the `RoutineContext` its handler receives. Kept small: thousands
 * can be queued at once, and the rarely used fields (signal, timers, retries) stay unset.
 */
export class Delivery implements RoutineContext {
  state = QUEUED
  /** Monotonic start time of the running attempt. */
  t0 = 0
  controller: AbortController | undefined = undefined
  /** Handler-timeout timer, or the timer a waiting delivery is parked on. */
  timer: ReturnType<typeof setTimeout> | undefined = undefined
  /** Epoch ms a waiting delivery is due. */
  dueAt = 0
  readonly run: JobRun
  readonly id: number
  readonly link: OutLink
  readonly data: Payload
  readonly attempt: number
  /** Set on retries: the already merged payload, handed over again without a second merge. */
  readonly merged: Payload | undefined

  constructor(
    run: JobRun,
    id: number,
    link: OutLink,
    data: Payload,
    attempt: number,
    merged: Payload | undefined,
  ) {
    this.run = run
    this.id = id
    this.link = link
    this.data = data
    this.attempt = attempt
    this.merged = merged
  }

  get routineId(): string {
    return this.link.routineId
  }

  get slotName(): string {
    return this.link.slot.name
  }

  get job(): JobState {
    return this.run.job
  }

  get flow(): RoutineContext['flow'] {
    return this.run.ex.flow
  }

  get config(): Readonly<Payload> {
    return this.link.routine.config
  }

  /** Created on first read: most handlers never look at it. */
  get signal(): AbortSignal {
    let controller = this.controller
    if (controller === undefined) {
      controller = new AbortController()
      this.controller = controller
      const run = this.run
      if (run.abortReason !== undefined) controller.abort(run.abortReason)
      else if (this.state === RUNNING) {
        if (run.signalled === undefined) run.signalled = new Set()
        run.signalled.add(this)
      }
    }
    return controller.signal
  }

  emit(event: string, data?: Payload): void {
    this.run.ex.port.emit(this, event, data)
  }

  log(level: OutputEntry['level'], message: string, data?: Payload): void {
    this.run.ex.port.log(this, level, message, data)
  }

  defer(delayMs: number, slot: string, data?: Payload): void {
    this.run.ex.port.defer(this, delayMs, slot, data)
  }

  cancelDeferred(slot: string): number {
    return this.run.ex.port.cancelDeferred(this, slot)
  }

  /** The JSON form of this delivery while it has not run. */
  toPending(): PendingDeliverySnapshot {
    const link = this.link
    return {
      id: this.id,
      routineId: link.routineId,
      slot: link.slot.name,
      data: this.data,
      ...(this.merged !== undefined && { merged: this.merged }),
      attempt: this.attempt,
      ...(link.connectionId !== undefined && { connectionId: link.connectionId }),
      ...(this.state === WAITING && { dueAt: this.dueAt }),
    }
  }
}

/** Runtime bookkeeping of one job attached to a flow. */
export class JobRun implements PendingSource {
  readonly ex: ExecutorState
  readonly job: JobState
  readonly core: JobCore
  /** Deliveries not yet finished: queued, parked, running or waiting on a timer. */
  inFlight = 0
  /** Handlers of this job currently running. */
  running = 0
  nextDeliveryId = 1
  /** Deliveries held back while the job is paused, in order. */
  parked: Delivery[] = []
  /** Deliveries waiting on a timer: retries and `ctx.defer` (created on first use: most jobs have none). */
  waiting: Set<Delivery> | undefined = undefined
  /** Running deliveries whose handler read `ctx.signal`. */
  signalled: Set<Delivery> | undefined = undefined
  /** Running deliveries whose handler returned a promise that has not settled yet. */
  awaiting: Set<Delivery> | undefined = undefined
  pauseWaiters: (() => void)[] = []
  timer: ReturnType<typeof setTimeout> | undefined = undefined
  /** Set once the job failed or was cancelled; later signals start aborted. */
  abortReason: unknown = undefined

  constructor(ex: ExecutorState, job: JobState) {
    this.ex = ex
    this.job = job
    this.core = job[jobCore]
  }

  /** Parked, queued and timer-waiting deliveries of this job (running ones are not pending). */
  pendingDeliveries(): JobSnapshot['pending'] {
    const out: PendingDeliverySnapshot[] = []
    for (const d of this.parked) out.push(d.toPending())
    for (const d of this.ex.scheduler.queue.filter((d) => d.run === this)) out.push(d.toPending())
    for (const d of this.waiting ?? []) out.push(d.toPending())
    return out
  }
}
