/** Which ports to wire when a routine is added from a dropped connection. */
import { type RoutineTypeDescriptor, resolvePorts } from '../../../engine/routines/descriptor'
import type { Payload } from '../../../engine/types'
import type { ConnectionEnds } from '../document/connection-ops'
import type { ConnectFrom } from './state-editing'

const PREFERRED_SLOTS = ['input', 'trigger', 'data', 'in']
const PREFERRED_EVENTS = ['output', 'out', 'result', 'done']

/**
 * The connection between an existing port (`from`) and a new routine of type `descriptor` with
 * `config` (whose id is taken from `newId`): an event `from` feeds the new routine's best slot; a
 * slot `from` is fed by the new routine's best event. Undefined when the new type has no such port.
 */
export function pickPort(
  descriptor: RoutineTypeDescriptor,
  config: Payload,
  from: ConnectFrom,
  newId: string,
): ConnectionEnds | undefined {
  const ports = resolvePorts(descriptor, config)
  if (from.event !== undefined) {
    const slot = preferred(
      ports.slots.map((s) => s.name),
      PREFERRED_SLOTS,
    )
    return slot === undefined
      ? undefined
      : { source: { routine: from.routine, event: from.event }, target: { routine: newId, slot } }
  }
  if (from.slot !== undefined) {
    const event = preferred(
      ports.events.map((e) => e.name),
      PREFERRED_EVENTS,
    )
    return event === undefined
      ? undefined
      : { source: { routine: newId, event }, target: { routine: from.routine, slot: from.slot } }
  }
  return undefined
}

function preferred(names: readonly string[], order: readonly string[]): string | undefined {
  return order.find((name) => names.includes(name)) ?? names[0]
}
