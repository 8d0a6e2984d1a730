/**
 * `ctx.emit` and `ctx.log`. An emit is validated, copied once, recorded in the history, published as
 * one `eventEmitted`, and fanned out into one delivery per connection. Emits and logs from a handler
 * whose delivery is over, or whose job has ended, are discarded.
 */
import { ErrorCode, RoutiluxError } from '../errors'
import type { OutputEntry, Payload } from '../types'
import { clock } from './clock'
import { NO_OUTS, type OutLink } from './graph'
import { admit } from './job-control'
import { eventEmitted, outputLogged } from './publish'
import { Delivery, type DeliveryPort, isTerminal, RUNNING } from './state'

const LEVELS: ReadonlySet<string> = new Set(['debug', 'info', 'warn', 'error'])

function checkPayload(data: unknown, what: string): void {
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    throw new RoutiluxError(ErrorCode.INVALID_ARGUMENT, `${what} must be a plain object`)
  }
}

function emit(d: Delivery, event: string, data: Payload | undefined): void {
  const link = d.link
  let table = (link.node ?? d.run.ex.graph.findNode(link.routineId))?.outs.get(event)
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

/** The port every delivery of a flow calls back into. */
export const deliveryPort: DeliveryPort = { emit, log }
