/**
 * Mutable per-routine counters of a job aggregate. The displayed status is derived when a snapshot
 * is taken: running beats retrying beats queued, otherwise the last outcome.
 */
import type { ErrorInfo, ErrorStrategy } from '../../../engine/types'
import type { RoutineLive, RoutineLiveStatus } from '../../ipc/contract'

type Outcome = 'idle' | 'completed' | 'failed' | 'skipped' | 'error_continued'

const OUTCOME_OF: Record<ErrorStrategy, Outcome | undefined> = {
  stop: 'failed',
  continue: 'error_continued',
  skip: 'skipped',
  retry: undefined,
}

export class RoutineCounters {
  readonly id: string
  lastActivityAt = 0
  /** Already listed for the next update (set and cleared by the job aggregate). */
  dirty = false
  #outcome: Outcome = 'idle'
  #attempt = 0
  /** Attempt number of the latest scheduled retry (shown while a retry waits, whatever else runs). */
  #retryAttempt = 0
  #retryMaxAttempts = 0
  #maxAttempts: number | null = null
  #runs = 0
  #errors = 0
  #retries = 0
  #skips = 0
  #running = 0
  #queued = 0
  #queueBySlot: Record<string, number> = {}
  #retryWaiting = 0
  #lastDurationMs: number | null = null
  #totalDurationMs = 0
  #finishedRuns = 0
  #lastError: ErrorInfo | null = null

  constructor(id: string) {
    this.id = id
  }

  /** Adds `delta` to a slot's queue; returns false when asked to dequeue from an empty slot. */
  queuedAdd(slot: string, delta: 1 | -1): boolean {
    const current = this.#queueBySlot[slot] ?? 0
    if (delta < 0 && current === 0) return false
    this.#queueBySlot[slot] = current + delta
    this.#queued += delta
    return true
  }

  started(attempt: number): void {
    this.#runs++
    this.#running++
    this.#attempt = attempt
  }

  completed(durationMs: number): void {
    this.#finish(durationMs)
    this.#outcome = 'completed'
    this.#maxAttempts = null
  }

  failed(durationMs: number, resolution: ErrorStrategy, error: ErrorInfo): void {
    this.#finish(durationMs)
    this.#errors++
    this.#lastError = error
    if (resolution === 'skip') this.#skips++
    const outcome = OUTCOME_OF[resolution]
    if (outcome) {
      this.#outcome = outcome
      this.#maxAttempts = null
    }
  }

  retryScheduled(nextAttempt: number, maxAttempts: number): void {
    this.#retries++
    this.#retryWaiting++
    this.#attempt = nextAttempt
    this.#retryAttempt = nextAttempt
    this.#retryMaxAttempts = maxAttempts
    this.#maxAttempts = maxAttempts
  }

  /** A retry's delivery arrived; returns false when no retry was waiting. */
  retryDelivered(): boolean {
    if (this.#retryWaiting === 0) return false
    this.#retryWaiting--
    return true
  }

  /** Drops queued and retry-waiting counts (the job ended); returns true when anything changed. */
  clearPending(): boolean {
    if (this.#queued === 0 && this.#retryWaiting === 0 && this.#running === 0) return false
    this.#queued = 0
    this.#queueBySlot = {}
    this.#retryWaiting = 0
    this.#running = 0
    return true
  }

  /**
   * Takes over the counts of a live state saved with a snapshot, so a restored job's overlay goes on
   * from where it stopped. Queues are not taken over: the restored engine job holds them.
   */
  seed(live: RoutineLive): void {
    this.#runs = live.runs
    this.#errors = live.errors
    this.#retries = live.retries
    this.#skips = live.skips
    this.#attempt = live.attempt
    this.#lastDurationMs = live.lastDurationMs
    this.#finishedRuns = Math.max(0, live.runs - live.running)
    this.#totalDurationMs = (live.avgDurationMs ?? 0) * this.#finishedRuns
    this.#lastError = live.lastError
    this.lastActivityAt = live.lastActivityAt
    if (isOutcome(live.status)) this.#outcome = live.status
  }

  snapshot(): RoutineLive {
    return {
      status: this.#status(),
      attempt: this.#retryWaiting > 0 ? this.#retryAttempt : this.#attempt,
      maxAttempts: this.#retryWaiting > 0 ? this.#retryMaxAttempts : this.#maxAttempts,
      runs: this.#runs,
      errors: this.#errors,
      retries: this.#retries,
      skips: this.#skips,
      running: this.#running,
      queued: this.#queued,
      queueBySlot: { ...this.#queueBySlot },
      retryWaiting: this.#retryWaiting,
      lastDurationMs: this.#lastDurationMs,
      avgDurationMs: this.#finishedRuns === 0 ? null : this.#totalDurationMs / this.#finishedRuns,
      lastError: this.#lastError,
      lastActivityAt: this.lastActivityAt,
    }
  }

  #status(): RoutineLiveStatus {
    if (this.#running > 0) return 'running'
    if (this.#retryWaiting > 0) return 'retrying'
    if (this.#queued > 0) return 'queued'
    return this.#outcome
  }

  #finish(durationMs: number): void {
    if (this.#running > 0) this.#running--
    this.#lastDurationMs = durationMs
    this.#totalDurationMs += durationMs
    this.#finishedRuns++
  }
}

function isOutcome(status: RoutineLiveStatus): status is Outcome {
  return (
    status === 'idle' ||
    status === 'completed' ||
    status === 'failed' ||
    status === 'skipped' ||
    status === 'error_continued'
  )
}
