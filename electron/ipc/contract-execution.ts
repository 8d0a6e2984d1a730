/**
 * The live-execution stream (`execution.batch`): the host coalesces the engine's execution events into
 * about 30 batches per second, aggregates per routine and per connection, and samples recent events
 * with big payloads truncated. Pure types only.
 *
 * Rules the renderer can rely on:
 * - Counters are absolute (not increments), so a missed batch never corrupts the overlay.
 * - `routines` / `connections` hold only entries that changed since the previous batch, except when
 *   `full` is true (first batch of a job, the first batch after any subscriber joined, and the final
 *   batch): then they hold every routine and connection seen so far.
 * - Terminal states are never dropped: each job's last update has `final: true` and its terminal
 *   `status`, and its terminal event is always in `events`, however busy the stream is.
 * - `events` is a bounded sample (per job and batch, by default at most 50 ordinary events plus 250
 *   errors, retries, output lines and lifecycle events); `droppedEvents` counts the rest.
 *   The host also keeps the most recent 5,000 events per job (`job.events`).
 */
import type { ExecutionEvent } from '../../engine/events'
import type { ErrorInfo, JobStatus } from '../../engine/types'

/** What an overlay shows for a routine; richer than the engine's last-outcome `RoutineStatus`. */
export type RoutineLiveStatus =
  | 'idle'
  | 'queued'
  | 'running'
  | 'retrying'
  | 'completed'
  | 'failed'
  | 'skipped'
  | 'error_continued'

/** Live aggregate of one routine inside one job. */
export interface RoutineLive {
  readonly status: RoutineLiveStatus
  /** Attempt number of the current (or last) delivery: 1 first time, 2+ for retries. */
  readonly attempt: number
  /** Attempts allowed (`maxRetries + 1`) while `retrying`, for an "attempt n/m" badge; else null. */
  readonly maxAttempts: number | null
  readonly runs: number
  readonly errors: number
  readonly retries: number
  readonly skips: number
  /** Deliveries currently inside a handler. */
  readonly running: number
  /** Deliveries waiting for a worker, in total and per slot. */
  readonly queued: number
  readonly queueBySlot: Readonly<Record<string, number>>
  /** Retries whose delay timer is still counting. */
  readonly retryWaiting: number
  readonly lastDurationMs: number | null
  readonly avgDurationMs: number | null
  readonly lastError: ErrorInfo | null
  /** Epoch ms of the last event concerning this routine. */
  readonly lastActivityAt: number
}

/** Live aggregate of one connection inside one job. */
export interface ConnectionLive {
  /** Deliveries carried by this connection. */
  readonly delivered: number
  /** Of those, deliveries whose handler failed (any strategy). */
  readonly errors: number
  /** Epoch ms of the last delivery; the canvas animates connections with recent traffic. */
  readonly lastDeliveredAt: number | null
}

/** Whole-job counters (absolute). */
export interface JobTotals {
  readonly events: number
  readonly deliveries: number
  readonly emitted: number
  readonly completed: number
  readonly errors: number
  readonly retries: number
  readonly skips: number
  /** Deliveries queued, running or waiting for a retry timer. */
  readonly inFlight: number
  readonly queued: number
}

/** Activity during the batch's interval, for the metrics charts. */
export interface JobWindow {
  readonly intervalMs: number
  readonly deliveries: number
  readonly completed: number
  readonly errors: number
  /** Handler duration percentiles over the interval's completions; null when none completed. */
  readonly durationP50Ms: number | null
  readonly durationP95Ms: number | null
  readonly durationMaxMs: number | null
}

/** Marks a value the host shortened before sending (big strings, deep or large objects). */
export interface TruncatedValue {
  readonly $truncated: true
  readonly type: 'string' | 'array' | 'object'
  /** The start of the string, or the JSON text of the first few items or keys. */
  readonly preview: string
  /** Size of the original: characters of a string, items of an array, keys of an object. */
  readonly size: number
}

/**
 * One execution event as kept by the host, numbered per job. Payload fields (`data`, `params`,
 * error `details`) may contain `TruncatedValue`s in place of big values.
 */
export interface SampledEvent {
  readonly seq: number
  readonly event: ExecutionEvent
}

/** Who a job is and where it stands (the start of every job update and live state). */
export interface JobHeading {
  readonly jobId: string
  readonly flowId: string
  readonly status: JobStatus
  readonly startedAt: number
  readonly endedAt: number | null
  readonly error: ErrorInfo | null
}

/** Everything the host knows live about a job (also returned by `job.get`). */
export interface JobLiveState extends JobHeading {
  readonly routines: Readonly<Record<string, RoutineLive>>
  readonly connections: Readonly<Record<string, ConnectionLive>>
  readonly totals: JobTotals
}

/** The part of a batch about one job. */
export interface JobUpdate extends JobHeading {
  /** True when `routines` and `connections` are complete rather than the changes since last batch. */
  readonly full: boolean
  /** True on the job's last update: it reached a terminal status and no update for it follows. */
  readonly final: boolean
  readonly routines: Readonly<Record<string, RoutineLive>>
  readonly connections: Readonly<Record<string, ConnectionLive>>
  readonly totals: JobTotals
  readonly window: JobWindow
  readonly events: readonly SampledEvent[]
  readonly droppedEvents: number
}

/** Payload of the `execution.batch` stream. */
export interface ExecutionBatch {
  /** Increases by one per batch (per host); a gap means the client missed batches. */
  readonly seq: number
  /** Epoch ms when the batch was cut. */
  readonly time: number
  readonly jobs: readonly JobUpdate[]
}
