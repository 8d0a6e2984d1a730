/**
 * `ctx.emit`, `ctx.log`, `ctx.defer` and `ctx.cancelDeferred`. An emit is validated, copied once,
 * recorded in the history, published as one `eventEmitted`, and fanned out into one delivery per
 * connection. A defer parks one delivery to the routine's own slot on a timer; cancelDeferred drops
 * the ones not due yet. Arguments are always checked, but calls from a handler whose delivery is
 * over, or whose job has ended, change nothing.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import { isTerminal } from '../job-state'
import { isRecord } from '../payload'
import type { Slot } from '../slot'
import type { OutputEntry, Payload } from '../types'
import { clock } from './clock'
import { linkTo, NO_OUTS, type OutLink } from './graph'
import { admit } from './job-control'
import { eventEmitted, outputLogged } from './publish'
import { CLOSED, Delivery, type DeliveryPort, RUNNING } from './state'
import { MAX_TIMER_DELAY_MS, waitOnTimer } from './timers'

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error'])

function checkPayload(data: unknown, what: string): void {
  if (data !== undefined && !isRecord(data)) {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `${what} must be a plain object`)
  }
}

function emit(d: Delivery, event: string, data: Payload | undefined): void {
  let table = d.link.node.outs.get(event)
  if (table === undefined) {
    if (!d.link.routine.events.has(event)) {
      throw new RoutiluxError(
        ErrorCode.UNKNOWN_EVENT,
        `routine "${d.link.routineId}" has no event "${event}"`,
        {
          routineId: d.link.routineId,
          event,
        },
      )
    }
    table = NO_OUTS
  }
  checkPayload(data, 'emit data')
  const run = d.run
  if (d.state !== RUNNING || isTerminal(run.core.status)) return
  const payload: Payload = data === undefined ? {} : { ...data }
  const time = clock.now()
  run.core.history.append({ routineId: d.link.routineId, event, data: payload, timestamp: time })
  eventEmitted(d, event, table.ids, payload, time)
  const links = table.links
  for (let i = 0; i < links.length; i++) {
    admit(new Delivery(run, run.nextDeliveryId++, links[i] as OutLink, payload, 1, undefined), time)
  }
}

function log(d: Delivery, level: OutputEntry['level'], message: string, data: Payload | undefined): void {
  if (!LEVELS.has(level)) {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `unknown log level "${String(level)}"`, { level })
  }
  checkPayload(data, 'log data')
  const core = d.run.core
  if (isTerminal(core.status)) return
  const entry: OutputEntry = {
    routineId: d.link.routineId,
    level,
    message: String(message),
    data: data === undefined ? undefined : { ...data },
    timestamp: clock.now(),
  }
  core.outputLog().append(entry)
  outputLogged(d, entry)
}

/** The routine's own slot `slotName`; a non-string throws `INVALID_ARGUMENT`, an undeclared slot `UNKNOWN_SLOT`. */
function ownSlot(d: Delivery, slotName: string, what: string): Slot {
  if (typeof slotName !== 'string') {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `${what} slot must be a slot name`)
  }
  const link = d.link
  const slot = link.routine.getSlot(slotName)
  if (slot === undefined) {
    throw new RoutiluxError(ErrorCode.UNKNOWN_SLOT, `routine "${link.routineId}" has no slot "${slotName}"`, {
      routineId: link.routineId,
      slot: slotName,
    })
  }
  return slot
}

function defer(d: Delivery, delayMs: number, slotName: string, data: Payload | undefined): void {
  if (typeof delayMs !== 'number' || !(delayMs >= 0 && delayMs <= MAX_TIMER_DELAY_MS)) {
    throw new RoutiluxError(
      ErrorCode.INVALID_ARGUMENT,
      `defer delay must be a number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}`,
      { delayMs: String(delayMs) },
    )
  }
  const slot = ownSlot(d, slotName, 'defer')
  const link = d.link
  checkPayload(data, 'defer data')
  const run = d.run
  if (d.state !== RUNNING || isTerminal(run.core.status)) return
  const payload: Payload = data === undefined ? {} : { ...data }
  run.inFlight++
  waitOnTimer(
    new Delivery(run, run.nextDeliveryId++, linkTo(link.node, slot), payload, 1, undefined),
    delayMs,
  )
}

/**
 * A waiting delivery `ctx.defer` scheduled is a first attempt without a connection; a retry waiting
 * out its delay has attempt 2 or more.
 */
function cancelDeferred(d: Delivery, slotName: string): number {
  const slot = ownSlot(d, slotName, 'cancelDeferred')
  const run = d.run
  const waiting = run.waiting
  if (d.state !== RUNNING || isTerminal(run.core.status) || waiting === undefined) return 0
  let dropped = 0
  for (const w of waiting) {
    const link = w.link
    if (
      link.node !== d.link.node ||
      link.slot !== slot ||
      link.connectionId !== undefined ||
      w.attempt !== 1
    ) {
      continue
    }
    clearTimeout(w.timer)
    w.timer = undefined
    w.state = CLOSED
    waiting.delete(w)
    dropped++
  }
  // The calling delivery is itself in flight, so the job cannot complete here.
  run.inFlight -= dropped
  return dropped
}

/** The port every delivery of a flow calls back into. */
export const deliveryPort: DeliveryPort = { emit, log, defer, cancelDeferred }
