/**
 * Pure operations on routines of a flow document. Each returns a new document (structural sharing)
 * or the same object when nothing changed, so the undo history only records real changes.
 */
import type { ErrorHandlerSpec, FlowDocument, Point, RoutineSpec } from '../../../engine/document/types'
import type { Payload } from '../../../engine/types'
import { connectionIdFor } from './ids'

export interface NewRoutine {
  id: string
  type: string
  config: Payload
  typeVersion?: number
  title?: string
}

/** Adds a routine at `position`; refuses (returns `doc`) when the id is taken. */
export function addRoutine(doc: FlowDocument, routine: NewRoutine, position: Point): FlowDocument {
  if (doc.routines.some((r) => r.id === routine.id)) return doc
  const spec: RoutineSpec = { id: routine.id, type: routine.type, config: routine.config }
  if (routine.typeVersion !== undefined) spec.typeVersion = routine.typeVersion
  if (routine.title !== undefined) spec.title = routine.title
  return {
    ...doc,
    routines: [...doc.routines, spec],
    layout: { ...doc.layout, positions: { ...doc.layout.positions, [routine.id]: roundPoint(position) } },
  }
}

/** Fields of a routine the inspector edits; `undefined` removes an optional field. */
export type RoutinePatch = Partial<Pick<RoutineSpec, 'title' | 'description' | 'errorHandler' | 'merge'>>

/** Updates a routine's optional fields (title, description, error handler, merge overrides). */
export function updateRoutine(doc: FlowDocument, id: string, patch: RoutinePatch): FlowDocument {
  return mapRoutine(doc, id, (routine) => {
    const next: RoutineSpec = { ...routine }
    for (const key of Object.keys(patch) as (keyof RoutinePatch)[]) {
      const value = patch[key]
      if (
        value === undefined ||
        (key === 'title' && value === '') ||
        (key === 'description' && value === '')
      ) {
        delete next[key]
      } else {
        ;(next as unknown as Record<string, unknown>)[key] = value
      }
    }
    return next
  })
}

/** Replaces a routine's config. */
export function setRoutineConfig(doc: FlowDocument, id: string, config: Payload): FlowDocument {
  return mapRoutine(doc, id, (routine) => (routine.config === config ? routine : { ...routine, config }))
}

/** Sets (or with `undefined`, clears) the merge strategy override of one slot. */
export function setSlotMerge(
  doc: FlowDocument,
  id: string,
  slot: string,
  merge: 'override' | 'append' | undefined,
): FlowDocument {
  return mapRoutine(doc, id, (routine) => {
    const current = { ...(routine.merge ?? {}) }
    if (current[slot] === merge) return routine
    if (merge === undefined) delete current[slot]
    else current[slot] = merge
    const next: RoutineSpec = { ...routine, merge: current }
    if (Object.keys(current).length === 0) delete next.merge
    return next
  })
}

/** Sets (or clears) a routine's own error handler. */
export function setRoutineErrorHandler(
  doc: FlowDocument,
  id: string,
  handler: ErrorHandlerSpec | undefined,
): FlowDocument {
  return updateRoutine(doc, id, { errorHandler: handler })
}

/**
 * Renames a routine and everything that points at it: connections (their editor-made ids too) and
 * its layout position. Refuses (returns `doc`) when `to` is taken or `from` is unknown.
 */
export function renameRoutine(doc: FlowDocument, from: string, to: string): FlowDocument {
  if (from === to || !doc.routines.some((r) => r.id === from) || doc.routines.some((r) => r.id === to)) {
    return doc
  }
  const routines = doc.routines.map((r) => (r.id === from ? { ...r, id: to } : r))
  const connections = doc.connections.map((c) => {
    if (c.source.routine !== from && c.target.routine !== from) return c
    const source = c.source.routine === from ? { ...c.source, routine: to } : c.source
    const target = c.target.routine === from ? { ...c.target, routine: to } : c.target
    const id = c.id === connectionIdFor(c.source, c.target) ? connectionIdFor(source, target) : c.id
    return { id, source, target }
  })
  const positions = { ...doc.layout.positions }
  const position = positions[from]
  delete positions[from]
  if (position) positions[to] = position
  return { ...doc, routines, connections, layout: { ...doc.layout, positions } }
}

/** Moves routines and notes to new positions (one drag, one layout pass). */
export function moveItems(
  doc: FlowDocument,
  routines: Readonly<Record<string, Point>>,
  notes: Readonly<Record<string, Point>> = {},
): FlowDocument {
  let positions = doc.layout.positions
  for (const [id, point] of Object.entries(routines)) {
    const rounded = roundPoint(point)
    const current = positions[id]
    if (current && current.x === rounded.x && current.y === rounded.y) continue
    if (positions === doc.layout.positions) positions = { ...positions }
    positions[id] = rounded
  }
  let noteList = doc.notes
  if (Object.keys(notes).length > 0) {
    noteList = doc.notes.map((n) => {
      const point = notes[n.id]
      if (!point) return n
      const rounded = roundPoint(point)
      return n.x === rounded.x && n.y === rounded.y ? n : { ...n, ...rounded }
    })
    if (noteList.every((n, i) => n === doc.notes[i])) noteList = doc.notes
  }
  if (positions === doc.layout.positions && noteList === doc.notes) return doc
  return { ...doc, layout: { ...doc.layout, positions }, notes: noteList }
}

function mapRoutine(doc: FlowDocument, id: string, fn: (routine: RoutineSpec) => RoutineSpec): FlowDocument {
  const index = doc.routines.findIndex((r) => r.id === id)
  const routine = doc.routines[index]
  if (!routine) return doc
  const next = fn(routine)
  if (next === routine) return doc
  const routines = [...doc.routines]
  routines[index] = next
  return { ...doc, routines }
}

/** Positions are stored as whole pixels so saved files diff cleanly. */
export function roundPoint(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) }
}
