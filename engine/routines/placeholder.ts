/**
 * The routine standing in for an unknown (or unbuildable) type: it keeps its config and has the
 * ports the document's connections need; delivering to it fails with `UNKNOWN_TYPE`, loudly.
 */
import type { SlotHandler } from '../context'
import { ErrorCode, RoutiluxError } from '../errors'
import { Routine } from '../routine'
import type { Payload } from '../types'
import type { PlaceholderPorts } from './descriptor-placeholder'

/** A routine for the missing type `type` with the given ports. */
export function createPlaceholderRoutine(
  type: string,
  config: Payload,
  ports: PlaceholderPorts = {},
): Routine {
  const routine = new Routine(config)
  const handler: SlotHandler = () => {
    throw new RoutiluxError(ErrorCode.UNKNOWN_TYPE, `routine type "${type}" is not installed`, { type })
  }
  for (const slot of new Set(ports.slots ?? [])) routine.defineSlot(slot, handler)
  for (const event of new Set(ports.events ?? [])) routine.defineEvent(event)
  return routine
}
