/**
 * Live aggregate of one job, fed with every execution event. The hot path (`apply`) only bumps
 * counters and marks what changed; objects for the stream are built at flush time, for changed
 * routines and connections only. Memory is bounded: per-routine and per-connection records, a
 * capped delivery→connection table, and fixed-size rings for sampled events and timeline spans.
 */
import type { ExecutionEvent } from '../../../engine/events'
import type { ErrorInfo, JobStatus } from '../../../engine/types'
import type {
  ConnectionLive,
  JobErrorEntry,
  JobHeading,
  JobLiveState,
  JobTotals,
  JobUpdate,
  RoutineLive,
  SampledEvent,
  TimelineSpan,
} from '../../ipc/contract'
import { DeliveryTable } from './delivery-table'
import { EventSampler, type SampleClass } from './event-sampler'
import { RingBuffer } from './ring-buffer'
import { RoutineCounters } from './routine-counters'
import { truncateError } from './sample-event'
import { TimelineRecorder } from './timeline-recorder'
import { WindowStats } from './window-stats'

/** Errors kept per job for the run panel. */
const MAX_ERRORS = 200

export interface AggregateLimits {
  readonly samplesPerBatch: number
  readonly ringEvents: number
  readonly timelineSpans: number
  /** Most deliveries whose connection is remembered (to count connection errors). */
  readonly trackedDeliveries: number
}

export const DEFAULT_AGGREGATE_LIMITS: AggregateLimits = {
  samplesPerBatch: 50,
  ringEvents: 5000,
  timelineSpans: 5000,
  trackedDeliveries: 100_000,
}

interface ConnectionCounters {
  readonly id: string
  delivered: number
  errors: number
  lastDeliveredAt: number | null
  /** Already listed for the next update (saves a set insertion per event). */
  dirty: boolean
}

export class JobAggregate {
  readonly jobId: string
  readonly flowId: string
  status: JobStatus = 'running'
  startedAt: number
  endedAt: number | null = null
  error: ErrorInfo | null = null

  readonly #routines = new Map<string, RoutineCounters>()
  readonly #connections = new Map<string, ConnectionCounters>()
  readonly #dirtyRoutines = new Set<string>()
  readonly #dirtyConnections = new Set<string>()
  /** The routine of the previous event: consecutive events often concern the same one. */
  #lastRoutine: RoutineCounters | undefined
  /** Likewise for connections. */
  #lastConnection: ConnectionCounters | undefined
  readonly #deliveryConnection: DeliveryTable<ConnectionCounters>
  readonly #timeline: TimelineRecorder
  readonly #errors = new RingBuffer<JobErrorEntry>(MAX_ERRORS)
  readonly #sampler: EventSampler
  readonly #window = new WindowStats()
  #totals = { events: 0, deliveries: 0, emitted: 0, completed: 0, errors: 0, retries: 0, skips: 0 }
  #running = 0
  #queued = 0
  #retryWaiting = 0
  #dirty = false
  /** Deliveries a restored job announces again on resuming (the seeded counts already hold them). */
  #announcedAgain: Set<number> | undefined
  #sentFirst = false
  #finalSent = false

  constructor(
    jobId: string,
    flowId: string,
    startedAt: number,
    limits: AggregateLimits = DEFAULT_AGGREGATE_LIMITS,
  ) {
    this.jobId = jobId
    this.flowId = flowId
    this.startedAt = startedAt
    this.#timeline = new TimelineRecorder(limits.timelineSpans)
    this.#sampler = new EventSampler(limits.samplesPerBatch, limits.ringEvents)
    this.#deliveryConnection = new DeliveryTable(limits.trackedDeliveries)
  }

  /** True once the job finished and its final update went out. */
  get finished(): boolean {
    return this.#finalSent
  }

  /** True when something changed since the last update. */
  get dirty(): boolean {
    return this.#dirty
  }

  /** Folds one execution event into the aggregate (O(1), no allocation on the common path). */
  apply(event: ExecutionEvent): void {
    this.#totals.events++
    this.#dirty = true
    this.#sampler.offer(event, this.#fold(event))
  }

