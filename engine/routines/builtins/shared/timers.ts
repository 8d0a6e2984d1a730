/**
 * Job-scoped timers for timed built-ins (Delay, Debouncer, Aggregator and Batcher timeouts). A
 * timer is a delivery to one of the routine's own slots after a delay, scheduled through
 * `ctx.defer` when the context offers it, else on the engine's executor directly: it counts as in flight (the job does not complete early), waits while the job
 * is paused, is part of snapshots, and is dropped on cancel.
 */
import type { RoutineContext } from '../../../context'
import { ErrorCode, RoutiluxError } from '../../../errors'
import type { Payload } from '../../../types'
import { deferOnExecutor } from './executor-timers'

/** The internal slot timed built-ins receive their timers on (never shown in the palette). */
export const TIMER_SLOT = '__timer'

/** A context capability timers use when present (test harnesses, other executors). */
export interface DeferCapability {
  /** After `delayMs`, delivers `data` to `slot` of the calling routine, in the same job. */
  defer(delayMs: number, slot: string, data?: Payload): void
}

/** Schedules `data` to arrive on this routine's timer slot after `delayMs`. */
export function startTimer(ctx: RoutineContext, delayMs: number, data: Payload): void {
  const defer = (ctx as Partial<DeferCapability>).defer
  if (typeof defer === 'function') {
    defer.call(ctx, Math.max(0, delayMs), TIMER_SLOT, data)
    return
  }
  if (!deferOnExecutor(ctx, Math.max(0, delayMs), TIMER_SLOT, data)) {
    throw new RoutiluxError(
      ErrorCode.INVALID_STATE,
      'this context cannot schedule timed deliveries (no ctx.defer and not an engine delivery)',
      { routineId: ctx.routineId },
    )
  }
}
