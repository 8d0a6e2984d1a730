/**
 * Job-scoped timers for timed built-ins (Delay, Debouncer, Aggregator and Batcher timeouts). A
 * timer is a delivery to one of the routine's own slots after a delay, scheduled by the executor
 * through `ctx.defer`: it counts as in flight (the job does not complete early), waits while the job
 * is paused, is part of snapshots, and is dropped on cancel.
 */
import type { RoutineContext } from '../../../context'
import { ErrorCode, RoutiluxError } from '../../../errors'
import type { Payload } from '../../../types'

/** The internal slot timed built-ins receive their timers on (never shown in the palette). */
export const TIMER_SLOT = '__timer'

/** The optional executor capability timers rely on. */
export interface DeferCapability {
  /** After `delayMs`, delivers `data` to `slot` of the calling routine, in the same job. */
  defer(delayMs: number, slot: string, data?: Payload): void
}

/** Schedules `data` to arrive on this routine's timer slot after `delayMs`. */
export function startTimer(ctx: RoutineContext, delayMs: number, data: Payload): void {
  const defer = (ctx as Partial<DeferCapability>).defer
  if (typeof defer !== 'function') {
    throw new RoutiluxError(
      ErrorCode.INVALID_STATE,
      'timed routines need an executor that schedules deliveries (ctx.defer); this one does not',
      { routineId: ctx.routineId },
    )
  }
  defer.call(ctx, Math.max(0, delayMs), TIMER_SLOT, data)
}
