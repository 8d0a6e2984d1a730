/**
 * Turns a definition into its plain, serialisable descriptor (what `registry.describe()` returns).
 */

import { categoryStyle } from './categories'
import type { RoutineDefinition } from './definition'
import type { DynamicPorts, EventDescriptor, RoutineTypeDescriptor, SlotDescriptor } from './descriptor'
import { defaultConfig } from './descriptor-config'

const EMPTY_SCHEMA = { type: 'object', properties: {}, additionalProperties: true } as const
const cache = new WeakMap<RoutineDefinition, RoutineTypeDescriptor>()

/** The descriptor of `definition` (cached; descriptors are immutable data). */
export function descriptorOf(definition: RoutineDefinition): RoutineTypeDescriptor {
  const cached = cache.get(definition)
  if (cached) return cached
  const schema = definition.configSchema ?? EMPTY_SCHEMA
  const style = categoryStyle(definition.category)
  const slots: SlotDescriptor[] = (definition.slots ?? [])
    .filter((s) => s.internal !== true)
    .map((s) => ({
      name: s.name,
      merge: s.merge ?? 'override',
      ...(s.description !== undefined && { description: s.description }),
      ...(s.params !== undefined && { params: [...s.params] }),
    }))
  const events: EventDescriptor[] = (definition.events ?? []).map((e) => ({
    name: e.name,
    params: [...(e.params ?? [])],
    ...(e.description !== undefined && { description: e.description }),
  }))
  const descriptor: RoutineTypeDescriptor = {
    type: definition.id,
    title: definition.title,
    category: definition.category,
    description: definition.description,
    icon: definition.icon ?? style.icon,
    color: definition.color ?? style.color,
    version: definition.version ?? 1,
    slots,
    events,
    ...(definition.dynamicSlots && { dynamicSlots: plainPorts(definition.dynamicSlots) }),
    ...(definition.dynamicEvents && { dynamicEvents: plainPorts(definition.dynamicEvents) }),
    configSchema: schema,
    defaults: defaultConfig(schema),
    source: definition.source ?? 'builtin',
  }
  cache.set(definition, descriptor)
  return descriptor
}

function plainPorts(ports: DynamicPorts) {
  return {
    configKey: ports.configKey,
    ...(ports.field !== undefined && { field: ports.field }),
    ...(ports.extra !== undefined && { extra: [...ports.extra] }),
    ...(ports.singleKeys !== undefined && { singleKeys: [...ports.singleKeys] }),
  }
}
