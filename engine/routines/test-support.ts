/**
 * Runs one slot handler of a routine with a recording context, without a flow: unit tests of
 * routine types use it to assert what a delivery emits and logs.
 */
import type { RoutineContext } from '../context'
import { ErrorCode, RoutiluxError } from '../errors'
import type { JobState } from '../job-state'
import type { Routine } from '../routine'
import type { OutputEntry, Payload } from '../types'

/** What one delivery did. */
export interface SlotRun {
  readonly emits: Array<{ event: string; data: Payload }>
  readonly logs: Array<{ level: OutputEntry['level']; message: string; data?: Payload }>
  /** Deliveries scheduled with `ctx.defer` (timers), in order. */
  readonly timers: Array<{ delayMs: number; slot: string; data: Payload }>
  /** Slots whose deferred deliveries the handler dropped with `ctx.cancelDeferred`, in order. */
  readonly cancelled: string[]
}

/** Options of `runSlot`: a job-like object (for `shared`) and an abort signal. */
export interface RunSlotOptions {
  readonly shared?: Payload
  readonly signal?: AbortSignal
  readonly routineId?: string
  /** Leave `ctx.defer` out, as a context built outside the engine might. */
  readonly noDefer?: boolean
}

/** Delivers `data` to `slot` of `routine` and records its emits and logs. */
export async function runSlot(
  routine: Routine,
  slot: string,
  data: Payload,
  options: RunSlotOptions = {},
): Promise<SlotRun> {
  const target = routine.getSlot(slot)
  if (!target) throw new RoutiluxError(ErrorCode.UNKNOWN_SLOT, `no slot "${slot}"`)
  const run: SlotRun = { emits: [], logs: [], timers: [], cancelled: [] }
  const job = { shared: options.shared ?? {}, jobId: 'test-job' } as unknown as JobState
  const ctx = {
    routineId: options.routineId ?? 'routine',
    slotName: slot,
    job,
    config: routine.config,
    signal: options.signal ?? new AbortController().signal,
    attempt: 1,
    emit(event: string, payload: Payload = {}) {
      if (!routine.getEvent(event)) throw new RoutiluxError(ErrorCode.UNKNOWN_EVENT, `no event "${event}"`)
      run.emits.push({ event, data: payload })
    },
    defer(delayMs: number, slotName: string, payload: Payload = {}) {
      run.timers.push({ delayMs, slot: slotName, data: payload })
    },
    cancelDeferred(slotName: string) {
      run.cancelled.push(slotName)
      return 0
    },
    log(level: OutputEntry['level'], message: string, payload?: Payload) {
      run.logs.push({ level, message, ...(payload !== undefined && { data: payload }) })
    },
  } as unknown as Partial<Pick<RoutineContext, 'defer' | 'cancelDeferred'>>
  if (options.noDefer) {
    delete ctx.defer
    delete ctx.cancelDeferred
  }
  await target.handler?.(data, ctx as RoutineContext)
  return run
}