  /** Updates the counters for one event; returns how the event sampler should treat it. */
  #fold(event: ExecutionEvent): SampleClass {
    switch (event.type) {
      case 'jobStarted':
        this.startedAt = event.time
        this.status = 'running'
        return 'priority'
      case 'deliveryQueued': {
        const fresh = this.#announcedAgain?.delete(event.deliveryId) !== true
        if (fresh) this.#totals.deliveries++
        this.#routine(event.routineId, event.time).queuedAdd(event.slot, 1)
        this.#queued++
        if (event.attempt > 1) this.#retryWaitingDone(event.routineId)
        if (event.connectionId !== undefined) {
          const connection = this.#connection(event.connectionId)
          if (fresh) connection.delivered++
          connection.lastDeliveredAt = event.time
          this.#deliveryConnection.set(event.deliveryId, connection)
        }
        if (fresh) this.#window.deliveries++
        return 'ordinary'
      }
      case 'routineStarted': {
        const routine = this.#routine(event.routineId, event.time)
        if (routine.queuedAdd(event.slot, -1)) this.#queued--
        else if (event.attempt > 1) this.#retryWaitingDone(event.routineId)
        routine.started(event.attempt)
        this.#running++
        this.#timeline.started(event.routineId, event.deliveryId, event.attempt, event.time)
        return 'ordinary'
      }
      case 'routineCompleted': {
        this.#routine(event.routineId, event.time).completed(event.durationMs)
        this.#finishRun(event.deliveryId, event.attempt, event.time, 'completed', event.durationMs)
        this.#deliveryConnection.delete(event.deliveryId)
        this.#totals.completed++
        return 'ordinary'
      }
      case 'routineFailed': {
        const error = truncateError(event.error)
        this.#errors.push({ routineId: event.routineId, time: event.time, attempt: event.attempt, error })
        this.#routine(event.routineId, event.time).failed(event.durationMs, event.resolution, error)
        this.#finishRun(event.deliveryId, event.attempt, event.time, 'failed', event.durationMs)
        this.#totals.errors++
        this.#window.errors++
        if (event.resolution === 'skip') this.#totals.skips++
        const connection = this.#deliveryConnection.get(event.deliveryId)
        if (connection !== undefined) {
          connection.errors++
          if (!connection.dirty) this.#markConnection(connection)
          if (event.resolution !== 'retry') this.#deliveryConnection.delete(event.deliveryId)
        }
        return 'priority'
      }
      case 'retryScheduled':
        this.#routine(event.routineId, event.time).retryScheduled(event.nextAttempt, event.maxRetries + 1)
        this.#retryWaiting++
        this.#totals.retries++
        return 'priority'
      case 'eventEmitted':
        this.#totals.emitted++
        this.#routine(event.routineId, event.time)
        return 'ordinary'
      case 'jobPaused':
        this.status = 'paused'
        return 'priority'
      case 'jobResumed':
        this.status = 'running'
        return 'priority'
      case 'jobCompleted':
      case 'jobCancelled':
        this.#terminate(event.type === 'jobCompleted' ? 'completed' : 'cancelled', event.time, null)
        return 'terminal'
      case 'jobFailed': {
        const error = truncateError(event.error)
        this.#errors.push({ routineId: error.routineId ?? null, time: event.time, attempt: null, error })
        this.#terminate('failed', event.time, error)
        return 'terminal'
      }
      case 'outputLogged':
        return 'priority'
    }
  }

  /** The update for the next batch; `full` sends every routine and connection instead of the changes. */
  takeUpdate(forceFull: boolean, now: number): JobUpdate {
    const full = forceFull || !this.#sentFirst || this.#isTerminal()
    const routines: Record<string, RoutineLive> = {}
    const connections: Record<string, ConnectionLive> = {}
    for (const id of full ? this.#routines.keys() : this.#dirtyRoutines) {
      const routine = this.#routines.get(id)
      if (routine) routines[id] = routine.snapshot()
    }
    for (const id of full ? this.#connections.keys() : this.#dirtyConnections) {
      const connection = this.#connections.get(id)
      if (connection) connections[id] = connectionLive(connection)
    }
    for (const id of this.#dirtyRoutines) {
      const routine = this.#routines.get(id)
      if (routine) routine.dirty = false
    }
    for (const id of this.#dirtyConnections) {
      const connection = this.#connections.get(id)
      if (connection) connection.dirty = false
    }
    this.#dirtyRoutines.clear()
    this.#dirtyConnections.clear()
    this.#dirty = false
    this.#sentFirst = true
    const final = this.#isTerminal()
    if (final) this.#finalSent = true
    const { events, dropped } = this.#sampler.takeBatch()
    return {
      ...this.#heading(),
      full,
      final,
      routines,
      connections,
      totals: this.totals(),
      window: this.#window.take(now),
      events,
      droppedEvents: dropped,
    }
  }

  /** Everything known now (for `job.get`). */
  live(): JobLiveState {
    const routines: Record<string, RoutineLive> = {}
    for (const [id, routine] of this.#routines) routines[id] = routine.snapshot()
    const connections: Record<string, ConnectionLive> = {}
    for (const [id, connection] of this.#connections) connections[id] = connectionLive(connection)
    return { ...this.#heading(), routines, connections, totals: this.totals() }
  }

  #heading(): JobHeading {
    return {
      jobId: this.jobId,
      flowId: this.flowId,
      status: this.status,
      startedAt: this.startedAt,
      endedAt: this.endedAt,
      error: this.error,
    }
  }

  totals(): JobTotals {
    return {
      ...this.#totals,
      inFlight: Math.max(0, this.#queued) + Math.max(0, this.#running) + Math.max(0, this.#retryWaiting),
      queued: Math.max(0, this.#queued),
    }
  }

  /** Kept sampled events after `afterSeq` (at most `limit`, newest last). */
  events(
    afterSeq: number | undefined,
    limit: number,
  ): { events: SampledEvent[]; oldestSeq: number; latestSeq: number } {
    return this.#sampler.page(afterSeq, limit)
  }

  /** Errors of the job (routine failures, then the job's own failure), oldest first. */
  errors(): JobErrorEntry[] {
    return this.#errors.toArray()
  }

  /** Routine executions, finished ones from the ring plus those still running. */
  timeline(): TimelineSpan[] {
    return this.#timeline.spans()
  }

  /** Continues from a snapshot's live state and errors; its `pending` deliveries are announced again. */
  seed(
    live: JobLiveState,
    status: JobStatus,
    saved: { errors?: readonly JobErrorEntry[]; pending?: readonly number[] } = {},
  ): void {
    this.status = status
    for (const entry of saved.errors ?? []) this.#errors.push(entry)
    this.#announcedAgain = new Set(saved.pending)
    for (const [id, entry] of Object.entries(live.routines))
      this.#routine(id, entry.lastActivityAt).seed(entry)
    for (const [id, entry] of Object.entries(live.connections)) {
      const connection = this.#connection(id)
      connection.delivered = entry.delivered
      connection.errors = entry.errors
      connection.lastDeliveredAt = entry.lastDeliveredAt
    }
    const { inFlight: _inFlight, queued: _queued, ...counts } = live.totals
    this.#totals = counts
    this.#dirty = true
  }

  /** Marks every routine and connection for the next update (a client joined or missed a batch). */
  markAllDirty(): void {
    for (const routine of this.#routines.values()) this.#markRoutine(routine)
    for (const connection of this.#connections.values()) this.#markConnection(connection)
    this.#dirty = true
  }

  /** Makes a finished job send its final update again (after a client missed it). */
  resendFinal(): void {
    if (!this.#isTerminal()) return
    this.#finalSent = false
    this.#dirty = true
  }

  #isTerminal(): boolean {
    return this.status === 'completed' || this.status === 'failed' || this.status === 'cancelled'
  }

  #terminate(status: JobStatus, time: number, error: ErrorInfo | null): void {
    this.status = status
    this.endedAt = time
    this.error = error
    // Deliveries still queued or waiting for a retry are dropped by the engine with the job.
    for (const routine of this.#routines.values()) {
      if (routine.clearPending()) this.#markRoutine(routine)
    }
    this.#queued = 0
    this.#retryWaiting = 0
    this.#deliveryConnection.clear()
  }

  #finishRun(
    deliveryId: number,
    attempt: number,
    time: number,
    outcome: 'completed' | 'failed',
    ms: number,
  ): void {
    this.#running--
    this.#window.recordDuration(ms)
    if (outcome === 'completed') this.#window.completed++
    this.#timeline.finished(deliveryId, attempt, time, outcome)
  }

  #retryWaitingDone(routineId: string): void {
    if (this.#routines.get(routineId)?.retryDelivered()) this.#retryWaiting--
  }

  #routine(id: string, time: number): RoutineCounters {
    let routine = this.#lastRoutine?.id === id ? this.#lastRoutine : this.#routines.get(id)
    if (!routine) {
      routine = new RoutineCounters(id)
      this.#routines.set(id, routine)
    }
    this.#lastRoutine = routine
    routine.lastActivityAt = time
    if (!routine.dirty) this.#markRoutine(routine)
    return routine
  }

  #markRoutine(routine: RoutineCounters): void {
    routine.dirty = true
    this.#dirtyRoutines.add(routine.id)
  }

  #connection(id: string): ConnectionCounters {
    let connection = this.#lastConnection?.id === id ? this.#lastConnection : this.#connections.get(id)
    if (!connection) {
      connection = { id, delivered: 0, errors: 0, lastDeliveredAt: null, dirty: false }
      this.#connections.set(id, connection)
    }
    this.#lastConnection = connection
    if (!connection.dirty) this.#markConnection(connection)
    return connection
  }

  #markConnection(connection: ConnectionCounters): void {
    connection.dirty = true
    this.#dirtyConnections.add(connection.id)
  }
}

function connectionLive(connection: ConnectionCounters): ConnectionLive {
  return {
    delivered: connection.delivered,
    errors: connection.errors,
    lastDeliveredAt: connection.lastDeliveredAt,
  }
}
