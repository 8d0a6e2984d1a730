/**
 * The default factory: a `Routine` with the definition's slots and events, plus the ports its
 * config names (routes, join inputs, script ports).
 */
import type { MergeStrategy } from '../context'
import { Routine } from '../routine'
import type { Payload } from '../types'
import type { CreateOptions, RoutineDefinition } from './definition'
import { descriptorOf } from './describe'
import { resolvePorts } from './descriptor'

/** Builds a routine of `definition` for `config`: static ports, then config-named ports. */
export function buildRoutine(
  definition: RoutineDefinition,
  config: Payload,
  options: CreateOptions = {},
): Routine {
  const routine = new Routine(config)
  const ports = resolvePorts(descriptorOf(definition), config)
  for (const slot of ports.slots) {
    const spec = definition.slots?.find((s) => s.name === slot.name)
    const handler = spec ? spec.handler : definition.dynamicSlots?.handler
    const declared = spec ? slot.merge : (definition.dynamicSlots?.merge ?? 'override')
    const merge: MergeStrategy = options.merge?.[slot.name] ?? (declared === 'append' ? 'append' : 'override')
    routine.defineSlot(slot.name, handler, { merge })
  }
  for (const spec of definition.slots ?? []) {
    if (spec.internal === true) routine.defineSlot(spec.name, spec.handler)
  }
  for (const event of ports.events) routine.defineEvent(event.name, [...event.params])
  return routine
}
