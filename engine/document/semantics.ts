/**
 * Semantic checks a JSON Schema cannot express: unique ids, connection endpoints that exist, and —
 * once routine types are known from their descriptors — events and slots that the routines really have.
 */
import { type RoutineTypeDescriptor, resolvePorts } from '../routines/descriptor'
import type { Payload } from '../types'
import { DocumentProblemCode as Code, problem, quoteName } from './problems'
import type { FlowDocument, Problem, RoutineSpec } from './types'

/** Ports of one routine, by name, as resolved from its descriptor and config. */
export interface RoutinePorts {
  readonly slots: ReadonlySet<string>
  readonly events: ReadonlySet<string>
}

/** Indexes descriptors by type id, ignoring placeholders (they stand for unknown types). */
export function descriptorIndex(
  descriptors: readonly RoutineTypeDescriptor[],
): ReadonlyMap<string, RoutineTypeDescriptor> {
  const index = new Map<string, RoutineTypeDescriptor>()
  for (const d of descriptors) if (!d.placeholder && !index.has(d.type)) index.set(d.type, d)
  return index
}

/** A routine's config with its type's defaults under it, as the registry instantiates it. */
export function effectiveConfig(descriptor: RoutineTypeDescriptor, config: Payload): Payload {
  return { ...descriptor.defaults, ...config }
}

/** The ports of a routine, or undefined when its type is unknown. */
export function portsOf(
  routine: RoutineSpec,
  index: ReadonlyMap<string, RoutineTypeDescriptor>,
): RoutinePorts | undefined {
  const descriptor = index.get(routine.type)
  if (!descriptor) return undefined
  const { slots, events } = resolvePorts(descriptor, effectiveConfig(descriptor, routine.config))
  return { slots: new Set(slots.map((s) => s.name)), events: new Set(events.map((e) => e.name)) }
}

/** Checks ids and connection endpoints; with descriptors, also types, events and slots. */
export function checkSemantics(doc: FlowDocument, descriptors?: readonly RoutineTypeDescriptor[]): Problem[] {
  const problems: Problem[] = []
  const routines = new Map<string, RoutineSpec>()
  doc.routines.forEach((r, i) => {
    if (routines.has(r.id)) {
      problems.push(
        problem(
          'error',
          Code.DUPLICATE_ROUTINE,
          `routine id ${quoteName(r.id)} is used twice`,
          ['routines', i, 'id'],
          {
            routineId: r.id,
          },
        ),
      )
    } else routines.set(r.id, r)
  })

  const index = descriptors ? descriptorIndex(descriptors) : undefined
  const ports = new Map<string, RoutinePorts | undefined>()
  if (index) {
    doc.routines.forEach((r, i) => {
      if (routines.get(r.id) !== r) return
      const p = portsOf(r, index)
      ports.set(r.id, p)
      if (!p) {
        problems.push(
          problem(
            'error',
            Code.UNKNOWN_TYPE,
            `unknown routine type ${quoteName(r.type)}`,
            ['routines', i, 'type'],
            {
              routineId: r.id,
            },
          ),
        )
        return
      }
      for (const slot of Object.keys(r.merge ?? {})) {
        if (!p.slots.has(slot)) {
          problems.push(
            problem(
              'warning',
              Code.UNKNOWN_MERGE_SLOT,
              `merge override for slot ${quoteName(slot)}, which routine ${quoteName(r.id)} does not have`,
              ['routines', i, 'merge', slot],
              { routineId: r.id },
            ),
          )
        }
      }
    })
  }

  const connectionIds = new Set<string>()
  const links = new Map<string, string>()
  doc.connections.forEach((c, i) => {
    const ids = { connectionId: c.id }
    if (connectionIds.has(c.id)) {
      problems.push(
        problem('error', Code.DUPLICATE_CONNECTION, `connection id ${quoteName(c.id)} is used twice`, [
          'connections',
          i,
          'id',
        ]),
      )
    }
    connectionIds.add(c.id)
    const link = JSON.stringify([c.source.routine, c.source.event, c.target.routine, c.target.slot])
    const earlier = links.get(link)
    if (earlier === undefined) links.set(link, c.id)
    else {
      problems.push(
        problem(
          'error',
          Code.DUPLICATE_CONNECTION,
          `connection ${quoteName(c.id)} repeats connection ${quoteName(earlier)}: the same event is already connected to the same slot`,
          ['connections', i],
          ids,
        ),
      )
    }
    const ends = [
      { side: 'source', routine: c.source.routine, port: c.source.event, kind: 'event' },
      { side: 'target', routine: c.target.routine, port: c.target.slot, kind: 'slot' },
    ] as const
    for (const end of ends) {
      if (!routines.has(end.routine)) {
        problems.push(
          problem(
            'error',
            Code.UNKNOWN_ROUTINE,
            `${end.side} routine ${quoteName(end.routine)} does not exist`,
            ['connections', i, end.side, 'routine'],
            ids,
          ),
        )
        continue
      }
      const p = ports.get(end.routine)
      if (!p) continue
      const known = end.kind === 'event' ? p.events : p.slots
      if (!known.has(end.port)) {
        problems.push(
          problem(
            'error',
            end.kind === 'event' ? Code.UNKNOWN_EVENT : Code.UNKNOWN_SLOT,
            `routine ${quoteName(end.routine)} has no ${end.kind} ${quoteName(end.port)}`,
            ['connections', i, end.side, end.kind],
            { ...ids, routineId: end.routine },
          ),
        )
      }
    }
  })

  const noteIds = new Set<string>()
  doc.notes.forEach((n, i) => {
    if (noteIds.has(n.id)) {
      problems.push(
        problem('error', Code.DUPLICATE_NOTE, `note id ${quoteName(n.id)} is used twice`, ['notes', i, 'id']),
      )
    }
    noteIds.add(n.id)
  })

  for (const id of Object.keys(doc.layout.positions)) {
    if (!routines.has(id)) {
      problems.push(
        problem(
          'info',
          Code.ORPHAN_POSITION,
          `position for routine ${quoteName(id)}, which does not exist, is dropped on save`,
          ['layout', 'positions', id],
        ),
      )
    }
  }
  return problems
}
