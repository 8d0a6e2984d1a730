/**
 * What a D2 export draws, before any text is written: each routine with its D2 key and ports, each
 * connection resolved to the port shapes it joins, and the connections that cannot be drawn. Tests
 * use the model to check that compiled diagrams connect the right shapes.
 */

import { flowGraph } from '../document/analyze'
import { descriptorIndex, effectiveConfig } from '../document/semantics'
import type { ConnectionSpec, FlowDocument, RoutineSpec } from '../document/types'
import { type RoutineTypeDescriptor, resolvePorts } from '../routines/descriptor'
import { KeyAllocator } from './d2-text'

/** Key of the container holding a routine's slots. */
export const SLOTS_KEY = 'slots'
/** Key of the container holding a routine's events. */
export const EVENTS_KEY = 'events'
/** Key of the diagram title shape (reserved, so no routine takes it). */
export const TITLE_KEY = 'flow_title'

/** One slot or event as drawn. */
export interface D2Port {
  readonly name: string
  readonly key: string
  /** Event parameters (documentation) from the descriptor. */
  readonly params: readonly string[]
  /** Effective merge mode of a slot. */
  readonly merge?: string
  /** True when the port is not declared by the routine's type (only a connection names it). */
  readonly undeclared: boolean
}

/** One routine as drawn. */
export interface D2Routine {
  readonly spec: RoutineSpec
  readonly index: number
  readonly key: string
  readonly descriptor?: RoutineTypeDescriptor
  readonly entry: boolean
  readonly slots: D2Port[]
  readonly events: D2Port[]
}

/** One connection as drawn, between two port shapes. */
export interface D2Edge {
  readonly connection: ConnectionSpec
  readonly from: D2Routine
  readonly event: D2Port
  readonly to: D2Routine
  readonly slot: D2Port
}

/** The whole drawing. */
export interface D2Model {
  readonly routines: D2Routine[]
  readonly edges: D2Edge[]
  /** Connections whose routines do not exist; they are listed as comments only. */
  readonly skipped: ConnectionSpec[]
  readonly levels: string[][]
}

/** Builds the drawing model of a document; descriptors add declared ports, parameters and merge modes. */
export function buildD2Model(doc: FlowDocument, descriptors?: readonly RoutineTypeDescriptor[]): D2Model {
  const index = descriptors ? descriptorIndex(descriptors) : new Map<string, RoutineTypeDescriptor>()
  const analysis = flowGraph(doc, descriptors)
  const entries = new Set(analysis.entryPoints)
  const keys = new KeyAllocator([TITLE_KEY]).assign(
    doc.routines.map((r) => r.id),
    'routine_',
  )
  const firstById = new Map<string, number>()
  doc.routines.forEach((r, i) => {
    if (!firstById.has(r.id)) firstById.set(r.id, i)
  })

  const usedEvents = new Map<string, string[]>()
  const usedSlots = new Map<string, string[]>()
  for (const c of doc.connections) {
    push(usedEvents, c.source.routine, c.source.event)
    push(usedSlots, c.target.routine, c.target.slot)
  }

  const routines: D2Routine[] = doc.routines.map((spec, i) => {
    const descriptor = index.get(spec.type)
    const declared = descriptor
      ? resolvePorts(descriptor, effectiveConfig(descriptor, spec.config))
      : { slots: [], events: [] }
    const isFirst = firstById.get(spec.id) === i
    const slotNames = unique([
      ...declared.slots.map((s) => s.name),
      ...((isFirst && usedSlots.get(spec.id)) || []),
    ])
    const eventNames = unique([
      ...declared.events.map((e) => e.name),
      ...((isFirst && usedEvents.get(spec.id)) || []),
    ])
    const slotKeys = new KeyAllocator().assign(slotNames, 'slot_')
    const eventKeys = new KeyAllocator().assign(eventNames, 'event_')
    const slots = slotNames.map((name, k) => {
      const d = declared.slots.find((s) => s.name === name)
      const merge = (spec.merge && Object.hasOwn(spec.merge, name) ? spec.merge[name] : undefined) ?? d?.merge
      return {
        name,
        key: slotKeys[k] as string,
        params: d?.params ?? [],
        undeclared: !d,
        ...(merge && { merge }),
      }
    })
    const events = eventNames.map((name, k) => {
      const d = declared.events.find((e) => e.name === name)
      return { name, key: eventKeys[k] as string, params: d?.params ?? [], undeclared: !d }
    })
    return {
      spec,
      index: i,
      key: keys[i] as string,
      ...(descriptor && { descriptor }),
      entry: isFirst && entries.has(spec.id),
      slots,
      events,
    }
  })

  const edges: D2Edge[] = []
  const skipped: ConnectionSpec[] = []
  for (const connection of doc.connections) {
    const fromIndex = firstById.get(connection.source.routine)
    const toIndex = firstById.get(connection.target.routine)
    const from = fromIndex === undefined ? undefined : routines[fromIndex]
    const to = toIndex === undefined ? undefined : routines[toIndex]
    const event = from?.events.find((e) => e.name === connection.source.event)
    const slot = to?.slots.find((s) => s.name === connection.target.slot)
    if (from && to && event && slot) edges.push({ connection, from, event, to, slot })
    else skipped.push(connection)
  }
  return { routines, edges, skipped, levels: analysis.levels }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)]
}
