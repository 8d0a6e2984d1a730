/**
 * Timers on the engine's own executor. A timer is a delivery of the job to one of the routine's own
 * slots, parked on the same kind of timer a retry waits on: it counts as in flight (the job cannot
 * complete before it fires), waits while the job is paused, appears in snapshots as a pending
 * delivery with `dueAt` (and is re-armed on resume), and is dropped on cancel or failure.
 *
 * This is the one place the routine library reaches into executor internals; when the executor
 * offers `ctx.defer` itself, `timers.ts` uses that instead.
 */
import type { RoutineContext } from '../../../context'
import { ErrorCode, RoutiluxError } from '../../../errors'
import { waitForRetry } from '../../../executor/delivery-runner'
import { Delivery, isTerminal, RUNNING } from '../../../executor/state'
import type { Payload } from '../../../types'

/**
 * Schedules `data` for `slot` of the calling routine after `delayMs` when `ctx` is a delivery of the
 * engine's executor; returns false for any other context.
 */
export function deferOnExecutor(ctx: RoutineContext, delayMs: number, slot: string, data: Payload): boolean {
  if (!(ctx instanceof Delivery)) return false
  const run = ctx.run
  // Like a late emit: a handler whose delivery is over, or whose job has ended, schedules nothing.
  if (ctx.state !== RUNNING || isTerminal(run.core.status)) return true
  const routine = ctx.link.routine
  const target = routine.getSlot(slot)
  if (target === undefined) {
    throw new RoutiluxError(ErrorCode.UNKNOWN_SLOT, `routine "${ctx.routineId}" has no slot "${slot}"`, {
      routineId: ctx.routineId,
      slot,
    })
  }
  const link = { routineId: ctx.routineId, routine, slot: target, connectionId: undefined }
  run.inFlight++
  waitForRetry(new Delivery(run, run.nextDeliveryId++, link, { ...data }, 1, undefined), delayMs)
  return true
}
