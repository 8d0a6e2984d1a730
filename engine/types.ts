/**
 * Plain data types shared by every layer (engine, host, renderer). This module holds no behaviour so
 * the renderer may import it without pulling in the executor.
 */

/** The data carried by an emit or a delivery: a plain object keyed by parameter name. */
export type Payload = Record<string, unknown>

/** Status of a job. `completed`, `failed` and `cancelled` are terminal. */
export type JobStatus = 'running' | 'paused' | 'completed' | 'failed' | 'cancelled'

/** Last outcome of a routine inside one job. */
export type RoutineStatus = 'idle' | 'running' | 'completed' | 'failed' | 'skipped' | 'error_continued'

/** How an error raised while handling a delivery is resolved. */
export const ErrorStrategy = { STOP: 'stop', CONTINUE: 'continue', RETRY: 'retry', SKIP: 'skip' } as const
/** One of the four error strategies. */
export type ErrorStrategy = (typeof ErrorStrategy)[keyof typeof ErrorStrategy]

/** A serialisable description of an error, as stored in job and routine state. */
export interface ErrorInfo {
  readonly code: string
  readonly message: string
  readonly name?: string
  readonly stack?: string
  readonly routineId?: string
  readonly slot?: string
  readonly details?: Payload
}

/** Per-job state of one routine: last outcome plus accumulated counters and timings. */
export interface RoutineState {
  status: RoutineStatus
  runs: number
  errors: number
  retries: number
  skips: number
  lastError?: ErrorInfo
  /** Epoch milliseconds of the last start and end of a delivery. */
  startedAt?: number
  endedAt?: number
  lastDurationMs?: number
  totalDurationMs: number
}

/** One entry of a job's execution history. `event` is an emitted event name or one of
 * `start`, `error`, `retry`, `skipped`, `validation_failed`. */
export interface ExecutionRecord {
  readonly routineId: string
  readonly event: string
  readonly data: Payload
  /** Epoch milliseconds. */
  readonly timestamp: number
}

/** One line written to a job's output log (by Logger/Sink routines or `ctx.log`). */
export interface OutputEntry {
  readonly routineId: string
  readonly level: 'debug' | 'info' | 'warn' | 'error'
  readonly message: string
  readonly data?: Payload
  /** Epoch milliseconds. */
  readonly timestamp: number
}
