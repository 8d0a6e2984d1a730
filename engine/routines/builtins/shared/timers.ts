/**
 * Job-scoped timers for timed built-ins (Delay, Debouncer, Aggregator and Batcher timeouts). A
 * timer is a `ctx.defer` to the routine's own internal timer slot: it counts as in flight (the job
 * does not complete early), waits while the job is paused, is part of snapshots, and is dropped on
 * cancel. A routine drops its timers once they can no longer matter (`stopTimers`), so a timeout
 * never holds a job open after the work it guarded is done.
 */
import type { RoutineContext } from '../../../context'
import { ErrorCode, RoutiluxError } from '../../../errors'
import type { Payload } from '../../../types'

/** The internal slot timed built-ins receive their timers on (never shown in the palette). */
export const TIMER_SLOT = '__timer'

/** Schedules `data` to arrive on this routine's timer slot after `delayMs` (negative counts as 0). */
export function startTimer(ctx: RoutineContext, delayMs: number, data: Payload): void {
  // Contexts built outside the engine (test doubles, other hosts) may lack `defer`: fail loudly
  // rather than drop the timed delivery.
  if (typeof ctx.defer !== 'function') {
    throw new RoutiluxError(
      ErrorCode.INVALID_STATE,
      'this context cannot schedule timed deliveries (no ctx.defer)',
      {
        routineId: ctx.routineId,
      },
    )
  }
  ctx.defer(Math.max(0, delayMs), TIMER_SLOT, data)
}

/** Drops this routine's timers in this job that have not fired yet (contexts without the engine's `cancelDeferred`: none to drop). */
export function stopTimers(ctx: RoutineContext): void {
  if (typeof ctx.cancelDeferred === 'function') ctx.cancelDeferred(TIMER_SLOT)
}
