/**
 * Coalesces the engine's execution events into `execution.batch` payloads at a fixed rate (about 30
 * per second). Events are folded into per-job aggregates as they arrive; a timer cuts a batch with
 * the jobs that changed. Finished jobs send one final, complete update and are then kept (a bounded
 * number of them) for `job.get`, `job.events` and `job.timeline`.
 */
import type { ExecutionEvent } from '../../../engine/events'
import type { ExecutionBatch, JobUpdate } from '../../ipc/contract'
import { type AggregateLimits, DEFAULT_AGGREGATE_LIMITS, JobAggregate } from './job-aggregate'

export interface StreamerOptions {
  readonly publish: (batch: ExecutionBatch) => void
  /** Batch period; 33 ms gives about 30 batches per second. */
  readonly intervalMs?: number
  readonly limits?: AggregateLimits
  /** Finished jobs whose aggregates stay available. */
  readonly keepFinished?: number
  readonly now?: () => number
}

export const BATCH_INTERVAL_MS = 33
/** Events between clock checks on the hot path (a clock read per event would cost more than it saves). */
const CHECK_EVERY = 512

export class ExecutionStreamer {
  readonly #publish: (batch: ExecutionBatch) => void
  readonly #limits: AggregateLimits
  readonly #keepFinished: number
  readonly #now: () => number
  readonly #active = new Map<string, JobAggregate>()
  readonly #finished = new Map<string, JobAggregate>()
  #timer: ReturnType<typeof setTimeout> | undefined
  #closed = false
  #last: JobAggregate | undefined
  readonly #intervalMs: number
  #seq = 0
  #forceFull = false
  /** When the next batch is due (the cadence is kept from cut to cut, so it does not drift). */
  #due: number
  #sinceCheck = 0

  constructor(options: StreamerOptions) {
    this.#publish = options.publish
    this.#limits = options.limits ?? DEFAULT_AGGREGATE_LIMITS
    this.#keepFinished = options.keepFinished ?? 20
    this.#now = options.now ?? Date.now
    this.#intervalMs = options.intervalMs ?? BATCH_INTERVAL_MS
    this.#due = this.#now() + this.#intervalMs
    this.#schedule()
  }

  /** Folds one execution event in (the listener given to `flow.observe`). */
  readonly observe = (event: ExecutionEvent): void => {
    let aggregate = this.#last
    if (aggregate === undefined || aggregate.jobId !== event.jobId) {
      aggregate = this.#active.get(event.jobId)
      if (aggregate === undefined) {
        // A restored job resumes under its old id: bring its aggregate back to the active set.
        aggregate =
          this.#finished.get(event.jobId) ??
          new JobAggregate(event.jobId, event.flowId, event.time, this.#limits)
        this.#finished.delete(event.jobId)
        this.#active.set(event.jobId, aggregate)
      }
      this.#last = aggregate
    }
    aggregate.apply(event)
    // During a synchronous emit storm timers fire late; cutting batches from here keeps the cadence.
    if (++this.#sinceCheck >= CHECK_EVERY) {
      this.#sinceCheck = 0
      if (this.#now() >= this.#due) this.flush()
    }
  }

  /** Starts tracking a job before its first event (so `job.get` answers at once). */
  track(jobId: string, flowId: string, startedAt: number): JobAggregate {
    const existing = this.aggregate(jobId)
    if (existing) return existing
    const aggregate = new JobAggregate(jobId, flowId, startedAt, this.#limits)
    this.#active.set(jobId, aggregate)
    return aggregate
  }

  /** The aggregate of a job still known to the streamer. */
  aggregate(jobId: string): JobAggregate | undefined {
    return this.#active.get(jobId) ?? this.#finished.get(jobId)
  }

  /** Makes the next batch carry complete state (a client subscribed, or missed a batch). */
  requestFull(options?: { resendFinals?: boolean }): void {
    this.#forceFull = true
    for (const aggregate of this.#active.values()) aggregate.markAllDirty()
    if (options?.resendFinals) {
      for (const aggregate of this.#finished.values()) {
        aggregate.resendFinal()
        this.#active.set(aggregate.jobId, aggregate)
      }
      this.#finished.clear()
    }
  }

  /** Cuts and publishes a batch now if anything changed; returns it. */
  flush(): ExecutionBatch | undefined {
    const now = this.#now()
    // A cut on time (or up to one interval late) keeps the beat, so a busy host still sends an even
    // 1000/interval batches per second; an early cut (on request) or a very late one starts afresh.
    const late = now - this.#due
    this.#due = late >= 0 && late < this.#intervalMs ? this.#due + this.#intervalMs : now + this.#intervalMs
    this.#schedule()
    const jobs: JobUpdate[] = []
    for (const aggregate of this.#active.values()) {
      if (!aggregate.dirty && !this.#forceFull) continue
      jobs.push(aggregate.takeUpdate(this.#forceFull, now))
      if (aggregate.finished) this.#retire(aggregate)
    }
    this.#forceFull = false
    if (jobs.length === 0) return undefined
    const batch: ExecutionBatch = { seq: ++this.#seq, time: now, jobs }
    this.#publish(batch)
    return batch
  }

  /** Forgets a finished job. */
  forget(jobId: string): void {
    this.#finished.delete(jobId)
    if (this.#active.get(jobId)?.finished) this.#active.delete(jobId)
    if (this.#last?.jobId === jobId) this.#last = undefined
  }

  /** Number of aggregates held (active and finished), for bounds checks. */
  get size(): number {
    return this.#active.size + this.#finished.size
  }

  close(): void {
    this.flush()
    this.#closed = true
    clearTimeout(this.#timer)
  }

  /** Arms the timer for the next due cut (a storm of events may cut earlier, from `observe`). */
  #schedule(): void {
    if (this.#closed) return
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.flush(), Math.max(0, this.#due - this.#now()))
    this.#timer.unref?.()
  }

  #retire(aggregate: JobAggregate): void {
    this.#active.delete(aggregate.jobId)
    if (this.#last === aggregate) this.#last = undefined
    this.#finished.set(aggregate.jobId, aggregate)
    while (this.#finished.size > this.#keepFinished) {
      const oldest = this.#finished.keys().next().value
      if (oldest === undefined) break
      this.#finished.delete(oldest)
    }
  }
}
