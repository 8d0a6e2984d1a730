/**
 * `ctx.emit`, `ctx.log` and `ctx.defer`. An emit is validated, copied once, recorded in the history,
 * published as one `eventEmitted`, and fanned out into one delivery per connection. A defer parks one
 * delivery to the routine's own slot on a timer. Arguments are always checked, but emits, logs and
 * defers from a handler whose delivery is over, or whose job has ended, are discarded.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import { isTerminal } from '../job-state'
import { isRecord } from '../payload'
import type { OutputEntry, Payload } from '../types'
import { clock } from './clock'
import { linkTo, NO_OUTS, type OutLink } from './graph'
import { admit } from './job-control'
import { eventEmitted, outputLogged } from './publish'
import { Delivery, type DeliveryPort, RUNNING } from './state'
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

function defer(d: Delivery, delayMs: number, slotName: string, data: Payload | undefined): void {
  if (typeof delayMs !== 'number' || !(delayMs >= 0 && delayMs <= MAX_TIMER_DELAY_MS)) {
    throw new RoutiluxError(
      ErrorCode.INVALID_ARGUMENT,
      `defer delay must be a number of milliseconds from 0 to ${MAX_TIMER_DELAY_MS}`,
      { delayMs: String(delayMs) },
    )
  }
  if (typeof slotName !== 'string') {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, 'defer slot must be a slot name')
  }
  const link = d.link
  const slot = link.routine.getSlot(slotName)
  if (slot === undefined) {
    throw new RoutiluxError(ErrorCode.UNKNOWN_SLOT, `routine "${link.routineId}" has no slot "${slotName}"`, {
      routineId: link.routineId,
      slot: slotName,
    })
  }
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

/** The port every delivery of a flow calls back into. */
export const deliveryPort: DeliveryPort = { emit, log, defer }
