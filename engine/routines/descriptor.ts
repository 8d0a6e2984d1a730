/**
 * Serialisable descriptions of routine types: what the registry's `describe()` returns and what the
 * renderer's palette, canvas and inspector consume. Pure data and pure functions only (the renderer
 * imports this module).
 */
import type { Payload } from '../types'

/** A JSON Schema (draft 2020-12 subset) as plain data. */
export type JsonSchema = { readonly [key: string]: unknown }

/** How a slot merges successive deliveries inside one job. `custom` = a merge function in code. */
export type MergeKind = 'override' | 'append' | 'custom'

/** An input slot of a routine type. */
export interface SlotDescriptor {
  readonly name: string
  readonly merge: MergeKind
  readonly description?: string
  /** Payload keys the slot reads (documentation, shown on hover). */
  readonly params?: readonly string[]
}

/** An output event of a routine type. */
export interface EventDescriptor {
  readonly name: string
  /** Parameter names the event carries (documentation only, as in Routilux). */
  readonly params: readonly string[]
  readonly description?: string
}

/**
 * Ports that depend on the routine's config (ConditionalRouter's routes, Join's inputs, a script's
 * declared slots/events). `configKey` names a config array; each item is a port name, or an object
 * whose `field` (default `name`) is the port name. `extra` ports always exist in addition.
 */
export interface DynamicPorts {
  readonly configKey: string
  readonly field?: string
  readonly extra?: readonly string[]
  /** Config keys holding a single port name (e.g. a router's `default_route`), added when set. */
  readonly singleKeys?: readonly string[]
}

/** Everything the editor needs to draw, place and configure a routine type. */
export interface RoutineTypeDescriptor {
  /** Stable type id, e.g. `text.clipper`. */
  readonly type: string
  readonly title: string
  /** Palette category, e.g. `control_flow`, `data_processing`, `text_processing`, `utils`, `flow`, `script`. */
  readonly category: string
  readonly description: string
  /** A short icon name or a single glyph for the node header. */
  readonly icon?: string
  /** Accent colour (CSS colour) for the category. */
  readonly color?: string
  /** Version of the config schema; documents store it and config migrations upgrade older configs. */
  readonly version: number
  readonly slots: readonly SlotDescriptor[]
  readonly events: readonly EventDescriptor[]
  readonly dynamicSlots?: DynamicPorts
  readonly dynamicEvents?: DynamicPorts
  /** JSON Schema of the config, with `default`s, used to generate the inspector form. */
  readonly configSchema: JsonSchema
  /** The config a new routine of this type starts with (the schema's defaults). */
  readonly defaults: Payload
  /** Where the type came from: the built-in library or a plugin file. */
  readonly source: 'builtin' | { readonly plugin: string }
  /** True for placeholders standing in for unknown types. */
  readonly placeholder?: boolean
}

/** The slots and events a routine of this type has with the given config. */
export function resolvePorts(
  descriptor: RoutineTypeDescriptor,
  config: Payload,
): { slots: SlotDescriptor[]; events: EventDescriptor[] } {
  const slots = [...descriptor.slots]
  const events = [...descriptor.events]
  if (descriptor.dynamicSlots) {
    for (const name of dynamicNames(descriptor.dynamicSlots, config)) {
      if (!slots.some((s) => s.name === name)) slots.push({ name, merge: 'override' })
    }
  }
  if (descriptor.dynamicEvents) {
    for (const name of dynamicNames(descriptor.dynamicEvents, config)) {
      if (!events.some((e) => e.name === name)) events.push({ name, params: [] })
    }
  }
  return { slots, events }
}

function dynamicNames(spec: DynamicPorts, config: Payload): string[] {
  const names: string[] = []
  const items = config[spec.configKey]
  if (Array.isArray(items)) {
    const field = spec.field ?? 'name'
    for (const item of items) {
      const name = typeof item === 'string' ? item : isRecord(item) ? item[field] : undefined
      if (typeof name === 'string' && name.length > 0 && !names.includes(name)) names.push(name)
    }
  }
  for (const key of spec.singleKeys ?? []) {
    const name = config[key]
    if (typeof name === 'string' && name.length > 0 && !names.includes(name)) names.push(name)
  }
  for (const name of spec.extra ?? []) if (!names.includes(name)) names.push(name)
  return names
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
