/**
 * The ports a routine shows: its type's ports for its config, plus any port a connection refers to
 * that the type does not have (shown as missing, so a broken connection stays visible and editable).
 */
import type { ConnectionSpec, RoutineSpec } from '../../../engine/document/types'
import { type RoutineTypeDescriptor, resolvePorts } from '../../../engine/routines/descriptor'

export interface SlotView {
  readonly name: string
  readonly merge: 'override' | 'append' | 'custom'
  /** The merge strategy the type gives the slot. */
  readonly typeMerge: 'override' | 'append' | 'custom'
  /** The document overrides the type's merge strategy. */
  readonly overridden: boolean
  readonly params: readonly string[]
  readonly missing: boolean
}

export interface EventView {
  readonly name: string
  readonly params: readonly string[]
  readonly missing: boolean
}

export interface PortViews {
  readonly slots: readonly SlotView[]
  readonly events: readonly EventView[]
}

/** Port names each routine's connections use: `slots` as a target, `events` as a source. */
export interface ReferencedPorts {
  readonly slots: Map<string, Set<string>>
  readonly events: Map<string, Set<string>>
}

/** Collects the ports connections refer to, per routine. */
export function referencedPorts(connections: readonly ConnectionSpec[]): ReferencedPorts {
  const slots = new Map<string, Set<string>>()
  const events = new Map<string, Set<string>>()
  for (const c of connections) {
    addTo(events, c.source.routine, c.source.event)
    addTo(slots, c.target.routine, c.target.slot)
  }
  return { slots, events }
}

/** The slots and events to draw for `routine`. */
export function portViews(
  routine: RoutineSpec,
  descriptor: RoutineTypeDescriptor | undefined,
  referenced: ReferencedPorts,
): PortViews {
  const resolved = descriptor ? resolvePorts(descriptor, routine.config) : { slots: [], events: [] }
  const slots: SlotView[] = resolved.slots.map((s) => {
    const override = routine.merge?.[s.name]
    return {
      name: s.name,
      merge: override ?? s.merge,
      typeMerge: s.merge,
      overridden: override !== undefined && override !== s.merge,
      params: s.params ?? [],
      missing: false,
    }
  })
  const events: EventView[] = resolved.events.map((e) => ({ name: e.name, params: e.params, missing: false }))
  for (const name of referenced.slots.get(routine.id) ?? []) {
    if (!slots.some((s) => s.name === name)) {
      slots.push({
        name,
        merge: routine.merge?.[name] ?? 'override',
        typeMerge: 'override',
        overridden: false,
        params: [],
        missing: true,
      })
    }
  }
  for (const name of referenced.events.get(routine.id) ?? []) {
    if (!events.some((e) => e.name === name)) events.push({ name, params: [], missing: true })
  }
  return { slots, events }
}

/** A string that changes exactly when the missing ports of a routine change (for caching). */
export function missingPortsKey(routineId: string, referenced: ReferencedPorts): string {
  const s = referenced.slots.get(routineId)
  const e = referenced.events.get(routineId)
  return `${s ? [...s].join('\u0000') : ''}\u0001${e ? [...e].join('\u0000') : ''}`
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key)
  if (!set) {
    set = new Set()
    map.set(key, set)
  }
  set.add(value)
}
