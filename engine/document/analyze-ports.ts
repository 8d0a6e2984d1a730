/**
 * Port-level analysis: which routines are entry points, which slots receive nothing, which events go
 * nowhere. Ports come from descriptors; for a routine whose
 * type is unknown they are inferred from the connections that use them.
 */
import type { RoutineTypeDescriptor } from '../routines/descriptor'
import { AnalysisCode, problem, quoteName } from './problems'
import { portsOf, type RoutinePorts } from './semantics'
import type { FlowDocument, Problem } from './types'

/** A port of one routine. */
export interface PortRef {
  readonly routine: string
  readonly port: string
}

/** The slot a run delivers its entry params to. */
export const ENTRY_SLOT = 'trigger'

/** Result of the port analysis. */
export interface PortAnalysis {
  /** Routines with a `trigger` slot; for unknown types, routines nothing connects to. */
  readonly entry: ReadonlySet<string>
  readonly unconnectedSlots: PortRef[]
  readonly unconnectedEvents: PortRef[]
  readonly problems: Problem[]
}

/** Analyses ports; `first` maps each routine id to the index of its first definition. */
export function analyzePorts(
  doc: FlowDocument,
  first: ReadonlyMap<string, number>,
  index: ReadonlyMap<string, RoutineTypeDescriptor> | undefined,
): PortAnalysis {
  const incoming = new Map<string, Set<string>>()
  const outgoing = new Map<string, Set<string>>()
  const problems: Problem[] = []
  for (const c of doc.connections) {
    add(outgoing, c.source.routine, c.source.event)
    add(incoming, c.target.routine, c.target.slot)
  }

  const entry = new Set<string>()
  const unconnectedSlots: PortRef[] = []
  const unconnectedEvents: PortRef[] = []
  doc.routines.forEach((r, i) => {
    if (first.get(r.id) !== i) return
    const ports: RoutinePorts | undefined = index ? portsOf(r, index) : undefined
    if (!ports) {
      const fed = incoming.get(r.id)
      if (fed === undefined || fed.has(ENTRY_SLOT)) entry.add(r.id)
      return
    }
    if (ports.slots.has(ENTRY_SLOT)) entry.add(r.id)
    const ids = { routineId: r.id }
    for (const slot of ports.slots) {
      if (incoming.get(r.id)?.has(slot) || (slot === ENTRY_SLOT && entry.has(r.id))) continue
      unconnectedSlots.push({ routine: r.id, port: slot })
      problems.push(
        problem(
          'info',
          AnalysisCode.UNCONNECTED_SLOT,
          `slot ${quoteName(slot)} of routine ${quoteName(r.id)} receives nothing`,
          ['routines', i],
          ids,
        ),
      )
    }
    for (const event of ports.events) {
      if (outgoing.get(r.id)?.has(event)) continue
      unconnectedEvents.push({ routine: r.id, port: event })
      problems.push(
        problem(
          'info',
          AnalysisCode.UNCONNECTED_EVENT,
          `event ${quoteName(event)} of routine ${quoteName(r.id)} is not connected`,
          ['routines', i],
          ids,
        ),
      )
    }
  })
  return { entry, unconnectedSlots, unconnectedEvents, problems }
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key)
  if (!set) {
    set = new Set()
    map.set(key, set)
  }
  set.add(value)
}
