/**
 * What a slot handler sees. `RoutineContext.flow` is added in `flow.ts` (declaration merging) so
 * that this module, and the routine model importing it, never depend on the flow module.
 */
import type { JobState } from './job-state'
import type { OutputEntry, Payload } from './types'

/** The execution context handed to a slot handler for one delivery. */
export interface RoutineContext {
  /** Id of the routine inside the flow. */
  readonly routineId: string
  readonly slotName: string
  readonly job: JobState
  readonly config: Readonly<Payload>
  /** Aborted on cancel, on STOP elsewhere in the job, on job timeout or on handler timeout. */
  readonly signal: AbortSignal
  /** 1 for the first delivery, 2+ for retries. */
  readonly attempt: number
  /** Emits an output event; an undeclared event throws `UNKNOWN_EVENT`. */
  emit(event: string, data?: Payload): void
  /** Writes a line to the job's output log (and publishes `outputLogged`). */
  log(level: OutputEntry['level'], message: string, data?: Payload): void
  /**
   * Delivers `data` to this routine's own `slot`, in this job, after `delayMs` milliseconds.
   *
   * The deferred delivery keeps the job open until it has run, waits like a retry timer (the delay
   * keeps running while the job is paused; the delivery then waits for resume), is part of job
   * snapshots with its due time, and is dropped when the job is cancelled or fails. It is published as
   * `deliveryQueued` (without a connection) when it becomes due. A negative or non-finite delay, or
   * data that is not a plain object, throws `INVALID_ARGUMENT`; an undeclared slot throws
   * `UNKNOWN_SLOT`. Called after the delivery has finished, it schedules nothing (like a late emit).
   *
   * @example
   * routine.defineSlot('input', (data, ctx) => ctx.defer(500, 'tick', { n: data.n }))
   */
  defer(delayMs: number, slot: string, data?: Payload): void
  /**
   * Drops the deliveries to this routine's own `slot`, in this job, that `defer` scheduled and that
   * are not due yet, with their timers; returns how many were dropped. The job no longer waits for
   * them (a timeout that became pointless does not hold the job open). Retries waiting out their
   * delay are not touched, nor deliveries already due. A slot name that is not a string throws
   * `INVALID_ARGUMENT`, an undeclared slot `UNKNOWN_SLOT`; called after the delivery has finished, it
   * drops nothing.
   *
   * @example
   * if (complete) ctx.cancelDeferred('timeout') // the timeout will not be needed
   */
  cancelDeferred(slot: string): number
}

/** A slot handler: gets the merged payload and the context; may be async. */
export type SlotHandler = (data: Payload, ctx: RoutineContext) => void | Promise<void>

/** How successive deliveries to a slot combine within one job. */
export type MergeStrategy = 'override' | 'append' | ((previous: Payload, incoming: Payload) => Payload)
